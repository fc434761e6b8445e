import type { DriverRecord } from '../domain/drivers';
import type { Rating } from '../domain/ratings';

/** Where a page of a list stopped: a DynamoDB key, opaque to everyone but the store. */
export type PageKey = Record<string, string>;

export interface RatingsPage {
  items: Rating[];
  /** Where the next page starts; absent on the last page. */
  next?: PageKey;
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
   * Stores a rating and adds it to the driver's summary, all or nothing. Throws
   * DriverNotFoundError or RideAlreadyRatedError, and writes nothing, when it must refuse.
   */
  addRating(rating: Rating): Promise<void>;
  /** One page of the driver's ratings, newest first, starting after `after`. */
  listRatings(driverId: string, page: { limit: number; after?: PageKey }): Promise<RatingsPage>;
  /** A city's best-rated drivers: by average, then by number of ratings. */
  topDrivers(city: string, limit: number): Promise<Array<Omit<DriverRecord, 'createdAt'>>>;
}
// #endregion interface
