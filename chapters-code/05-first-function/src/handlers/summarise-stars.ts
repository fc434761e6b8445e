import { areValidStars, summariseStars, type StarSummary } from '../domain/average';

// #region handler
/** What the function receives: any event with a `stars` list, e.g. events/three-rides.json. */
export interface SummariseStarsEvent {
  stars?: unknown;
}

export type SummariseStarsResult = StarSummary | { error: string };

export const handler = async (event: SummariseStarsEvent): Promise<SummariseStarsResult> => {
  if (!areValidStars(event.stars)) {
    return { error: 'stars must be a list of whole numbers from 1 to 5' };
  }
  return summariseStars(event.stars);
};
// #endregion handler
