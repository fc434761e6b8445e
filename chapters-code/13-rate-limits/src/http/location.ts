import type { APIGatewayProxyEvent } from 'aws-lambda';

// #region path-on-this-api
/**
 * The path a client asks for to reach `routePath` (say "/drivers/42") on this API,
 * by the same way in as the request being answered. API Gateway gives the function
 * the route as declared (`resource`, such as "/drivers") and the path exactly as the
 * client sent it (`requestContext.path`), which starts with whatever leads to the
 * API: "/dev" on a stage's own URL, the base path ("/v1") under a custom domain,
 * nothing under `npm run dev`. Taking the route's segments off the end of the path
 * sent leaves that prefix. (The top-level `path` won't do: it drops the stage but
 * keeps a base path.) Every route here has a fixed number of segments; a greedy
 * `{proxy+}` route would need another rule.
 */
export function pathOnThisApi(event: APIGatewayProxyEvent, routePath: string): string {
  const segments = (path: string) => path.split('/').filter((segment) => segment !== '');
  const sent = segments(event.requestContext?.path ?? event.path);
  const prefix = sent.slice(0, Math.max(0, sent.length - segments(event.resource).length));
  return prefix.map((segment) => `/${segment}`).join('') + routePath;
}
// #endregion path-on-this-api
