// #region rider-limit
/**
 * How many rides one rider may rate in a day (UTC). A ride token lets its rider rate that
 * ride once, but an account that books many short rides to push a driver's average up or
 * down (rating fraud) holds many valid tokens. This cap bounds what one account can do to
 * anyone's average in a day. It decides what gets stored, so it must hold exactly, even for
 * a script that sends all its ratings at once: the store enforces it in the same
 * transaction that stores the rating.
 */
export const ratingsPerRiderPerDay = 10;

/** What the store needs to enforce the cap: whose ratings to count, and up to how many. */
export interface RiderAllowance {
  rider: string;
  perDay: number;
}

/** The day a moment falls in, in UTC, as YYYY-MM-DD: the window a rider's count belongs to. */
export const utcDay = (moment: Date): string => moment.toISOString().slice(0, 10);

/** The first moment of the next UTC day, when every rider's count starts again at zero. */
export function startOfNextUtcDay(moment: Date): Date {
  return new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate() + 1));
}
// #endregion rider-limit
