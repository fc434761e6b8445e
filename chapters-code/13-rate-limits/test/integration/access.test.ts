/**
 * Who may call what, on the running local stack: every route with no credentials, a wrong key,
 * a partner's key, ride tokens for the right and for another ride or driver, a staff token,
 * and tokens that are expired or forged. Each answer has the exact status and problem type the
 * status table gives; the 401s say how to authenticate; and every refusal, the gateway's own
 * included, carries the CORS headers a browser needs to show it.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { tokenAudience, tokenIssuer } from '../../src/auth/token-rules';
import { type Answer, call, expectProblem, expectStackAnswers } from '../support/api';
import { asPartner, partnerKey, rideToken, staffToken } from '../support/credentials';

const webApp = 'https://app.rate-the-ride.example';
let driverId: string;
let otherDriverId: string;
let creds: Record<string, Record<string, string>>;
const run = Date.now().toString(36);
const ride = (n: number | string) => `access-${run}-${n}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  await expectStackAnswers();
  driverId = (await call('POST', '/drivers', { body: { name: 'Guarded', city: 'Aveiro' } })).body.driverId;
  otherDriverId = (await call('POST', '/drivers', { body: { name: 'Other', city: 'Aveiro' } })).body.driverId;
  const { privateKey: strangerKey } = await generateKeyPair('ES256');
  const forged = await new SignJWT({ sub: 'staff-x', scope: 'drivers:write' })
    .setProtectedHeader({ alg: 'ES256', kid: 'stranger' })
    .setIssuer(tokenIssuer)
    .setAudience(tokenAudience)
    .setIssuedAt()
    .setExpirationTime('15m')
    .sign(strangerKey);
  creds = {
    none: {},
    'a wrong key': { 'x-api-key': 'not-a-key-of-this-api' },
    "a partner's key": asPartner(),
    'a ride token': bearer(await rideToken(driverId, ride('mine'))),
    'a staff token': bearer(await staffToken()),
    'an expired staff token': bearer(await staffToken({ issuedAt: new Date(Date.now() - 20 * 60_000), lifetimeSeconds: 600 })),
    'a staff token signed by a stranger': bearer(forged),
  };
});

const problemType = (answer: Answer) => String(answer.body?.type ?? '').split('/').pop();

/** The status and problem type expected, or only a success status. */
type Expected = [status: number, problem?: string];

// #region access-matrix
const reads = ['/drivers/{id}', '/drivers/{id}/ratings', '/cities/Aveiro/top-drivers'];
const readExpectations: Record<string, Expected> = {
  none: [403, 'invalid-api-key'],
  'a wrong key': [403, 'invalid-api-key'],
  "a partner's key": [200],
  'a ride token': [403, 'invalid-api-key'],
  'a staff token': [403, 'invalid-api-key'],
  'an expired staff token': [403, 'invalid-api-key'],
  'a staff token signed by a stranger': [403, 'invalid-api-key'],
};
const createDriverExpectations: Record<string, Expected> = {
  none: [401, 'not-authenticated'],
  'a wrong key': [401, 'not-authenticated'],
  "a partner's key": [401, 'not-authenticated'],
  'a ride token': [403, 'insufficient-scope'],
  'a staff token': [201],
  'an expired staff token': [401, 'not-authenticated'],
  'a staff token signed by a stranger': [401, 'not-authenticated'],
};
const rateExpectations: Record<string, Expected> = {
  none: [401, 'not-authenticated'],
  'a wrong key': [401, 'not-authenticated'],
  "a partner's key": [401, 'not-authenticated'],
  'a ride token': [201],
  'a staff token': [403, 'ride-not-covered'],
  'an expired staff token': [401, 'not-authenticated'],
  'a staff token signed by a stranger': [401, 'not-authenticated'],
};
// #endregion access-matrix

function expectAnswer(answer: Answer, [status, problem]: Expected): void {
  if (problem === undefined) {
    expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({ status, text: expect.any(String) });
    return;
  }
  expectProblem(answer, status);
  expect(problemType(answer)).toBe(problem);
  if (status === 401) expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  // A browser page may read the refusal: the gateway's answers carry the CORS headers too.
  expect(answer.headers.get('access-control-allow-origin')).toBe(webApp);
}

