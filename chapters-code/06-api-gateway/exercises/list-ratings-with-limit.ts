// Exercise 1 of chapter 6, answered. A reader's version replaces src/handlers/list-ratings.ts
// (imports from '../domain/…' and '../http/…'); this copy sits outside src/ so it is never deployed.
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { listSampleRatings } from '../src/domain/sample-ratings';
import { json, problem } from '../src/http/responses';

// #region parse-limit
export const maxLimit = 100;

/**
 * The `limit` query parameter: absent means "all of them", otherwise a whole number
 * from 1 to 100 written in digits. Anything else (`abc`, `0`, `2.5`, `1e2`) is null:
 * a mistake the client should hear about, not a value to guess at.
 */
export function parseLimit(raw: string | undefined): number | undefined | null {
  if (raw === undefined) return undefined;
  if (!/^[0-9]{1,3}$/.test(raw)) return null;
  const limit = Number(raw);
  return limit >= 1 && limit <= maxLimit ? limit : null;
}
// #endregion parse-limit

// #region handler
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const driverId = event.pathParameters?.driverId ?? '';
  const limit = parseLimit(event.queryStringParameters?.limit);
  if (limit === null) {
    return problem(400, 'Bad Request', `limit must be a whole number from 1 to ${maxLimit}.`);
  }
  const items = listSampleRatings(driverId);
  if (items === undefined) {
    return problem(404, 'Not Found', `No driver with id "${driverId}".`);
  }
  return json(200, { items: items.slice(0, limit) });
};
// #endregion handler
