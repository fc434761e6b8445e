import { storeFromEnvironment } from '../aws/dynamodb';
import { summarise } from '../domain/drivers';
import { DriverNotFoundError } from '../domain/errors';
import { handle, type Route } from '../http/handle';
import { driverIdFrom } from '../http/request';
import { json } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
export const handlerWith = (store: RatingsStore): Route =>
  handle(async (event) => {
    const driverId = driverIdFrom(event);
    // One GetItem, whether the driver has no ratings or a million: the summary is kept up to date.
    const driver = await store.getDriver(driverId);
    if (!driver) throw new DriverNotFoundError(driverId);
    return json(200, summarise(driver));
  });

export const handler = handlerWith(storeFromEnvironment());
// #endregion handler
