import type { DriverRecord } from '../../src/domain/drivers';
import { DriverNotFoundError, RideAlreadyRatedError } from '../../src/domain/errors';
import type { Rating } from '../../src/domain/ratings';
import type { RatingsStore } from '../../src/store/ratings-store';

// #region in-memory-store
/**
 * RatingsStore kept in memory, for the handlers' unit tests: the same promises as
 * the DynamoDB store (a summary kept with each rating, one rating per ride), none of
 * its keys or commands.
 */
export class InMemoryRatingsStore implements RatingsStore {
  private readonly drivers = new Map<string, DriverRecord>();
  private readonly ratings: Rating[] = [];

  async putDriver(driver: DriverRecord): Promise<void> {
    this.drivers.set(driver.driverId, { ...driver });
  }

  async getDriver(driverId: string): Promise<DriverRecord | undefined> {
    const driver = this.drivers.get(driverId);
    return driver && { ...driver };
  }

  async addRating(rating: Rating): Promise<void> {
    const driver = this.drivers.get(rating.driverId);
    if (!driver) throw new DriverNotFoundError(rating.driverId);
    if (this.ratings.some((stored) => stored.rideId === rating.rideId)) throw new RideAlreadyRatedError(rating.rideId);
    this.ratings.push({ ...rating });
    driver.ratingCount += 1;
    driver.ratingTotal += rating.stars;
  }

  async listRatings(driverId: string): Promise<Rating[]> {
    return this.ratings.filter((rating) => rating.driverId === driverId).reverse().map((rating) => ({ ...rating }));
  }
}
// #endregion in-memory-store
