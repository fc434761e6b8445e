import { MissingScopeError, RideNotCoveredError } from './errors';

// #region caller
/**
 * Who is calling, as the gateway established it, in plain values. A partner showed an API
 * key; a rider or a member of staff showed a token that the authorizer verified. Nothing
 * here knows how: src/http/caller.ts reads it from the request.
 */
export type Caller =
  | { kind: 'partner'; apiKeyId: string }
  | { kind: 'rider'; rider: string; ride: string; driver: string }
  | { kind: 'staff'; staff: string; scopes: readonly string[] }
  | { kind: 'anonymous' };
// #endregion caller

// #region may-rate
/**
 * A ride is rated by its rider, with the token the ride app got when the ride ended:
 * that token names the ride and its driver, and the request must name the same. So a
 * rider cannot rate another driver, or rate twice with one ride's token, and nobody can
 * use up someone else's ride id by guessing it.
 */
export function assertMayRate(caller: Caller, driverId: string, rideId: string): asserts caller is Extract<Caller, { kind: 'rider' }> {
  if (caller.kind !== 'rider') throw new RideNotCoveredError('A ride is rated with the ride token of that ride.');
  if (caller.driver !== driverId) throw new RideNotCoveredError('This ride token is for a ride with another driver.');
  if (caller.ride !== rideId) throw new RideNotCoveredError('This ride token is for another ride.');
}
// #endregion may-rate

// #region may-create-drivers
/** The scope a staff token needs to create drivers. */
export const driversWriteScope = 'drivers:write';

/** Drivers are created by staff whose token carries that scope; a rider's token never does. */
export function assertMayCreateDrivers(caller: Caller): void {
  if (caller.kind !== 'staff' || !caller.scopes.includes(driversWriteScope)) {
    throw new MissingScopeError(driversWriteScope, `Creating drivers takes a staff token with the scope "${driversWriteScope}".`);
  }
}
// #endregion may-create-drivers
