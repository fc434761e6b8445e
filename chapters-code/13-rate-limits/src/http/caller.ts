import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { Caller } from '../domain/callers';

// #region caller-from
/**
 * Who called, from what API Gateway established before the function ran: the context of
 * the Lambda authorizer (src/auth/policy.ts puts the caller there), or the id of the API
 * key a partner route required. Never from the request's own headers: a header says what
 * the client claims, the context says what the gateway checked.
 */
export function callerFrom(event: APIGatewayProxyEvent): Caller {
  const context: Record<string, unknown> = event.requestContext?.authorizer ?? {};
  const text = (name: string) => (typeof context[name] === 'string' && context[name] !== '' ? context[name] : undefined);
  const [kind, rider, ride, driver, staff, scope] = ['kind', 'rider', 'ride', 'driver', 'staff', 'scope'].map(text);
  if (kind === 'rider' && rider && ride && driver) return { kind: 'rider', rider, ride, driver };
  if (kind === 'staff' && staff && scope) return { kind: 'staff', staff, scopes: scope.split(' ') };
  const apiKeyId = event.requestContext?.identity?.apiKeyId;
  if (apiKeyId) return { kind: 'partner', apiKeyId };
  return { kind: 'anonymous' };
}
// #endregion caller-from
