import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { storeFromEnvironment } from '../aws/dynamodb';
import { summariseDriver } from '../domain/drivers';
import { driverIdOf } from '../http/request';
import { json, problem } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
export const handlerWith =
  (store: RatingsStore) =>
  async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const driverId = driverIdOf(event);
    const driver = await store.getDriver(driverId);
    if (!driver) return problem(404, 'Not Found', `No driver with id "${driverId}".`);
    // Reads every rating to compute the average: fine for a few, costly for thousands (chapter 09).
    const ratings = await store.listRatings(driverId);
    return json(200, summariseDriver(driver, ratings.map((rating) => rating.stars)));
  };

export const handler = handlerWith(storeFromEnvironment());
// #endregion handler
