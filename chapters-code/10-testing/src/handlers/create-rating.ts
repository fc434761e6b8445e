import { storeFromEnvironment } from '../aws/dynamodb';
import { newRating } from '../domain/ratings';
import { newRatingSchema } from '../domain/schemas';
import { handle, type Route } from '../http/handle';
import { driverIdFrom, readJsonBody } from '../http/request';
import { json } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
/**
 * No read before the write: the transaction itself refuses an unknown driver (404)
 * or a ride rated before (409), and handle() turns its refusal into a problem.
 */
export const handlerWith = (store: RatingsStore): Route =>
  handle(async (event) => {
    const driverId = driverIdFrom(event);
    const input = readJsonBody(event, newRatingSchema);
    const rating = newRating(driverId, input, new Date());
    await store.addRating(rating);
    return json(201, rating);
  });

export const handler = handlerWith(storeFromEnvironment());
// #endregion handler
