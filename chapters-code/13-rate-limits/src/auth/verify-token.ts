import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import {
  callerOfClaims,
  clockToleranceSeconds,
  maxTokenAgeSeconds,
  tokenAlgorithm,
  tokenAudience,
  tokenIssuer,
  type TokenCaller,
} from './token-rules';

/** The public keys that may have signed a token, found by the `kid` in its header. */
export type TokenKeys = ReturnType<typeof createLocalJWKSet>;

/**
 * A key set from its JSON (RFC 7517): public keys only. A private key here would mean the
 * signer's secret had been copied where it does not belong, so it is refused outright.
 */
export function tokenKeysFrom(json: string): TokenKeys {
  const set = JSON.parse(json) as JSONWebKeySet;
  if (!Array.isArray(set?.keys)) throw new Error('The token keys are not a JSON Web Key Set: no "keys" array');
  if (set.keys.some((key) => 'd' in key)) throw new Error('The token keys include a private key: publish public keys only');
  return createLocalJWKSet(set);
}

/** Why a token was refused, for the logs: the client only ever learns "not authenticated". */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

// #region verify-token
/**
 * The caller a token speaks for, or InvalidTokenError. Every check is jose's, with the
 * options pinned: the algorithm list (so neither "none" nor HS256 with the public key as a
 * shared secret can pass, whatever the token's header claims), issuer, audience, the
 * claims that must be there, the token's age and a small clock tolerance.
 */
export async function verifyToken(token: string, keys: TokenKeys, now = new Date()): Promise<TokenCaller> {
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(token, keys, {
      algorithms: [tokenAlgorithm],
      issuer: tokenIssuer,
      audience: tokenAudience,
      requiredClaims: ['exp', 'iat', 'sub'],
      maxTokenAge: maxTokenAgeSeconds,
      clockTolerance: clockToleranceSeconds,
      currentDate: now,
    }));
  } catch (error) {
    // jose's codes name the check that failed: ERR_JWT_EXPIRED, ERR_JWS_SIGNATURE_VERIFICATION_FAILED...
    throw new InvalidTokenError((error as { code?: string }).code ?? 'ERR_UNREADABLE');
  }
  const caller = callerOfClaims(claims);
  if (!caller) throw new InvalidTokenError('ERR_CLAIMS_DESCRIBE_NO_CALLER');
  return caller;
}
// #endregion verify-token
