import { createServer, request, STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import { decide, type FrontDoor, type RefusalType } from './front-door';

/**
 * In AWS, a request that reaches no function gets one of API Gateway's own answers, shaped by
 * the gateway responses in serverless.yml. serverless-offline knows nothing of those (it answers
 * an unknown route with a list of every route), so this proxy stands in front of it and answers
 * such requests from the very same gateway responses, read from serverless.yml. From chapter 12
 * it also does what API Gateway does before a function runs (local/front-door.ts: API keys, the
 * authorizer, CORS preflights; from chapter 13, usage plans' throttles and quotas), which serverless-offline does differently. Our functions' own
 * answers, problem documents already, pass through untouched.
 */

/** A gateway response, as serverless.yml declares it (AWS::ApiGateway::GatewayResponse). */
export interface GatewayResponse {
  ResponseType: string;
  StatusCode?: string;
  ResponseParameters?: Record<string, string>;
  ResponseTemplates?: Record<string, string>;
}

export interface GatewayAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// API Gateway's own answer for a type that serverless.yml leaves alone.
const builtIn: GatewayResponse = {
  ResponseType: 'DEFAULT',
  ResponseTemplates: { 'application/json': '{"message":$context.error.messageString}' },
};

// #region gateway-answer
/**
 * What API Gateway sends where it answers itself, in place of an error of serverless-offline's
 * own (never a problem document, unlike our functions' answers). For a 404, no function for
 * this method and path, that is the MISSING_AUTHENTICATION_TOKEN response: a 403 unless
 * serverless.yml says otherwise. For other errors, DEFAULT_4XX or DEFAULT_5XX, keeping the
 * status, with its standard phrase standing in for the gateway's message. StatusCode replaces
 * the status, each header is a fixed value ('…'), and the template gets the message,
 * JSON-quoted, as $context.error.messageString.
 */
export function gatewayAnswer(responses: GatewayResponse[], status: number): GatewayAnswer {
  return status === 404 ? refusalAnswer(responses, 'MISSING_AUTHENTICATION_TOKEN') : answerOfType(responses, status < 500 ? 'DEFAULT_4XX' : 'DEFAULT_5XX', status, STATUS_CODES[status]);
}
// #endregion gateway-answer

/** API Gateway's default status and message for each way it turns a request away itself. */
const refusals: Record<RefusalType, [status: number, message: string]> = {
  MISSING_AUTHENTICATION_TOKEN: [403, 'Missing Authentication Token'],
  INVALID_API_KEY: [403, 'Forbidden'],
  UNAUTHORIZED: [401, 'Unauthorized'],
  ACCESS_DENIED: [403, 'User is not authorized to access this resource'],
  AUTHORIZER_FAILURE: [500, 'Internal server error'],
  AUTHORIZER_CONFIGURATION_ERROR: [500, 'Internal server error'],
  THROTTLED: [429, 'Too Many Requests'],
  QUOTA_EXCEEDED: [429, 'Limit Exceeded'],
};

/** The gateway response of serverless.yml for a refusal of this type, as API Gateway renders it. */
export function refusalAnswer(responses: GatewayResponse[], type: RefusalType): GatewayAnswer {
  const [status, message] = refusals[type];
  return answerOfType(responses, type, status, message);
}

/**
 * A gateway response rendered: the one for `type`, or else the DEFAULT_4XX or DEFAULT_5XX one,
 * or else API Gateway's own. StatusCode replaces the status, each header is a fixed value ('…'),
 * and the template gets the message, JSON-quoted, as $context.error.messageString.
 */
function answerOfType(responses: GatewayResponse[], type: string, defaultStatus: number, message: string | undefined): GatewayAnswer {
  const fallback = defaultStatus < 500 ? 'DEFAULT_4XX' : 'DEFAULT_5XX';
  const byType = (wanted: string) => responses.find((response) => response.ResponseType === wanted);
  const response = byType(type) ?? byType(fallback) ?? builtIn;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [parameter, value] of Object.entries(response.ResponseParameters ?? {})) {
    const name = /^gatewayresponse\.header\.(.+)$/.exec(parameter)?.[1];
    const fixed = /^'(.*)'$/.exec(value)?.[1];
    if (!name || fixed === undefined) throw new Error(`local/gateway.ts cannot imitate ${parameter}: ${value}`);
    headers[name.toLowerCase()] = fixed;
  }
  const template = response.ResponseTemplates?.['application/json'] ?? '';
  const body = template.replaceAll('$context.error.messageString', JSON.stringify(message));
  if (body.includes('$context')) throw new Error(`local/gateway.ts cannot fill in ${template}`);
  return { status: Number(response.StatusCode ?? defaultStatus), headers, body };
}

