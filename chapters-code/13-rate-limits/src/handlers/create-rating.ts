import { storeFromEnvironment } from '../aws/dynamodb';
import { assertMayRate } from '../domain/callers';
import { ratingsPerRiderPerDay } from '../domain/limits';
import { newRating } from '../domain/ratings';
import { newRatingSchema } from '../domain/schemas';
import { callerFrom } from '../http/caller';
import { handle, type Route } from '../http/handle';
import { driverIdFrom, readJsonBody } from '../http/request';
import { json } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
/**
 * Only the rider of a ride rates it (403 otherwise), as the authorizer's context says.
 * No read before the write: the transaction itself refuses an unknown driver (404), a
 * ride rated before (409) or a rider over the day's cap (429), and handle() turns its
 * refusal into a problem.
 */
export const handlerWith = (store: RatingsStore): Route =>
  handle(async (event) => {
    const driverId = driverIdFrom(event);
    const input = readJsonBody(event, newRatingSchema);
    const caller = callerFrom(event);
    assertMayRate(caller, driverId, input.rideId);
    const rating = newRating(driverId, input, new Date());
    await store.addRating(rating, { rider: caller.rider, perDay: ratingsPerRiderPerDay });
    return json(201, rating);
  });

export const handler = handlerWith(storeFromEnvironment());
// #endregion handler
