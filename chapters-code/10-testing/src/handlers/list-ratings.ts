import { storeFromEnvironment } from '../aws/dynamodb';
import { DriverNotFoundError } from '../domain/errors';
import { handle, type Route } from '../http/handle';
import { driverIdFrom } from '../http/request';
import { json } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
export const handlerWith = (store: RatingsStore): Route =>
  handle(async (event) => {
    const driverId = driverIdFrom(event);
    // An empty list and an unknown driver are different answers: 200 [] versus 404.
    if (!(await store.getDriver(driverId))) throw new DriverNotFoundError(driverId);
    return json(200, { items: await store.listRatings(driverId) });
  });

export const handler = handlerWith(storeFromEnvironment());
// #endregion handler
