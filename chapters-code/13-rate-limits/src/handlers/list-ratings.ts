import { storeFromEnvironment } from '../aws/dynamodb';
import { cursorSecretFromEnvironment } from '../aws/ssm';
import { DriverNotFoundError } from '../domain/errors';
import { listRatingsQuerySchema } from '../domain/schemas';
import { signCursor, verifyCursor } from '../http/cursor';
import { handle, type Route } from '../http/handle';
import { driverIdFrom, readQuery } from '../http/request';
import { json } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
export const handlerWith = (store: RatingsStore, cursorSecret: () => Promise<string>): Route =>
  handle(async (event) => {
    const driverId = driverIdFrom(event);
    const { limit, cursor } = readQuery(event, listRatingsQuerySchema);
    // A cursor is signed for one list, this driver's ratings, and is refused on any other.
    const signing = { list: `/drivers/${driverId}/ratings`, secret: await cursorSecret() };
    const after = cursor === undefined ? undefined : verifyCursor(cursor, signing);
    // An empty list and an unknown driver are different answers: 200 [] versus 404.
    if (!(await store.getDriver(driverId))) throw new DriverNotFoundError(driverId);
    const page = await store.listRatings(driverId, { limit, after });
    return json(200, { items: page.items, nextCursor: page.next === undefined ? null : signCursor(page.next, signing) });
  });

export const handler = handlerWith(storeFromEnvironment(), cursorSecretFromEnvironment());
// #endregion handler
