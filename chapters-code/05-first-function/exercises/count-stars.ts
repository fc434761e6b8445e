// Exercise 2 of chapter 5, answered. A reader's version lives in src/handlers/count-stars.ts and
// imports from '../domain/average'; this copy sits outside src/ so it is never deployed.
import { areValidStars } from '../src/domain/average';

// #region count-stars
export type CountStarsResult = { count: number } | { error: string };

/** Counts the ratings in the event; the same check and the same error as summariseStars. */
export const handler = async (event: { stars?: unknown }): Promise<CountStarsResult> => {
  if (!areValidStars(event.stars)) {
    return { error: 'stars must be a list of whole numbers from 1 to 5' };
  }
  return { count: event.stars.length };
};
// #endregion count-stars
