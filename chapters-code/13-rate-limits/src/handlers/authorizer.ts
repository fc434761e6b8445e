import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { tokenKeysFromEnvironment } from '../aws/ssm';
import { allowPolicy } from '../auth/policy';
import { InvalidTokenError, tokenKeysFrom, verifyToken, type TokenKeys } from '../auth/verify-token';

/** The header as API Gateway passes it to a TOKEN authorizer: the whole value, scheme included. */
const bearer = /^Bearer ([-0-9A-Za-z_.]+)$/;

// #region authorizer
/**
 * API Gateway's Lambda authorizer for rider and staff tokens. Its answer is one of two:
 * an Allow policy with the caller in its context, or the error "Unauthorized", which API
 * Gateway turns into a 401 (the UNAUTHORIZED gateway response). Anything else it throws
 * becomes AUTHORIZER_FAILURE, which this API answers with 503: so a bad token, whatever is
 * wrong with it, must end in "Unauthorized", and only a fault of ours (the keys could not
 * be read) may end otherwise.
 */
export const handlerWith = (keys: () => Promise<TokenKeys>) =>
  async (event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
    const trusted = await keys();
    try {
      const token = bearer.exec(event.authorizationToken ?? '')?.[1];
      if (!token) throw new InvalidTokenError('ERR_NOT_A_BEARER_TOKEN');
      return allowPolicy(event.methodArn, await verifyToken(token, trusted));
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? error.reason : 'ERR_UNEXPECTED';
      // Why, for the logs; never the token itself, which would let anyone who reads the logs use it.
      console.warn(JSON.stringify({ level: 'warn', message: 'token refused', reason }));
      throw new Error('Unauthorized');
    }
  };
// #endregion authorizer

/** The key set, parsed once per change of the parameter's value. */
function keysFromEnvironment(): () => Promise<TokenKeys> {
  const read = tokenKeysFromEnvironment();
  let parsed: { json: string; keys: TokenKeys } | undefined;
  return async () => {
    const json = await read();
    if (parsed?.json !== json) parsed = { json, keys: tokenKeysFrom(json) };
    return parsed.keys;
  };
}

export const handler = handlerWith(keysFromEnvironment());
