/**
 * What can go wrong in the domain, in the domain's words. The domain and the store
 * throw these; only src/http/handle.ts knows which HTTP status each one becomes.
 */
export class DriverNotFoundError extends Error {
  /** `driverId` is left out when the id is malformed: it is not repeated back to the client. */
  constructor(readonly driverId?: string) {
    super(driverId === undefined ? 'No driver has an id like this one.' : `No driver with id "${driverId}".`);
    this.name = 'DriverNotFoundError';
  }
}

export class RideAlreadyRatedError extends Error {
  constructor(readonly rideId: string) {
    super(`Ride "${rideId}" has already been rated.`);
    this.name = 'RideAlreadyRatedError';
  }
}

/** A rating whose ride token is not for this ride and driver, or no ride token at all. */
export class RideNotCoveredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RideNotCoveredError';
  }
}

/** A caller without the scope an action needs. */
export class MissingScopeError extends Error {
  constructor(readonly scope: string, message: string) {
    super(message);
    this.name = 'MissingScopeError';
  }
}

/** A rider who has rated as many rides today as the daily cap allows (src/domain/limits.ts). */
export class RatingLimitReachedError extends Error {
  constructor(readonly perDay: number, readonly resetsAt: Date) {
    super(`A rider can rate ${perDay} rides a day; this rider has. The count starts again at ${resetsAt.toISOString()}.`);
    this.name = 'RatingLimitReachedError';
  }
}
