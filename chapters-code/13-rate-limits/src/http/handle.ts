import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { DriverNotFoundError, MissingScopeError, RatingLimitReachedError, RideAlreadyRatedError, RideNotCoveredError } from '../domain/errors';
import { InvalidPagePositionError } from '../store/ratings-store';
import { isStoreUnavailable } from '../store/unavailable';
import { withBrowserAccess } from './browser-access';
import { invalidCursor } from './cursor';
import { HttpProblem, problemDocument, problemResponse } from './problems';

export type Route = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

/** Seconds a client should wait before retrying after a 503. */
export const retryAfterSeconds = 1;

// #region to-response
/**
 * Every failure becomes a problem document here, in one place. Known problems keep
 * their own status; anything else is a bug or an outage, and the client learns only
 * that: stack traces, table names and SDK messages stay in the logs.
 */
export function errorResponse(error: unknown, now: Date = new Date()): APIGatewayProxyResult {
  if (error instanceof HttpProblem) return problemResponse(error.document);
  if (error instanceof DriverNotFoundError) return problemResponse(problemDocument('driverNotFound', error.message));
  if (error instanceof RideAlreadyRatedError) {
    return problemResponse(problemDocument('rideAlreadyRated', error.message));
  }
  if (error instanceof InvalidPagePositionError) {
    return problemResponse(invalidCursor().document);
  }
  if (error instanceof RideNotCoveredError) return problemResponse(problemDocument('rideNotCovered', error.message));
  if (error instanceof MissingScopeError) {
    // RFC 6750, section 3.1: a valid token without the scope is a 403 that names the scope.
    return problemResponse(problemDocument('insufficientScope', error.message), {
      'www-authenticate': `Bearer error="insufficient_scope", scope="${error.scope}"`,
    });
  }
  if (error instanceof RatingLimitReachedError) {
    // #region retry-after-midnight
    // Retry-After in seconds (RFC 9110, section 10.2.3): until the rider's count starts again.
    const seconds = Math.max(1, Math.ceil((error.resetsAt.getTime() - now.getTime()) / 1000));
    return problemResponse(problemDocument('ratingLimitReached', error.message), { 'retry-after': String(seconds) });
    // #endregion retry-after-midnight
  }
  logFailure(error);
  if (isStoreUnavailable(error)) {
    return problemResponse(
      problemDocument('unavailable', 'The ratings store is busy or unreachable. Try again shortly.'),
      { 'retry-after': String(retryAfterSeconds) },
    );
  }
  return problemResponse(problemDocument('internal', 'Something went wrong on our side. It has been logged.'));
}
// #endregion to-response

// #region handle
/**
 * Wraps a route so that nothing it throws reaches API Gateway (which would answer 502),
 * and so that every answer, success or problem, carries the CORS headers.
 */
export function handle(route: Route): Route {
  return async (event) => {
    try {
      return withBrowserAccess(await route(event));
    } catch (error) {
      return withBrowserAccess(errorResponse(error));
    }
  };
}
// #endregion handle

/** One JSON line per failure, for CloudWatch: the details the client does not get. */
function logFailure(error: unknown): void {
  const { name, message, stack } = error instanceof Error ? error : { name: 'NonError', message: String(error), stack: undefined };
  console.error(JSON.stringify({ level: 'error', name, message, stack }));
}
