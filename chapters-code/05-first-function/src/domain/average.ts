// #region average
/** The summary the API will show for a driver: how many ratings, and their mean. */
export interface StarSummary {
  count: number;
  average: number | null;
}

/**
 * Averages star ratings, rounded to two decimals. An empty list has no
 * average (null), not an average of zero: a new driver is unrated, not bad.
 */
export function summariseStars(stars: readonly number[]): StarSummary {
  if (stars.length === 0) {
    return { count: 0, average: null };
  }
  const total = stars.reduce((sum, star) => sum + star, 0);
  return { count: stars.length, average: Math.round((total / stars.length) * 100) / 100 };
}
// #endregion average

/** True when every value is a whole number of stars from 1 to 5. */
export function areValidStars(values: unknown): values is number[] {
  return (
    Array.isArray(values) &&
    values.every((value) => Number.isInteger(value) && value >= 1 && value <= 5)
  );
}
