// #region types
/** A driver as stored: who they are and where they drive. */
export interface Driver {
  driverId: string;
  name: string;
  city: string;
  createdAt: string;
}

/** A driver as the API shows them, with their ratings summed up. */
export interface DriverSummary {
  driverId: string;
  name: string;
  city: string;
  ratingCount: number;
  averageRating: number | null;
}
// #endregion types

// #region summarise
/**
 * Sums up a driver's ratings. This chapter reads every rating to do it; chapter 09
 * keeps a running total instead, so the cost stops growing with the number of ratings.
 */
export function summariseDriver(driver: Driver, stars: readonly number[]): DriverSummary {
  const total = stars.reduce((sum, star) => sum + star, 0);
  return {
    driverId: driver.driverId,
    name: driver.name,
    city: driver.city,
    ratingCount: stars.length,
    // null, not 0, until the first rating: an unrated driver is not a bad driver.
    averageRating: stars.length === 0 ? null : Math.round((total / stars.length) * 100) / 100,
  };
}
// #endregion summarise
