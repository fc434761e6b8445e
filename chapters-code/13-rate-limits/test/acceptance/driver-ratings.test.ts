/**
 * The Driver Ratings API's contract, as a partner developer sees it: HTTP in, HTTP
 * out, nothing else. These tests know no table, no handler and no SDK, so they run
 * against any base URL:
 *
 *   npm run test:acceptance                                  # starts the local stack
 *   API_URL=https://abc123.execute-api.us-east-1.amazonaws.com/dev API_KEY=<the pro key> \
 *     SANDBOX_API_KEY=<the sandbox key> npm run test:acceptance
 *
 * Each call carries what its route needs (test/support/api.ts): a partner key for reads, a
 * staff token to create drivers, the ride's own token to rate it. Each call is retried, as
 * client/retry.ts advises partners, when the API answers 429 or 503, except in the tests of
 * the limits themselves, which use up the sandbox key's quota for the day. The tokens are signed with
 * the development key of .local-keys/, which a deployed stage must trust (see the README), or,
 * for staff, given as STAFF_TOKEN.
 *
 * They create their own drivers with unique ride ids and leave them behind: on a
 * shared stage, that is data a test wrote, marked by its name ("Acceptance ...").
 */
import { apiUrl, call, eventually, expectProblem, expectStackAnswers } from '../support/api';
import { partnerKey, rideToken } from '../support/credentials';

const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const ride = (n: number) => `acc-${run}-${n}`;

async function newDriver(name = 'Acceptance Driver', city = 'Lisbon'): Promise<string> {
  const created = await call('POST', '/drivers', { body: { name, city } });
  expect(created.status).toBe(201);
  return created.body.driverId;
}

beforeAll(() => expectStackAnswers());

// #region acceptance-drivers
describe('POST /drivers', () => {
  it('creates a driver: 201, the driver, and a Location that leads to it', async () => {
    const created = await call('POST', '/drivers', { body: { name: '  Acceptance Ana ', city: 'Lisbon' } });
    expect(created.status).toBe(201);
    expect(created.type).toMatch(/^application\/json/);
    expect(created.body).toEqual({
      driverId: expect.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
      name: 'Acceptance Ana',
      city: 'Lisbon',
      ratingCount: 0,
      averageRating: null,
    });
    // Followed as a browser would, from the base URL: right locally, on a stage (…/dev) and under a base path.
    expect(created.headers.get('location')).toMatch(new RegExp(`/drivers/${created.body.driverId}$`));
    const location = new URL(created.headers.get('location')!, `${apiUrl()}/`);
    const followed = await call('GET', location.pathname, { baseUrl: location.origin });
    expect(followed.status).toBe(200);
    expect(followed.body).toEqual(created.body);
  });

  it('refuses an invalid driver with 400 and one entry per field', async () => {
    const answer = await call('POST', '/drivers', { body: { name: '', city: 'x'.repeat(61), age: 40 } });
    expectProblem(answer, 400);
    expect(answer.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['/age', '/city', '/name']);
  });
});
// #endregion acceptance-drivers

describe('GET /drivers/{driverId}', () => {
  it('answers 404 for a driver that does not exist', async () => {
    expectProblem(await call('GET', `/drivers/missing-${run}`), 404);
  });
});

