import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { storeFromEnvironment } from '../aws/dynamodb';
import type { Driver } from '../domain/drivers';
import { summariseDriver } from '../domain/drivers';
import { checkNewDriver } from '../domain/input';
import { pathOnThisApi } from '../http/location';
import { parseJsonBody } from '../http/request';
import { json, problem } from '../http/responses';
import type { RatingsStore } from '../store/ratings-store';

// #region handler
export const handlerWith =
  (store: RatingsStore) =>
  async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const parsed = parseJsonBody(event);
    if (!parsed.ok) return parsed.response;
    const checked = checkNewDriver(parsed.body);
    if (!checked.ok) return problem(400, 'Bad Request', checked.problems.join('; '));

    const driver: Driver = { driverId: randomUUID(), ...checked.value, createdAt: new Date().toISOString() };
    await store.putDriver(driver);
    // Where the new driver can be read, under the stage or base path this request came in on.
    return json(201, summariseDriver(driver, []), { location: pathOnThisApi(event, `/drivers/${driver.driverId}`) });
  };

// The module builds its handler once, with the DynamoDB store; a unit test can pass another store.
export const handler = handlerWith(storeFromEnvironment());
// #endregion handler
