import { DriverNotFoundError } from '../domain/errors';
import { handle } from '../http/handle';
import { driverIdFrom } from '../http/request';
import { json } from '../http/responses';
import { storeFromEnvironment } from '../store/default-store';

const store = storeFromEnvironment();

// #region handler
export const handler = handle(async (event) => {
  const driverId = driverIdFrom(event);
  // An empty list and an unknown driver are different answers: 200 [] versus 404.
  if (!(await store.getDriver(driverId))) throw new DriverNotFoundError(driverId);
  return json(200, { items: await store.listRatings(driverId) });
});
// #endregion handler
