import { storeFromEnvironment } from '../aws/dynamodb';
import { DriverNotFoundError } from '../domain/errors';
import { newRating } from '../domain/ratings';
import { newRatingSchema } from '../domain/schemas';
import { handle, type Route } from '../http/handle';
import { driverIdFrom, readJsonBody } from '../http/request';
import { json } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
/**
 * Reads as the happy path: each step throws what it cannot handle (a 404 for an
 * unknown driver, a 409 for a ride rated twice) and handle() turns it into a problem.
 */
export const handlerWith = (store: RatingsStore): Route =>
  handle(async (event) => {
    const driverId = driverIdFrom(event);
    const input = readJsonBody(event, newRatingSchema);
    if (!(await store.getDriver(driverId))) throw new DriverNotFoundError(driverId);
    const rating = newRating(driverId, input, new Date());
    await store.putRating(rating);
    return json(201, rating);
  });

export const handler = handlerWith(storeFromEnvironment());
// #endregion handler
