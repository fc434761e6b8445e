// #region types
/** A driver as created: who they are and where they drive. */
export interface Driver {
  driverId: string;
  name: string;
  city: string;
  createdAt: string;
}

/** A driver as stored: with a running count and total of their stars, kept by each rating's write. */
export interface DriverRecord extends Driver {
  ratingCount: number;
  ratingTotal: number;
}

/** A driver as the API shows them. */
export interface DriverSummary {
  driverId: string;
  name: string;
  city: string;
  ratingCount: number;
  averageRating: number | null;
}
// #endregion types

// #region average
/**
 * The average of `count` ratings that add up to `total`, rounded half up to two
 * decimals, in whole numbers: floating point would round 1.005 (201 / 200) down to
 * 1.00, because 1.005 has no exact binary form. Exact while 200 * total stays below
 * 2^53, that is for any number of ratings this service will ever see.
 */
export function averageRating(count: number, total: number): number | null {
  // null, not 0, until the first rating: an unrated driver is not a bad driver.
  if (count === 0) return null;
  const hundredths = Math.floor((200 * total + count) / (2 * count));
  return hundredths / 100;
}
// #endregion average

// #region leaderboard-keys
/**
 * The keys of the city leaderboard, a global secondary index over the driver items.
 * Its partition key groups a city's drivers, whatever case the city was written in.
 * Its sort key is text that sorts as the leaderboard should: the average in
 * hundredths, three digits ("433" for 4.33), then the count, ten digits, so that
 * "433#0000000012" comes after "433#0000000007" and both after "432#...". Read
 * backwards (ScanIndexForward false), the index gives the best drivers first, the
 * most-rated first among equals. A driver without ratings has no rank key, and so
 * is not in the index at all (a sparse index): the leaderboard lists rated drivers.
 */
export const cityKey = (city: string): string => `CITY#${city.trim().normalize('NFC').toLowerCase()}`;

export function rankKey(count: number, total: number): string | undefined {
  const average = averageRating(count, total);
  if (average === null) return undefined;
  const hundredths = String(Math.round(average * 100)).padStart(3, '0');
  return `${hundredths}#${String(count).padStart(10, '0')}`;
}
// #endregion leaderboard-keys

export function summarise(driver: Omit<DriverRecord, 'createdAt'>): DriverSummary {
  return {
    driverId: driver.driverId,
    name: driver.name,
    city: driver.city,
    ratingCount: driver.ratingCount,
    averageRating: averageRating(driver.ratingCount, driver.ratingTotal),
  };
}

/** A new driver, with nothing rated yet. */
export function newDriverRecord(driver: Driver): DriverRecord {
  return { ...driver, ratingCount: 0, ratingTotal: 0 };
}
