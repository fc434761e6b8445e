import { newRating } from '../domain/ratings';
import { newRatingSchema } from '../domain/schemas';
import { handle } from '../http/handle';
import { driverIdFrom, readJsonBody } from '../http/request';
import { json } from '../http/responses';
import { storeFromEnvironment } from '../store/default-store';

const store = storeFromEnvironment();

// #region handler
/**
 * No read before the write: the transaction itself refuses an unknown driver (404)
 * or a ride rated before (409), and handle() turns its refusal into a problem.
 */
export const handler = handle(async (event) => {
  const driverId = driverIdFrom(event);
  const input = readJsonBody(event, newRatingSchema);
  const rating = newRating(driverId, input, new Date());
  await store.addRating(rating);
  return json(201, rating);
});
// #endregion handler
