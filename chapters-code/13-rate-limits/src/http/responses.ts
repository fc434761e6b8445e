import type { APIGatewayProxyResult } from 'aws-lambda';

/** A JSON response. Every success goes through here, so headers stay consistent. */
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