describe('POST /drivers/{driverId}/ratings', () => {
  it('rates a ride: 201 and the rating, with a null comment when none was given', async () => {
    const driverId = await newDriver();
    const answer = await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: ride(1), stars: 4 } });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ driverId, rideId: ride(1), stars: 4, comment: null, createdAt: expect.any(String) });
    expect(new Date(answer.body.createdAt).toISOString()).toBe(answer.body.createdAt);
  });

  it('keeps the summary: count, and an average rounded to two decimals', async () => {
    const driverId = await newDriver();
    for (const [n, stars] of [5, 4, 4].entries()) {
      expect((await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: ride(10 + n), stars } })).status).toBe(201);
    }
    const summary = await call('GET', `/drivers/${driverId}`);
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual({ driverId, name: 'Acceptance Driver', city: 'Lisbon', ratingCount: 3, averageRating: 4.33 });
  });

  it('answers 409 when the ride was rated before, and counts it once', async () => {
    const driverId = await newDriver();
    await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: ride(20), stars: 5 } });
    expectProblem(await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: ride(20), stars: 1 } }), 409);
    expect((await call('GET', `/drivers/${driverId}`)).body).toMatchObject({ ratingCount: 1, averageRating: 5 });
  });

  it('answers 404 for a driver that does not exist', async () => {
    expectProblem(await call('POST', `/drivers/missing-${run}/ratings`, { body: { rideId: ride(30), stars: 5 } }), 404);
  });

  it.each([
    ['stars out of range', { rideId: 'r-1', stars: 0 }, '/stars'],
    ['a comment over 500 characters', { rideId: 'r-1', stars: 3, comment: 'x'.repeat(501) }, '/comment'],
    ['a ride id with a space', { rideId: 'r 1', stars: 3 }, '/rideId'],
  ])('answers 400 for %s', async (_label, body, pointer) => {
    const driverId = await newDriver();
    const answer = await call('POST', `/drivers/${driverId}/ratings`, { body });
    expectProblem(answer, 400);
    expect(answer.body.errors).toEqual([{ pointer, detail: expect.any(String) }]);
  });
});

describe('GET /drivers/{driverId}/ratings', () => {
  it('lists the ratings newest first, a page at a time, until nextCursor is null', async () => {
    const driverId = await newDriver();
    for (const n of [1, 2, 3]) await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: ride(40 + n), stars: n } });
    const first = await call('GET', `/drivers/${driverId}/ratings?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { rideId: string }) => item.rideId)).toEqual([ride(43), ride(42)]);
    const second = await call('GET', `/drivers/${driverId}/ratings?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ rideId: ride(41) })], nextCursor: null });
  });

  it('answers 400 to a bad limit or a cursor it did not issue', async () => {
    const driverId = await newDriver();
    expectProblem(await call('GET', `/drivers/${driverId}/ratings?limit=101`), 400);
    expectProblem(await call('GET', `/drivers/${driverId}/ratings?cursor=made-up`), 400);
  });

  it('answers 404 for a driver that does not exist', async () => {
    expectProblem(await call('GET', `/drivers/missing-${run}/ratings`), 404);
  });
});

describe('GET /cities/{city}/top-drivers', () => {
  it('ranks a city\'s rated drivers by average, then by count (once the index has caught up)', async () => {
    const city = `Acceptance City ${run}`;
    const ratedBy = async (name: string, stars: number[]) => {
      const driverId = await newDriver(name, city);
      for (const [n, star] of stars.entries()) {
        await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: ride(100 + n) + name, stars: star } });
      }
    };
    await ratedBy('Steady', [4, 4, 4]);
    await ratedBy('Star', [5]);
    await ratedBy('Rookie', [4]);
    const names = await eventually(async () => {
      const answer = await call('GET', `/cities/${encodeURIComponent(city)}/top-drivers?limit=5`);
      expect(answer.body.items).toHaveLength(3);
      return answer.body.items.map((driver: { name: string }) => driver.name);
    });
    expect(names).toEqual(['Star', 'Steady', 'Rookie']);
  });

  it('answers 400 to a limit over 50', async () => {
    expectProblem(await call('GET', '/cities/Lisbon/top-drivers?limit=51'), 400);
  });
});

