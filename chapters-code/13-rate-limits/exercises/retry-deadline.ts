// Exercise 2 of chapter 13, answered: a retrying fetch that never runs past a deadline. A partner's
// server that must answer its own caller within a few seconds cannot wait out every Retry-After.
import { backoffMs, fetchWithRetry, retryAfterMs, type RetryOptions } from '../client/retry';

/**
 * fetchWithRetry, but every wait must end before `deadline` (a time in ms, as Date.now gives):
 * a wait that would end later is not started, and the last answer goes back to the caller. The
 * deadline works by shrinking maxDelayMs before each try to the time that is left, so the
 * backoff, the jitter and Retry-After keep the rules of client/retry.ts.
 */
export async function fetchBefore(deadline: number, url: string | URL, init: RequestInit = {}, options: RetryOptions = {}): Promise<Response> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 200;
  for (let attempt = 1; ; attempt++) {
    // One try at a time, so that this function decides about each wait itself.
    const response = await fetchWithRetry(url, init, { ...options, maxAttempts: 1 });
    if (![429, 503].includes(response.status) || attempt >= maxAttempts) return response;
    const left = deadline - now();
    const jitter = backoffMs(attempt, { baseDelayMs, maxDelayMs: Math.max(0, left), random });
    const wait = (retryAfterMs(response.headers.get('retry-after'), now()) ?? 0) + jitter;
    if (wait >= left) return response;
    await response.body?.cancel();
    await sleep(wait);
  }
}
