import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import type { TokenCaller } from './token-rules';

// #region policy
/**
 * Every route the authorizer guards, as the end of a method ARN ("*" for a path parameter).
 * API Gateway caches the answer for a token and reuses it on each of these routes, so the
 * policy names them all: a policy naming only the route that was called would get the same
 * token a 403 on the other route for as long as the answer stays cached.
 */
export const guardedRoutes = ['POST/drivers', 'POST/drivers/*/ratings'] as const;

/**
 * Allows the guarded routes of the API and stage that `methodArn` belongs to, and hands the
 * caller to the functions as the context. Whether this caller may do what a route does
 * (rate this ride, create drivers) is for the route's function to decide, from the context.
 */
export function allowPolicy(methodArn: string, caller: TokenCaller): APIGatewayAuthorizerResult {
  // arn:aws:execute-api:<region>:<account>:<api id>/<stage>/<method>/<path>
  const [api, stage] = methodArn.split('/');
  if (!api || !stage) throw new Error(`Not a method ARN: ${methodArn}`);
  return {
    principalId: caller.kind === 'rider' ? caller.rider : caller.staff,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: guardedRoutes.map((route) => `${api}/${stage}/${route}`) }],
    },
    context: { ...caller },
  };
}
// #endregion policy
