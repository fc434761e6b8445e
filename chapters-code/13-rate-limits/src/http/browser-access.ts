import type { APIGatewayProxyResult } from 'aws-lambda';

// #region browser-access
/** The headers a page's script may read besides the basic ones: where, when to retry, how to authenticate. */
export const exposedHeaders = 'Location, Retry-After, WWW-Authenticate';

/**
 * CORS headers for the one web origin allowed to call this API (BROWSER_ORIGIN, set in
 * serverless.yml). API Gateway answers the browser's preflight (OPTIONS) itself, but with a
 * Lambda proxy integration the function's own answer must carry them too, or the page
 * never sees it. CORS only tells a browser which pages may read the answer: it stops no
 * one else from calling, so it protects nothing that the key and the token do not.
 */
export function withBrowserAccess(response: APIGatewayProxyResult, origin = process.env.BROWSER_ORIGIN): APIGatewayProxyResult {
  if (!origin) return response;
  return {
    ...response,
    headers: { ...response.headers, 'access-control-allow-origin': origin, 'access-control-expose-headers': exposedHeaders },
  };
}
// #endregion browser-access
