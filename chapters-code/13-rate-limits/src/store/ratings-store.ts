import type { DriverRecord } from '../domain/drivers';
import type { RiderAllowance } from '../domain/limits';
import type { Rating } from '../domain/ratings';

/**
 * Where a page of a list stopped, written by the store and read only by the store.
 * The API hands it to clients inside a signed cursor and gives it back unread.
 */
export type PagePosition = string;

export interface RatingsPage {
  items: Rating[];
  /** Where the next page starts; absent on the last page. */
  next?: PagePosition;
}

/** A position this store did not give out for this list: the client's mistake, a 400. */
export class InvalidPagePositionError extends Error {
  constructor() {
    super('Not a position in this list.');
    this.name = 'InvalidPagePositionError';
  }
}

// #region interface
/**
 * What the handlers need from storage, in the domain's words. Handlers never
 * see DynamoDB keys or commands, so tests can swap the storage out.
 */
export interface RatingsStore {
  putDriver(driver: DriverRecord): Promise<void>;
  /** The driver with their running count and total: one item read, however many ratings. */
  getDriver(driverId: string): Promise<DriverRecord | undefined>;
  /**
   * Stores a rating, adds it to the driver's summary and counts it against the rider's
   * allowance for the rating's day, all or nothing. Throws DriverNotFoundError,
   * RideAlreadyRatedError or RatingLimitReachedError, and writes nothing, when it must refuse.
   */
  addRating(rating: Rating, allowance: RiderAllowance): Promise<void>;
  /**
   * One page of the driver's ratings, newest first, starting after `after` (a `next`
   * this store returned). Throws InvalidPagePositionError for any other `after`.
   */
  listRatings(driverId: string, page: { limit: number; after?: PagePosition }): Promise<RatingsPage>;
  /** A city's best-rated drivers: by average, then by number of ratings. */
  topDrivers(city: string, limit: number): Promise<Array<Omit<DriverRecord, 'createdAt'>>>;
}
// #endregion interface
