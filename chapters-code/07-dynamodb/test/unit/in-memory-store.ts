import type { Driver } from '../../src/domain/drivers';
import type { Rating } from '../../src/domain/ratings';
import type { RatingsStore } from '../../src/store/ratings-store';

// #region in-memory-store
/**
 * RatingsStore kept in memory, for the handlers' unit tests: it keeps the
 * interface's promises (ratings come back newest first) with no DynamoDB at all.
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
    this.ratings.push({ ...rating });
  }

  async listRatings(driverId: string): Promise<Rating[]> {
    return this.ratings.filter((rating) => rating.driverId === driverId).reverse().map((rating) => ({ ...rating }));
  }
}
// #endregion in-memory-store
