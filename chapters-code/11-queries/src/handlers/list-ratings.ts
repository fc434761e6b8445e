import * as z from 'zod';
import { DriverNotFoundError } from '../domain/errors';
import { listRatingsQuerySchema } from '../domain/schemas';
import { cursorSecret } from '../http/cursor-secret';
import { signCursor, verifyCursor } from '../http/cursor';
import { handle } from '../http/handle';
import { driverIdFrom, readQuery } from '../http/request';
import { json } from '../http/responses';
import { storeFromEnvironment } from '../store/default-store';

const store = storeFromEnvironment();

/** A cursor of this list holds a rating's key in this driver's partition, and nothing else. */
const ratingsCursorShape = (driverId: string) =>
  z.strictObject({ pk: z.literal(`DRIVER#${driverId}`), sk: z.string().regex(/^RATING#[^#]{1,40}#[A-Za-z0-9_-]{1,64}$/) });

// #region handler
export const handler = handle(async (event) => {
  const driverId = driverIdFrom(event);
  const { limit, cursor } = readQuery(event, listRatingsQuerySchema);
  const secret = await cursorSecret();
  const after = cursor === undefined ? undefined : verifyCursor(cursor, secret, ratingsCursorShape(driverId));
  // An empty list and an unknown driver are different answers: 200 [] versus 404.
  if (!(await store.getDriver(driverId))) throw new DriverNotFoundError(driverId);
  const page = await store.listRatings(driverId, { limit, after });
  return json(200, { items: page.items, nextCursor: page.next ? signCursor(page.next, secret) : null });
});
// #endregion handler
