import type { Driver } from '../domain/drivers';
import type { Rating } from '../domain/ratings';

// #region interface
/**
 * What the handlers need from storage, in the domain's words. Handlers never
 * see DynamoDB keys or commands, so tests can swap the storage out.
 */
export interface RatingsStore {
  putDriver(driver: Driver): Promise<void>;
  getDriver(driverId: string): Promise<Driver | undefined>;
  /** Stores a rating; throws RideAlreadyRatedError if its ride was rated before. */
  putRating(rating: Rating): Promise<void>;
  /** Every rating of the driver, newest first. */
  listRatings(driverId: string): Promise<Rating[]>;
}
// #endregion interface