const isProblem = (response: IncomingMessage) =>
  String(response.headers['content-type'] ?? '').startsWith('application/problem+json');
// Headers about the connection belong to each hop; Node sets its own.
const hopHeaders = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

/**
 * Headers the gateway never passes on from a client. serverless-offline would take the first as
 * the authorizer's context, whoever sent it; the others would make it add CORS headers of its own,
 * allowing any origin, where API Gateway passes the function's answer as it is.
 */
const clientHeadersDropped = ['sls-offline-authorizer-override', 'origin', 'access-control-request-method', 'access-control-request-headers'];

/**
 * Starts the proxy on `port` (0: any free port), in front of serverless-offline on `upstreamPort`.
 * With a front door, it checks keys and tokens first; without one, it only shapes the answers.
 */
export function startLocalGateway(port: number, upstreamPort: number, responses: GatewayResponse[], door?: FrontDoor): Promise<Server> {
  const server = createServer(async (clientRequest, clientResponse) => {
    const send = ({ status, headers, body }: GatewayAnswer) => {
      clientResponse.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) }).end(body);
    };
    const headers = { ...clientRequest.headers };
    for (const name of hopHeaders) delete headers[name];
    if (door) {
      const path = (clientRequest.url ?? '/').split('?')[0]!;
      let decision: Awaited<ReturnType<typeof decide>>;
      try {
        decision = await decide(door, clientRequest.method ?? 'GET', path, headers);
      } catch {
        decision = { refuse: 'AUTHORIZER_FAILURE' };
      }
      if ('refuse' in decision || 'preflight' in decision) {
        clientRequest.resume(); // the body, if any, is not needed
        return send('refuse' in decision ? refusalAnswer(responses, decision.refuse) : decision.preflight);
      }
      for (const name of clientHeadersDropped) delete headers[name];
      // API Gateway hands the function the authorizer's context; serverless-offline takes it from this header.
      if (decision.forward.authorizer) headers['sls-offline-authorizer-override'] = JSON.stringify(decision.forward.authorizer);
    }
    const upstream = request(
      // A fresh connection per request: a pooled one that serverless-offline has just
      // closed as idle would fail the request with a reset, seen as a 502.
      { host: '127.0.0.1', port: upstreamPort, method: clientRequest.method, path: clientRequest.url, headers, agent: false },
      (upstreamResponse) => {
        const status = upstreamResponse.statusCode ?? 502;
        if (status >= 400 && !isProblem(upstreamResponse)) {
          upstreamResponse.resume();
          return send(gatewayAnswer(responses, status));
        }
        const passed: string[] = [];
        const raw = upstreamResponse.rawHeaders;
        for (let i = 0; i < raw.length; i += 2) {
          if (!hopHeaders.has(raw[i]!.toLowerCase())) passed.push(raw[i]!, raw[i + 1]!);
        }
        clientResponse.writeHead(status, passed);
        upstreamResponse.pipe(clientResponse);
      },
    );
    upstream.on('error', () => (clientResponse.headersSent ? clientResponse.destroy() : send(gatewayAnswer(responses, 502))));
    clientRequest.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
