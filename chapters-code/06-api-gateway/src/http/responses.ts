import type { APIGatewayProxyResult } from 'aws-lambda';

// #region json
/** A JSON response. Every handler answers through here, so headers stay consistent. */
export function json(statusCode: number, body: unknown): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}
// #endregion json

// #region problem
/**
 * An error as an RFC 9457 problem document. With type "about:blank" the title
 * must be the HTTP status phrase; `detail` says what went wrong this time.
 */
export function problem(statusCode: number, title: string, detail: string): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({ type: 'about:blank', title, status: statusCode, detail }),
  };
}
// #endregion problem
