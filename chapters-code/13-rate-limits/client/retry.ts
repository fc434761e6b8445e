/**
 * How a client of this API should retry: what the chapter advises partners, as code they can
 * copy. It depends on nothing but fetch. The acceptance suite sends its requests through it.
 */

export interface RetryOptions {
  /** Tries in all, the first included. */
  maxAttempts?: number;
  /** The first backoff ceiling; each retry doubles it. */
  baseDelayMs?: number;
  /** No wait is longer than this: a Retry-After beyond it gives up at once (a quota until midnight, say). */
  maxDelayMs?: number;
  /** For tests: the clock, the random source, the timer and the fetch to use. */
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

// #region retryable
/**
 * 429 and 503 say "not now": the gateway or the API turned the request away before acting on
 * it (a rating is written in one transaction that either happened or did not), so sending it
 * again is safe for any method. Other statuses are answers: retrying a 400 or a 409 gets the
 * same answer. A request that failed on the network may or may not have reached the API, so
 * only methods that are safe to repeat are retried after one.
 */
const retryableStatuses = new Set([429, 503]);
const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
// #endregion retryable

/**
 * Retry-After as milliseconds from `now`: delay-seconds ("120") or an HTTP date (RFC 9110,
 * section 10.2.3). Undefined when absent or unreadable; never negative.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month in letters; anything else is not one.
  const date = /[A-Za-z]/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// #region backoff
/**
 * Exponential backoff with full jitter: before retry n (1, 2, …), wait a random time between
 * zero and base × 2^(n-1), capped. The randomness matters as much as the growth: clients
 * turned away together would otherwise come back together, and be turned away together again.
 */
export function backoffMs(retry: number, options: { baseDelayMs: number; maxDelayMs: number; random: () => number }): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return options.random() * ceiling;
}
// #endregion backoff

const defaults = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 20_000 };

// #region fetch-with-retry
/**
 * fetch, retried while the API says "not now". A Retry-After from the server is a floor:
 * the client waits at least that long (plus its own jitter, so that clients told the same
 * second do not all return in it); a wait longer than maxDelayMs is not waited out: the
 * answer goes back to the caller. After maxAttempts, the last answer is returned as it is.
 */
export async function fetchWithRetry(url: string | URL, init: RequestInit = {}, options: RetryOptions = {}): Promise<Response> {
  const { maxAttempts, baseDelayMs, maxDelayMs } = { ...defaults, ...options };
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const send = options.fetch ?? fetch;
  const method = (init.method ?? 'GET').toUpperCase();

  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await send(url, init);
    } catch (error) {
      if (!idempotentMethods.has(method) || attempt >= maxAttempts) throw error;
      await sleep(backoffMs(attempt, { baseDelayMs, maxDelayMs, random }));
      continue;
    }
    if (!retryableStatuses.has(response.status) || attempt >= maxAttempts) return response;
    const jitter = backoffMs(attempt, { baseDelayMs, maxDelayMs, random });
    const floor = retryAfterMs(response.headers.get('retry-after'), now());
    if (floor !== undefined && floor > maxDelayMs) return response;
    // The body of an answer we will not use is drained, so that its connection can be reused.
    await response.body?.cancel();
    await sleep(floor === undefined ? jitter : floor + jitter);
  }
}
// #endregion fetch-with-retry