// #region acceptance-access
describe('who may call', () => {
  const webApp = 'https://app.rate-the-ride.example';

  it('answers a read without an API key with 403 and a problem document a browser may read', async () => {
    const answer = await call('GET', `/drivers/missing-${run}`, { credentials: 'none' });
    expectProblem(answer, 403);
    expect(answer.body.type).toMatch(/\/invalid-api-key$/);
    expect(answer.headers.get('access-control-allow-origin')).toBe(webApp);
  });

  it('answers a write without a token with 401 and WWW-Authenticate: Bearer', async () => {
    const answer = await call('POST', '/drivers', { body: { name: 'Nobody', city: 'Lisbon' }, credentials: 'none' });
    expectProblem(answer, 401);
    expect(answer.body.type).toMatch(/\/not-authenticated$/);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers a ride token for another ride with 403, and lets the right one rate', async () => {
    const driverId = await newDriver();
    const other = { authorization: `Bearer ${await rideToken(driverId, ride(60))}` };
    const answer = await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: ride(61), stars: 2 }, headers: other, credentials: 'none' });
    expectProblem(answer, 403);
    expect(answer.body.type).toMatch(/\/ride-not-covered$/);
    expect((await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: ride(61), stars: 2 } })).status).toBe(201);
  });

  it('answers a ride token with 403 where staff are needed, naming the scope', async () => {
    const token = { authorization: `Bearer ${await rideToken('d-any', ride(62))}` };
    const answer = await call('POST', '/drivers', { body: { name: 'Sneaky', city: 'Lisbon' }, headers: token, credentials: 'none' });
    expectProblem(answer, 403);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="drivers:write"');
  });
});
// #endregion acceptance-access

describe('the HTTP rules of every route', () => {
  it('answers 415 to a body that is not declared as JSON', async () => {
    expectProblem(await call('POST', '/drivers', { body: 'name=Ana', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
  });

  it('answers 400 to a body that is not JSON', async () => {
    expectProblem(await call('POST', '/drivers', { body: '{"name": "Ana",' }), 400);
  });

  it('answers 413 to a body over 16 KiB', async () => {
    expectProblem(await call('POST', '/drivers', { body: { name: 'x'.repeat(17 * 1024), city: 'Lisbon' } }), 413);
  });

  it.each([
    ['GET', '/no-such-route'],
    ['DELETE', '/drivers'],
  ])('answers %s %s with a 4xx problem document', async (method, path) => {
    const answer = await call(method, path);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.type).toMatch(/^application\/problem\+json/);
  });
});

// #region acceptance-limits
/**
 * The partner limits, as a partner meets them. Locally the gateway enforces them exactly;
 * API Gateway enforces them on a best-effort basis, so against a deployed stage these tests
 * ask only for what AWS promises: a 429 of the right kind comes, and says when to retry.
 * The sandbox key's quota is small on purpose: once a day, these tests use it up.
 */
describe('the limits of a partner tier', () => {
  const sandbox = () => ({ 'x-api-key': partnerKey('SANDBOX_API_KEY') });
  const read = () => call('GET', '/drivers/limits-check', { headers: sandbox(), credentials: 'none', retry: false });

  it('answers 429 "throttled" with Retry-After to a burst over the tier\'s', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, read));
    const kinds = answers.map((answer) => (answer.status === 429 ? answer.body?.type?.split('/').pop() : answer.status));
    if (kinds.every((kind) => kind === 'quota-exceeded')) {
      throw new Error("The sandbox key's quota for today is used up (an earlier run): try tomorrow, or with another sandbox key.");
    }
    expect(kinds).toContain(404);
    expect(kinds).toContain('throttled');
    const throttled = answers.find((answer) => answer.body?.type?.endsWith('/throttled'))!;
    expectProblem(throttled, 429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers 429 "quota-exceeded" once the day\'s quota is used, with a Retry-After that a retrying client does not wait out', async () => {
    // The retrying client waits out the throttle and stops at the quota: its Retry-After is too long.
    let answer = await call('GET', '/drivers/limits-check', { headers: sandbox(), credentials: 'none' });
    for (let calls = 1; answer.status === 404 && calls < 200; calls++) {
      answer = await call('GET', '/drivers/limits-check', { headers: sandbox(), credentials: 'none' });
    }
    expectProblem(answer, 429);
    expect(answer.body.type).toMatch(/\/quota-exceeded$/);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(60);
  }, 120_000);
});
// #endregion acceptance-limits
