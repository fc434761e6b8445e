import { fetchBefore } from '../../../exercises/retry-deadline';

const answers = (...statuses: Array<[number, string?]>) => {
  const calls: number[] = [];
  const fake = jest.fn(async () => {
    calls.push(Date.now());
    const [status, retryAfter] = statuses.shift() ?? [500];
    return new Response('{}', { status, headers: retryAfter ? { 'retry-after': retryAfter } : {} });
  });
  return { fetch: fake as unknown as typeof fetch, calls };
};

async function settle<T>(promise: Promise<T>): Promise<T> {
  let outcome: { value: T } | { error: unknown } | undefined;
  promise.then((value) => (outcome = { value }), (error: unknown) => (outcome = { error }));
  while (!outcome) await jest.advanceTimersByTimeAsync(25);
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') }));
afterEach(() => jest.useRealTimers());

it('retries while the wait ends before the deadline', async () => {
  const api = answers([429, '1'], [200]);
  const response = await settle(fetchBefore(Date.now() + 3000, 'https://api.example/x', {}, { fetch: api.fetch, random: () => 0.5 }));
  expect(response.status).toBe(200);
  expect(api.calls[1]! - api.calls[0]!).toBeGreaterThanOrEqual(1000);
});

it('returns the 429 at once when Retry-After would end past the deadline', async () => {
  const api = answers([429, '5'], [200]);
  const response = await settle(fetchBefore(Date.now() + 3000, 'https://api.example/x', {}, { fetch: api.fetch }));
  expect(response.status).toBe(429);
  expect(api.calls).toHaveLength(1);
  expect(Date.now() - Date.parse('2026-12-07T10:00:00Z')).toBeLessThan(50);
});

it('stops retrying once the time left is used up, well before maxAttempts', async () => {
  const api = answers([503, '1'], [503, '1'], [503, '1'], [503, '1'], [503, '1']);
  const started = Date.now();
  const response = await settle(fetchBefore(started + 2500, 'https://api.example/x', {}, { fetch: api.fetch, random: () => 0 }));
  expect(response.status).toBe(503);
  expect(api.calls).toHaveLength(3);
  expect(Date.now() - started).toBeLessThan(2500);
});