describe.each(Object.keys(readExpectations))('with %s', (label) => {
  it.each(reads)('GET %s', async (path) => {
    expectAnswer(await call('GET', path.replace('{id}', driverId), { headers: creds[label], credentials: 'none' }), readExpectations[label]!);
  });

  it('POST /drivers', async () => {
    const answer = await call('POST', '/drivers', { body: { name: 'Tried', city: 'Aveiro' }, headers: creds[label], credentials: 'none' });
    expectAnswer(answer, createDriverExpectations[label]!);
  });

  it('POST /drivers/{id}/ratings', async () => {
    // Each label rates a ride of its own, so that only the token decides the answer.
    const rideId = label === 'a ride token' ? ride('mine') : ride(label.replace(/\W+/g, '-'));
    const answer = await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId, stars: 4 }, headers: creds[label], credentials: 'none' });
    expectAnswer(answer, rateExpectations[label]!);
  });
});

// #region ride-token-tests
describe('a ride token', () => {
  it('rates only its own ride with its own driver', async () => {
    const token = bearer(await rideToken(driverId, ride('one')));
    const rate = (driver: string, rideId: string) => call('POST', `/drivers/${driver}/ratings`, { body: { rideId, stars: 5 }, headers: token, credentials: 'none' });
    expectAnswer(await rate(driverId, ride('two')), [403, 'ride-not-covered']);
    expectAnswer(await rate(otherDriverId, ride('one')), [403, 'ride-not-covered']);
    expectAnswer(await rate(driverId, ride('one')), [201]);
  });

  it("cannot use up someone else's ride id", async () => {
    const stranger = bearer(await rideToken(driverId, ride('stranger'), { rider: 'rider-stranger' }));
    const victimRide = ride('victim');
    const attempt = await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: victimRide, stars: 1 }, headers: stranger, credentials: 'none' });
    expectAnswer(attempt, [403, 'ride-not-covered']);
    const victim = bearer(await rideToken(driverId, victimRide, { rider: 'rider-victim' }));
    expectAnswer(await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: victimRide, stars: 5 }, headers: victim, credentials: 'none' }), [201]);
  });

  it("is answered from the authorizer's cache on the other route it guards, by the function, not refused by the gateway", async () => {
    const token = bearer(await rideToken(driverId, ride('cached')));
    expectAnswer(await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: ride('cached'), stars: 3 }, headers: token, credentials: 'none' }), [201]);
    // Within the five minutes, the cached policy decides at the gateway: it must allow POST /drivers
    // too (an ACCESS_DENIED here would mean it named only the first route), and the function refuses.
    expectAnswer(await call('POST', '/drivers', { body: { name: 'X', city: 'Y' }, headers: token, credentials: 'none' }), [403, 'insufficient-scope']);
  });
});
// #endregion ride-token-tests

describe('what a client says of itself counts for nothing', () => {
  it("ignores serverless-offline's header for overriding the authorizer's context", async () => {
    const answer = await call('POST', '/drivers', {
      body: { name: 'Mallory', city: 'Aveiro' },
      headers: { ...bearer(await rideToken(driverId, ride('mallory'))), 'sls-offline-authorizer-override': JSON.stringify({ kind: 'staff', staff: 'mallory', scope: 'drivers:write' }) },
      credentials: 'none',
    });
    expectAnswer(answer, [403, 'insufficient-scope']);
  });

  it('refuses a key in the query string: API Gateway reads x-api-key from the header only', async () => {
    expectAnswer(await call('GET', `/drivers/${driverId}?x-api-key=${partnerKey()}`, { credentials: 'none' }), [403, 'invalid-api-key']);
  });

  it('refuses a token sent without the Bearer scheme, before any function runs', async () => {
    const token = await staffToken();
    for (const authorization of [token, `bearer ${token}`, `Bearer ${token} extra`]) {
      expectAnswer(await call('POST', '/drivers', { body: { name: 'A', city: 'B' }, headers: { authorization }, credentials: 'none' }), [401, 'not-authenticated']);
    }
  });
});

// #region cors-tests
describe('browsers', () => {
  it("get the preflight's fixed answer, for the web app's origin or any other: the browser compares it", async () => {
    for (const origin of [webApp, 'https://elsewhere.example']) {
      const answer = await call('OPTIONS', `/drivers/${driverId}/ratings`, {
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
        credentials: 'none',
      });
      expect(answer.status).toBe(200);
      expect(Object.fromEntries([...answer.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
        'access-control-allow-origin': webApp,
        'access-control-allow-headers': 'Content-Type,Authorization,X-Api-Key',
        'access-control-allow-methods': 'OPTIONS,POST,GET',
        'access-control-max-age': '600',
      });
    }
  });

  it("get the web app's origin on the functions' answers, never an echo of their own", async () => {
    const answer = await call('GET', `/drivers/${driverId}`, { headers: { origin: 'https://elsewhere.example' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(webApp);
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    expect(answer.headers.get('access-control-expose-headers')).toBe('Location, Retry-After, WWW-Authenticate');
  });
});
// #endregion cors-tests
