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
