import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { listSampleRatings } from '../domain/sample-ratings';
import { json, problem } from '../http/responses';

// #region handler
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  // API Gateway only calls this function for paths that match /drivers/{driverId}/ratings,
  // so the path parameter is always there; the fallback keeps the type checker honest.
  const driverId = event.pathParameters?.driverId ?? '';
  const items = listSampleRatings(driverId);
  if (items === undefined) {
    return problem(404, 'Not Found', `No driver with id "${driverId}".`);
  }
  return json(200, { items });
};
// #endregion handler
