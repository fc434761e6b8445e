import { storeFromEnvironment } from '../aws/dynamodb';
import { summarise } from '../domain/drivers';
import { topDriversQuerySchema } from '../domain/schemas';
import { handle, type Route } from '../http/handle';
import { cityFrom, readQuery } from '../http/request';
import { json } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
/** A city nobody drives in has an empty leaderboard, not a 404: the list exists, it is empty. */
export const handlerWith = (store: RatingsStore): Route =>
  handle(async (event) => {
    const city = cityFrom(event);
    const { limit } = readQuery(event, topDriversQuerySchema);
    const drivers = await store.topDrivers(city, limit);
    return json(200, { items: drivers.map(summarise) });
  });

export const handler = handlerWith(storeFromEnvironment());
// #endregion handler
