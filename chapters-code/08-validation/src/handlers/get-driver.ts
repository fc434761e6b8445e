import { storeFromEnvironment } from '../aws/dynamodb';
import { summariseDriver } from '../domain/drivers';
import { DriverNotFoundError } from '../domain/errors';
import { handle, type Route } from '../http/handle';
import { driverIdFrom } from '../http/request';
import { json } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
export const handlerWith = (store: RatingsStore): Route =>
  handle(async (event) => {
    const driverId = driverIdFrom(event);
    const driver = await store.getDriver(driverId);
    if (!driver) throw new DriverNotFoundError(driverId);
    // Reads every rating to compute the average: fine for a few, costly for thousands (chapter 09).
    const ratings = await store.listRatings(driverId);
    return json(200, summariseDriver(driver, ratings.map((rating) => rating.stars)));
  });

export const handler = handlerWith(storeFromEnvironment());
// #endregion handler
