import { averageRating, type DriverRecord } from '../../src/domain/drivers';
import { DriverNotFoundError, RatingLimitReachedError, RideAlreadyRatedError } from '../../src/domain/errors';
import { type RiderAllowance, startOfNextUtcDay, utcDay } from '../../src/domain/limits';
import type { Rating } from '../../src/domain/ratings';
import { InvalidPagePositionError, type PagePosition, type RatingsPage, type RatingsStore } from '../../src/store/ratings-store';

// #region in-memory-store
/**
 * RatingsStore kept in memory, for the handlers' unit tests: the same promises as the
 * DynamoDB store, none of its keys. Its page positions are its own, a rating's place
 * in the order it arrived, which the handlers pass on without knowing.
 */
export class InMemoryRatingsStore implements RatingsStore {
  private readonly drivers = new Map<string, DriverRecord>();
  private readonly ratings: Rating[] = [];
  /** Ratings counted per rider and UTC day, keyed "rider day". */
  private readonly ratedByRiderDay = new Map<string, number>();

  async putDriver(driver: DriverRecord): Promise<void> {
    this.drivers.set(driver.driverId, { ...driver });
  }

  async getDriver(driverId: string): Promise<DriverRecord | undefined> {
    const driver = this.drivers.get(driverId);
    return driver && { ...driver };
  }

  async addRating(rating: Rating, allowance: RiderAllowance): Promise<void> {
    const driver = this.drivers.get(rating.driverId);
    if (!driver) throw new DriverNotFoundError(rating.driverId);
    if (this.ratings.some((stored) => stored.rideId === rating.rideId)) throw new RideAlreadyRatedError(rating.rideId);
    const day = new Date(rating.createdAt);
    const counted = `${allowance.rider} ${utcDay(day)}`;
    const rated = this.ratedByRiderDay.get(counted) ?? 0;
    if (rated >= allowance.perDay) throw new RatingLimitReachedError(allowance.perDay, startOfNextUtcDay(day));
    this.ratedByRiderDay.set(counted, rated + 1);
    this.ratings.push({ ...rating });
    driver.ratingCount += 1;
    driver.ratingTotal += rating.stars;
  }

  async listRatings(driverId: string, page: { limit: number; after?: PagePosition }): Promise<RatingsPage> {
    if (page.after !== undefined && !/^\d+$/.test(page.after)) throw new InvalidPagePositionError();
    const before = page.after === undefined ? this.ratings.length : Number(page.after);
    const newestFirst = this.ratings
      .map((rating, arrival) => ({ rating, arrival }))
      .filter(({ rating, arrival }) => rating.driverId === driverId && arrival < before)
      .reverse();
    const items = newestFirst.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map(({ rating }) => ({ ...rating })),
      ...(newestFirst.length > page.limit && last ? { next: String(last.arrival) } : {}),
    };
  }

  async topDrivers(city: string, limit: number): Promise<Array<Omit<DriverRecord, 'createdAt'>>> {
    const sameCity = (other: string) => other.trim().normalize('NFC').toLowerCase() === city.trim().normalize('NFC').toLowerCase();
    return [...this.drivers.values()]
      .filter((driver) => driver.ratingCount > 0 && sameCity(driver.city))
      .sort((a, b) =>
        averageRating(b.ratingCount, b.ratingTotal)! - averageRating(a.ratingCount, a.ratingTotal)! || b.ratingCount - a.ratingCount)
      .slice(0, limit);
  }
}
// #endregion in-memory-store
