import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { storeFromEnvironment } from '../aws/dynamodb';
import { checkNewRating } from '../domain/input';
import type { Rating } from '../domain/ratings';
import { driverIdOf, parseJsonBody } from '../http/request';
import { json, problem } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

export const handlerWith =
  (store: RatingsStore) =>
  async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const driverId = driverIdOf(event);
    const parsed = parseJsonBody(event);
    if (!parsed.ok) return parsed.response;
    const checked = checkNewRating(parsed.body);
    if (!checked.ok) return problem(400, 'Bad Request', checked.problems.join('; '));

    // #region store
    if (!(await store.getDriver(driverId))) {
      return problem(404, 'Not Found', `No driver with id "${driverId}".`);
    }
    const rating: Rating = { driverId, ...checked.value, createdAt: new Date().toISOString() };
    await store.putRating(rating);
    // #endregion store
    return json(201, rating);
  };

export const handler = handlerWith(storeFromEnvironment());
