import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { storeFromEnvironment } from '../aws/dynamodb';
import { driverIdOf } from '../http/request';
import { json, problem } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
export const handlerWith =
  (store: RatingsStore) =>
  async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const driverId = driverIdOf(event);
    // An empty list and an unknown driver are different answers: 200 [] versus 404.
    if (!(await store.getDriver(driverId))) {
      return problem(404, 'Not Found', `No driver with id "${driverId}".`);
    }
    return json(200, { items: await store.listRatings(driverId) });
  };

export const handler = handlerWith(storeFromEnvironment());
// #endregion handler
