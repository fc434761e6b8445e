import type { Driver } from '../../src/domain/drivers';
import { RideAlreadyRatedError } from '../../src/domain/errors';
import type { Rating } from '../../src/domain/ratings';
import type { RatingsStore } from '../../src/store/ratings-store';

// #region in-memory-store
/**
 * RatingsStore kept in memory, for the handlers' unit tests: the same promises as
 * the DynamoDB store (one rating per ride, newest first), none of its keys or commands.
 */
export class InMemoryRatingsStore implements RatingsStore {
  private readonly drivers = new Map<string, Driver>();
  private readonly ratings: Rating[] = [];

  async putDriver(driver: Driver): Promise<void> {
    this.drivers.set(driver.driverId, { ...driver });
  }

  async getDriver(driverId: string): Promise<Driver | undefined> {
    const driver = this.drivers.get(driverId);
    return driver && { ...driver };
  }

  async putRating(rating: Rating): Promise<void> {
    if (this.ratings.some((stored) => stored.rideId === rating.rideId)) throw new RideAlreadyRatedError(rating.rideId);
    this.ratings.push({ ...rating });
  }

  async listRatings(driverId: string): Promise<Rating[]> {
    return this.ratings.filter((rating) => rating.driverId === driverId).reverse().map((rating) => ({ ...rating }));
  }
}
// #endregion in-memory-store
