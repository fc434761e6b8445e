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
