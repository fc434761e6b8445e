import { randomUUID } from 'node:crypto';
import { storeFromEnvironment } from '../aws/dynamodb';
import { assertMayCreateDrivers } from '../domain/callers';
import { newDriverRecord, summarise } from '../domain/drivers';
import { newDriverSchema } from '../domain/schemas';
import { callerFrom } from '../http/caller';
import { handle, type Route } from '../http/handle';
import { pathOnThisApi } from '../http/location';
import { readJsonBody } from '../http/request';
import { json } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
export const handlerWith = (store: RatingsStore): Route =>
  handle(async (event) => {
    // Who may do this comes first: a caller without the scope learns nothing about the body.
    assertMayCreateDrivers(callerFrom(event));
    const input = readJsonBody(event, newDriverSchema);
    const driver = newDriverRecord({ driverId: randomUUID(), ...input, createdAt: new Date().toISOString() });
    await store.putDriver(driver);
    return json(201, summarise(driver), { location: pathOnThisApi(event, `/drivers/${driver.driverId}`) });
  });

export const handler = handlerWith(storeFromEnvironment());
// #endregion handler
