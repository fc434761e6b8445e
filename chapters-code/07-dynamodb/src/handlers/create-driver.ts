import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { Driver } from '../domain/drivers';
import { summariseDriver } from '../domain/drivers';
import { checkNewDriver } from '../domain/input';
import { parseJsonBody } from '../http/request';
import { json, problem } from '../http/responses';
import { storeFromEnvironment } from '../store/default-store';

const store = storeFromEnvironment();

// #region handler
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const parsed = parseJsonBody(event);
  if (!parsed.ok) return parsed.response;
  const checked = checkNewDriver(parsed.body);
  if (!checked.ok) return problem(400, 'Bad Request', checked.problems.join('; '));

  const driver: Driver = { driverId: randomUUID(), ...checked.value, createdAt: new Date().toISOString() };
  await store.putDriver(driver);
  return json(201, summariseDriver(driver, []), { location: `/drivers/${driver.driverId}` });
};
// #endregion handler
