import type { APIGatewayProxyResult } from 'aws-lambda';

/** A JSON response. Every handler answers through here, so headers stay consistent. */
export function json(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

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
