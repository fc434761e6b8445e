import { backoffMs, fetchWithRetry, retryAfterMs } from '../../client/retry';

/** A fetch that answers with these statuses (and headers) in turn, and records when it was called. */
function scriptedFetch(...answers: Array<number | [number, Record<string, string>] | Error>) {
  const calls: Array<{ at: number; init: RequestInit | undefined }> = [];
  const fake = jest.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push({ at: Date.now(), init });
    const next = answers.shift();
    if (next === undefined) throw new Error('fetch called more often than the test expected');
    if (next instanceof Error) throw next;
    const [status, headers] = typeof next === 'number' ? [next, {}] : next;
    return new Response(status === 204 ? null : JSON.stringify({ status }), { status, headers });
  });
  return { fetch: fake as unknown as typeof fetch, calls };
}

/** Runs a retrying fetch to its end on Jest's fake clock, however long it waits. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let outcome: { value: T } | { error: unknown } | undefined;
  promise.then((value) => (outcome = { value }), (error: unknown) => (outcome = { error }));
  while (!outcome) await jest.advanceTimersByTimeAsync(50);
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') });
});
afterEach(() => jest.useRealTimers());

describe('backoffMs: exponential backoff with full jitter', () => {
  it('waits a random share of a ceiling that doubles with each retry, up to the cap', () => {
    const options = { baseDelayMs: 200, maxDelayMs: 20_000 };
    expect([1, 2, 3, 4].map((retry) => backoffMs(retry, { ...options, random: () => 0.999999 }))).toEqual([
      expect.closeTo(200, 0), expect.closeTo(400, 0), expect.closeTo(800, 0), expect.closeTo(1600, 0),
    ]);
    expect(backoffMs(12, { ...options, random: () => 0.5 })).toBe(10_000);
    expect(backoffMs(3, { ...options, random: () => 0 })).toBe(0);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  it.each([
    ['delay-seconds', '120', 120_000],
    ['an HTTP date', 'Mon, 07 Dec 2026 10:00:30 GMT', 30_000],
    ['a date already past: no wait', 'Mon, 07 Dec 2026 09:00:00 GMT', 0],
    ['garbage', 'soon', undefined],
    ['a negative number', '-5', undefined],
  ])('reads %s', (_label, header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });
  it('is undefined when there is no header', () => expect(retryAfterMs(null, now)).toBeUndefined());
});

describe('fetchWithRetry', () => {
  it('retries a 429, waiting at least the Retry-After, and returns the answer that came through', async () => {
    const api = scriptedFetch([429, { 'retry-after': '2' }], 200);
    const response = await settle(fetchWithRetry('https://api.example/drivers/d-1', {}, { fetch: api.fetch, random: () => 0.5 }));
    expect(response.status).toBe(200);
    expect(api.calls).toHaveLength(2);
    // Two seconds from Retry-After, plus half of the first jitter ceiling (200 ms).
    expect(api.calls[1]!.at - api.calls[0]!.at).toBeGreaterThanOrEqual(2100);
    expect(api.calls[1]!.at - api.calls[0]!.at).toBeLessThan(2200);
  });

  it('without Retry-After, backs off with jitter that grows: 503, 503, 200', async () => {
    const api = scriptedFetch(503, 503, 200);
    await settle(fetchWithRetry('https://api.example/x', {}, { fetch: api.fetch, random: () => 0.99 }));
    const waits = [api.calls[1]!.at - api.calls[0]!.at, api.calls[2]!.at - api.calls[1]!.at];
    expect(waits[0]).toBeGreaterThanOrEqual(150);
    expect(waits[0]).toBeLessThanOrEqual(250);
    expect(waits[1]).toBeGreaterThanOrEqual(350);
    expect(waits[1]).toBeLessThanOrEqual(450);
  });

  it('gives up after maxAttempts and returns the last answer as it is', async () => {
    const api = scriptedFetch(429, 429, 429);
    const response = await settle(fetchWithRetry('https://api.example/x', {}, { fetch: api.fetch, maxAttempts: 3 }));
    expect(response.status).toBe(429);
    expect(api.calls).toHaveLength(3);
  });

  it('does not wait out a Retry-After beyond its cap: a used-up quota comes back at once', async () => {
    const api = scriptedFetch([429, { 'retry-after': '3600' }]);
    const response = await settle(fetchWithRetry('https://api.example/x', {}, { fetch: api.fetch }));
    expect(response.status).toBe(429);
    expect(api.calls).toHaveLength(1);
    expect(Date.now() - Date.parse('2026-12-07T10:00:00Z')).toBeLessThan(100);
  });

  it.each([400, 401, 403, 404, 409, 413, 500])('returns a %i at once: retrying it gets the same answer', async (status) => {
    const api = scriptedFetch(status);
    const response = await settle(fetchWithRetry('https://api.example/x', { method: 'POST', body: '{}' }, { fetch: api.fetch }));
    expect(response.status).toBe(status);
    expect(api.calls).toHaveLength(1);
  });

  it('sends a POST again, body and all, after a 429', async () => {
    const api = scriptedFetch([429, { 'retry-after': '1' }], 201);
    const init = { method: 'POST', body: '{"rideId":"r-1","stars":5}', headers: { 'content-type': 'application/json' } };
    const response = await settle(fetchWithRetry('https://api.example/drivers/d-1/ratings', init, { fetch: api.fetch }));
    expect(response.status).toBe(201);
    expect(api.calls.map((call) => call.init?.body)).toEqual([init.body, init.body]);
  });

  it('retries a network failure for a GET, not for a POST, which may have arrived', async () => {
    const failure = new TypeError('fetch failed');
    const reads = scriptedFetch(failure, 200);
    await expect(settle(fetchWithRetry('https://api.example/x', {}, { fetch: reads.fetch }))).resolves.toHaveProperty('status', 200);
    const writes = scriptedFetch(failure);
    await expect(settle(fetchWithRetry('https://api.example/x', { method: 'POST' }, { fetch: writes.fetch }))).rejects.toBe(failure);
    expect(writes.calls).toHaveLength(1);
  });
});
