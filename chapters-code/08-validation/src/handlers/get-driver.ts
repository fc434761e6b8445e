import { summariseDriver } from '../domain/drivers';
import { DriverNotFoundError } from '../domain/errors';
import { handle } from '../http/handle';
import { driverIdFrom } from '../http/request';
import { json } from '../http/responses';
import { storeFromEnvironment } from '../store/default-store';

const store = storeFromEnvironment();

// #region handler
export const handler = handle(async (event) => {
  const driverId = driverIdFrom(event);
  const driver = await store.getDriver(driverId);
  if (!driver) throw new DriverNotFoundError(driverId);
  // Reads every rating to compute the average: fine for a few, costly for thousands (chapter 09).
  const ratings = await store.listRatings(driverId);
  return json(200, summariseDriver(driver, ratings.map((rating) => rating.stars)));
});
// #endregion handler
