import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { driverIdOf } from '../http/request';
import { json, problem } from '../http/responses';
import { storeFromEnvironment } from '../store/default-store';

const store = storeFromEnvironment();

// #region handler
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const driverId = driverIdOf(event);
  // An empty list and an unknown driver are different answers: 200 [] versus 404.
  if (!(await store.getDriver(driverId))) {
    return problem(404, 'Not Found', `No driver with id "${driverId}".`);
  }
  return json(200, { items: await store.listRatings(driverId) });
};
// #endregion handler
