/**
 * Bad credentials nobody would think to write by hand, against every route of the local stack:
 * generated and mangled tokens, keys and headers. Whatever comes in, the answer is below 500,
 * a problem document for any 4xx, with nothing of our internals in it, and garbage never gets
 * past the gateway. Bounded: 120 runs per kind of credential.
 */
import fc from 'fast-check';
import { type Answer, call, expectStackAnswers } from '../support/api';
import { partnerKey, rideToken, staffToken } from '../support/credentials';

const runs = 120;
let driverId: string;
let validRide: string;
let validStaff: string;

beforeAll(async () => {
  await expectStackAnswers();
  driverId = (await call('POST', '/drivers', { body: { name: 'Probed', city: 'Leiria' } })).body.driverId;
  validRide = await rideToken(driverId, `prop-${Date.now()}`);
  validStaff = await staffToken();
});

const routes = [
  ['POST', () => '/drivers', { name: 'P', city: 'Leiria' }],
  ['GET', () => `/drivers/${driverId}`, undefined],
  ['POST', () => `/drivers/${driverId}/ratings`, { rideId: `prop-${Date.now()}`, stars: 3 }],
  ['GET', () => `/drivers/${driverId}/ratings`, undefined],
  ['GET', () => '/cities/Leiria/top-drivers', undefined],
] as const;

// #region credential-arbitraries
const base64url = fc.base64String({ maxLength: 120 }).map((text) => text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Tokens that are not tokens, or tokens of ours taken apart and put back wrongly. */
const garbageToken = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.tuple(base64url, base64url, base64url).map((parts) => parts.join('.')),
  fc.record({ alg: fc.constantFrom('none', 'HS256', 'RS256', 'ES256', 'ES512', 'EdDSA'), kid: fc.string({ maxLength: 20 }) }).chain((header) =>
    fc.record({ sub: fc.string(), ride: fc.string(), driver: fc.string(), scope: fc.string(), exp: fc.integer() }, { requiredKeys: [] })
      .map((claims) => `${json(header)}.${json(claims)}.${Buffer.from('not a signature').toString('base64url')}`)),
  fc.constantFrom('', '.', '..', '...', 'null', 'undefined', '{}', 'Bearer', '\u00e9'),
);
/** Our own valid tokens with one character changed, one part dropped, or parts swapped. */
const mangledToken = fc.tuple(fc.constantFrom(() => validRide, () => validStaff), fc.nat(), fc.constantFrom('A', 'B', '_', '-', '.', '')).map(([token, at, character]) => {
  const text = token();
  const index = at % text.length;
  return text.slice(0, index) + character + text.slice(index + 1);
});
const authorization = fc.oneof(
  garbageToken.map((token) => `Bearer ${token}`),
  garbageToken,
  fc.constantFrom('Basic ', 'Digest ', 'bearer ', 'BEARER ', 'Bearer  ').chain((scheme) => garbageToken.map((token) => scheme + token)),
);
/** Keys that are not keys, or a real key with one character changed (to one no key contains). */
const apiKey = fc.oneof(fc.string({ maxLength: 80 }), fc.nat(40).map((at) => `${partnerKey().slice(0, at)}#${partnerKey().slice(at + 1)}`));
// fetch refuses header values with control characters or beyond Latin-1.
const printable = (value: string) => value.replace(/[^\x20-\x7e]/g, '?');
// #endregion credential-arbitraries

/** Words that would betray internals: stack frames, file names, our table, the SDK, a key or token check's own words. */
const internals = [/\bat .+:\d+:\d+/, /node_modules/, /\.(ts|js):\d+/, /TABLE_NAME/, /rate-the-ride-\d\d-\w+-ratings/, /AWS_|@aws-sdk/, /"stack"/, /ERR_JW[STK]/, /jose/i];

function expectRefusedWell(answer: Answer, request: string, mayPass: boolean): void {
  const context = `${request}\n→ ${answer.status} ${answer.text.slice(0, 300)}`;
  expect({ context, below500: answer.status < 500 }).toEqual({ context, below500: true });
  for (const pattern of internals) expect({ context, leaks: pattern.test(answer.text) }).toEqual({ context, leaks: false });
  if (!mayPass) expect({ context, refused: answer.status >= 400 }).toEqual({ context, refused: true });
  if (answer.status >= 400) {
    expect({ context, problem: answer.type?.startsWith('application/problem+json') }).toEqual({ context, problem: true });
    expect({ context, cors: answer.headers.get('access-control-allow-origin') }).toEqual({ context, cors: 'https://app.rate-the-ride.example' });
  }
}

describe.each(routes)('%s %s with bad credentials', (method, path, body) => {
  it(`never answers 5xx, never leaks, never lets garbage through (${runs} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(authorization, { nil: undefined }), fc.option(apiKey, { nil: undefined }), async (auth, key) => {
        const headers: Record<string, string> = {};
        if (auth !== undefined) headers.authorization = printable(auth);
        if (key !== undefined) headers['x-api-key'] = printable(key);
        const answer = await call(method, path(), { body, headers, credentials: 'none' });
        expectRefusedWell(answer, `${method} ${path()} ${JSON.stringify(headers)}`, false);
      }),
      { numRuns: runs },
    );
  });

  it(`never answers 5xx to our own tokens mangled (${runs} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(mangledToken, async (token) => {
        const headers = { authorization: `Bearer ${printable(token)}` };
        const answer = await call(method, path(), { body, headers, credentials: 'none' });
        // A change the base64url decoder ignores (the last character's spare bits) can leave a token valid.
        expectRefusedWell(answer, `${method} ${path()} ${JSON.stringify(headers)}`, true);
      }),
      { numRuns: runs },
    );
  });
});
