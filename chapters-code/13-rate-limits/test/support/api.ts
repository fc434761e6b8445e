/** HTTP helpers for the tests that drive a running API over the network. */
import { fetchWithRetry } from '../../client/retry';
import { asPartner, asRider, asStaff } from './credentials';

export const apiUrl = (): string => {
  const url = process.env.API_URL;
  if (!url) throw new Error('API_URL is not set: the local stack did not start');
  // A deployed stage's URL ends in its stage name, with or without a final slash.
  return url.replace(/\/+$/, '');
};

export interface Answer {
  status: number;
  type: string | null;
  headers: Headers;
  text: string;
  // Parsed JSON, or null for an empty or non-JSON body.
  body: any;
}

export interface CallOptions {
  /** Sent as JSON unless it is a string, which is sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
  baseUrl?: string;
  /**
   * 'route' (the default): the credentials the route's rightful caller sends, before `headers`:
   * a partner's key for reads, a staff token to create a driver, and to rate, the ride token for
   * the driver in the path and the rideId in the body. 'none': only `headers`. The tests about
   * access say 'none' and send exactly what they test.
   */
  credentials?: 'route' | 'none';
  /**
   * true (the default): a 429 or 503 is retried as client/retry.ts advises partners, so that a
   * test is not failed by a limit it is not about. The tests about limits say false, and see
   * every 429 as it comes.
   */
  retry?: boolean;
}

/** What the rightful caller of a route sends with it (see CallOptions.credentials). */
async function credentialsFor(method: string, path: string, body: unknown): Promise<Record<string, string>> {
  const route = path.split('?')[0]!;
  if (method !== 'POST') return asPartner();
  if (/\/drivers\/?$/.test(route)) return asStaff();
  const rating = /\/drivers\/([^/]+)\/ratings$/.exec(route);
  if (!rating) return {};
  // A driver or ride id that no token could name (the tests send some on purpose) is replaced by
  // a placeholder, so that the request reaches the function, which answers for the id itself.
  const id = (value: unknown, placeholder: string) => (typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : placeholder);
  const driverId = id(rating[1], 'no-driver');
  const rideId = id(typeof body === 'object' && body !== null ? (body as { rideId?: unknown }).rideId : undefined, 'no-ride');
  return asRider(driverId, rideId);
}

/**
 * fetch, tried a second time when a reused keep-alive connection turns out to have
 * been closed by the server as idle, at the very moment the request went out (Node
 * closes idle connections after 5 s; on a busy machine a client may send just then).
 * The request never reached the API, so sending it again is safe.
 */
async function fetchWithOneRetry(url: string | URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const closedIdle = cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET' || /other side closed/.test(cause?.message ?? '');
    if (!closedIdle) throw error;
    return fetch(url, init);
  }
}

export async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const { body } = options;
  const credentials = options.credentials === 'none' ? {} : await credentialsFor(method, path, body);
  const headers = { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...credentials, ...options.headers };
  const url = `${options.baseUrl ?? apiUrl()}${path}`;
  const init = { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) };
  const response = options.retry === false
    ? await fetchWithOneRetry(url, init)
    : await fetchWithRetry(url, init, { fetch: fetchWithOneRetry as typeof fetch, maxDelayMs: 5000 });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, type: response.headers.get('content-type'), headers: response.headers, text, body: parsed };
}

/**
 * The first check of every integration test file: the API answers, and so does the
 * database behind it (a 404 for an unknown driver takes a DynamoDB read). Without
 * a running stack the file fails here, loudly, instead of passing by accident.
 */
export async function expectStackAnswers(baseUrl?: string): Promise<void> {
  const answer = await call('GET', '/drivers/stack-check', { baseUrl });
  expect(answer.status).toBe(404);
  expect(answer.body).toMatchObject({ status: 404, title: 'Driver not found' });
}

/** Words that would betray internals: stack frames, our tables, the SDK. */
export const internalNames = [/\n\s+at /, /node_modules/, /\.ts:\d+/, /DynamoDB/i, /ratings-store|dynamodb-store/, /TABLE_NAME/, /-ratings\b/, /Exception/];

export function expectNoInternals(text: string): void {
  for (const pattern of internalNames) expect(text).not.toMatch(pattern);
}

/** A problem document, as RFC 9457 and this API shape them. */
export function expectProblem(answer: Answer, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.type).toMatch(/^application\/problem\+json/);
  expect(answer.body).toEqual(expect.objectContaining({ type: expect.any(String), title: expect.any(String), detail: expect.any(String) }));
  expectNoInternals(answer.text);
}

// #region eventually
/**
 * Retries `check` until it passes or `timeoutMs` runs out, then fails with its last
 * error. For reads of a global secondary index, which DynamoDB updates after the
 * write returns (eventual consistency): a test that read it once, at once, would
 * fail some of the time on AWS, and teach us nothing.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
// #endregion eventually
