import { summarise } from '../domain/drivers';
import { DriverNotFoundError } from '../domain/errors';
import { handle } from '../http/handle';
import { driverIdFrom } from '../http/request';
import { json } from '../http/responses';
import { storeFromEnvironment } from '../store/default-store';

const store = storeFromEnvironment();

// #region handler
export const handler = handle(async (event) => {
  const driverId = driverIdFrom(event);
  // One GetItem, whether the driver has no ratings or a million: the summary is kept up to date.
  const driver = await store.getDriver(driverId);
  if (!driver) throw new DriverNotFoundError(driverId);
  return json(200, summarise(driver));
});
// #endregion handler
