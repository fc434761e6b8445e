import { randomUUID } from 'node:crypto';
import { newDriverRecord, summarise } from '../domain/drivers';
import { newDriverSchema } from '../domain/schemas';
import { handle } from '../http/handle';
import { readJsonBody } from '../http/request';
import { json } from '../http/responses';
import { storeFromEnvironment } from '../store/default-store';

const store = storeFromEnvironment();

// #region handler
export const handler = handle(async (event) => {
  const input = readJsonBody(event, newDriverSchema);
  const driver = newDriverRecord({ driverId: randomUUID(), ...input, createdAt: new Date().toISOString() });
  await store.putDriver(driver);
  return json(201, summarise(driver), { location: `/drivers/${driver.driverId}` });
});
// #endregion handler
