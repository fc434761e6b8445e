import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * In AWS, requests that reach no function get API Gateway's "gateway responses",
 * which serverless.yml shapes into problem documents. serverless-offline answers
 * those requests its own way (a 404 that lists every route, for one). This small
 * proxy sits in front of it and answers as the deployed API does, so tests and
 * readers meet the same API on their laptop as in AWS. Our functions' own answers,
 * already problem documents, pass through untouched.
 */

const typeBase = 'https://rate-the-ride.github.io/rate-the-ride/problems/';
// Headers about the connection belong to each hop; Node sets its own.
const hopHeaders = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

// #region gateway-answer
/** The problem document the deployed API's gateway responses give for a status. */
export function gatewayProblem(status: number): Record<string, unknown> {
  if (status === 404 || status === 405) {
    return {
      type: `${typeBase}route-not-found`,
      title: 'No such route',
      status: 404,
      detail: 'No route matches this method and path.',
    };
  }
  if (status < 500) return { type: 'about:blank', title: 'Request rejected', detail: 'The API gateway rejected this request.' };
  return { type: 'about:blank', title: 'Gateway error', detail: 'The API could not complete this request. Try again shortly.' };
}
// #endregion gateway-answer

function isProblem(response: IncomingMessage): boolean {
  return String(response.headers['content-type'] ?? '').startsWith('application/problem+json');
}

function sendProblem(response: ServerResponse, status: number): void {
  const document = gatewayProblem(status);
  const body = JSON.stringify(document);
  response.writeHead(typeof document.status === 'number' ? document.status : status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** Starts the proxy on `port`, forwarding to serverless-offline on `upstreamPort`. */
export function startLocalGateway(port: number, upstreamPort: number): Promise<Server> {
  const server = createServer((clientRequest, clientResponse) => {
    const headers = { ...clientRequest.headers };
    for (const name of hopHeaders) delete headers[name];
    const upstream = request(
      {
        host: '127.0.0.1',
        port: upstreamPort,
        method: clientRequest.method,
        path: clientRequest.url,
        headers,
        // A fresh connection per request: a pooled one that serverless-offline has
        // just closed as idle would fail the request with a reset, seen as a 502.
        agent: false,
      },
      (upstreamResponse) => {
        const status = upstreamResponse.statusCode ?? 502;
        if (status >= 400 && !isProblem(upstreamResponse)) {
          upstreamResponse.resume();
          sendProblem(clientResponse, status);
          return;
        }
        const headers: string[] = [];
        const raw = upstreamResponse.rawHeaders;
        for (let i = 0; i < raw.length; i += 2) {
          if (!hopHeaders.has(raw[i]!.toLowerCase())) headers.push(raw[i]!, raw[i + 1]!);
        }
        clientResponse.writeHead(status, headers);
        upstreamResponse.pipe(clientResponse);
      },
    );
    upstream.on('error', () => {
      if (!clientResponse.headersSent) sendProblem(clientResponse, 502);
      else clientResponse.destroy();
    });
    clientRequest.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
