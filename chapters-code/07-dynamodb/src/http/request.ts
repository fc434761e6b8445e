import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { problem } from './responses';

export type Parsed = { ok: true; body: unknown } | { ok: false; response: APIGatewayProxyResult };

// #region parse-body
/** Reads a JSON request body; a missing or malformed body is the caller's mistake: 400. */
export function parseJsonBody(event: APIGatewayProxyEvent): Parsed {
  if (event.body === null || event.body === '') {
    return { ok: false, response: problem(400, 'Bad Request', 'The request needs a JSON body.') };
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: problem(400, 'Bad Request', 'The body is not valid JSON.') };
  }
}
// #endregion parse-body

/** The `{driverId}` of the path. API Gateway only routes requests that have it. */
export function driverIdOf(event: APIGatewayProxyEvent): string {
  return event.pathParameters?.driverId ?? '';
}
