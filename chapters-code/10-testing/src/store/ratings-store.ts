import type { DriverRecord } from '../domain/drivers';
import type { Rating } from '../domain/ratings';

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
  /** Every rating of the driver, newest first. */
  listRatings(driverId: string): Promise<Rating[]>;
}
// #endregion interface
