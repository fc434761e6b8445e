import { randomUUID } from 'node:crypto';
import type { Driver } from '../domain/drivers';
import { summariseDriver } from '../domain/drivers';
import { newDriverSchema } from '../domain/schemas';
import { handle } from '../http/handle';
import { readJsonBody } from '../http/request';
import { json } from '../http/responses';
import { storeFromEnvironment } from '../store/default-store';

const store = storeFromEnvironment();

// #region handler
export const handler = handle(async (event) => {
  const input = readJsonBody(event, newDriverSchema);
  const driver: Driver = { driverId: randomUUID(), ...input, createdAt: new Date().toISOString() };
  await store.putDriver(driver);
  return json(201, summariseDriver(driver, []), { location: `/drivers/${driver.driverId}` });
});
// #endregion handler
