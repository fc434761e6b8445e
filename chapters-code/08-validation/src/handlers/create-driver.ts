import { randomUUID } from 'node:crypto';
import { storeFromEnvironment } from '../aws/dynamodb';
import type { Driver } from '../domain/drivers';
import { summariseDriver } from '../domain/drivers';
import { newDriverSchema } from '../domain/schemas';
import { handle, type Route } from '../http/handle';
import { pathOnThisApi } from '../http/location';
import { readJsonBody } from '../http/request';
import { json } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
export const handlerWith = (store: RatingsStore): Route =>
  handle(async (event) => {
    const input = readJsonBody(event, newDriverSchema);
    const driver: Driver = { driverId: randomUUID(), ...input, createdAt: new Date().toISOString() };
    await store.putDriver(driver);
    return json(201, summariseDriver(driver, []), { location: pathOnThisApi(event, `/drivers/${driver.driverId}`) });
  });

export const handler = handlerWith(storeFromEnvironment());
// #endregion handler
