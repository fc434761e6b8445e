/**
 * The running API against input nobody would think to write by hand: generated
 * bodies, path segments, query strings, headers and methods, sent to every route
 * of the local stack. Whatever comes in, the API must answer below 500, say
 * nothing of its internals, and shape every 4xx as a problem document.
 * Bounded: 150 runs per route, a few hundred requests in all.
 */
import fc from 'fast-check';
import { type Answer, call, expectStackAnswers } from '../support/api';

const runsPerRoute = 150;
let driverId: string;

beforeAll(async () => {
  await expectStackAnswers();
  driverId = (await call('POST', '/drivers', { body: { name: 'Fuzzed', city: 'Coimbra' } })).body.driverId;
});

// #region http-arbitraries
/** What goes in the {driverId} slot: real, plausible, encoded junk, or raw junk. */
const idSegment = fc.oneof(
  fc.constant('REAL'), // replaced by the real driver id when the request is made
  fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/),
  fc.string({ unit: 'binary', maxLength: 80 }).map(encodeURIComponent),
  fc.webSegment(),
  fc.constantFrom('%', '%ZZ', '%00', '..', '.', 'a%2Fb', '%F0%9F', '~', 'null', '%2e%2e'),
);

const query = fc.oneof(
  fc.constant(''),
  fc.webQueryParameters().map((text) => `?${text}`),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 30 }), { maxKeys: 4 })
    .map((params) => `?${new URLSearchParams(params).toString()}`),
);

// fetch refuses header values with control characters, so values stay printable.
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);
const headers = fc.dictionary(
  fc.oneof(
    fc.constantFrom('content-type', 'accept', 'content-encoding', 'accept-encoding', 'origin', 'x-forwarded-for', 'authorization'),
    fc.stringMatching(/^x-[a-z0-9-]{1,12}$/),
  ),
  fc.oneof(headerValue, fc.constantFrom('application/json', 'application/json; charset=utf-8', 'gzip', '*/*', 'text/plain')),
  { maxKeys: 4 },
);

const body = fc.oneof(
  fc.json(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue().map((noise) => JSON.stringify({ name: noise, city: 'Lisbon', rideId: noise, stars: noise })),
  fc.record({ rideId: fc.string(), stars: fc.double(), comment: fc.jsonValue() }).map((value) => JSON.stringify(value)),
  fc.integer({ min: 16_000, max: 20_000 }).map((size) => JSON.stringify({ name: 'x'.repeat(size), city: 'B' })),
);
// #endregion http-arbitraries

// #region http-invariants
/** Words that would betray internals: stack frames, file names, our table, the SDK. */
const internals = [/\bat .+:\d+:\d+/, /node_modules/, /\.(ts|js):\d+/, /TABLE_NAME/, /rate-the-ride-\d\d-\w+-ratings/, /AWS_|@aws-sdk/, /"stack"/];

function expectWellBehaved(answer: Answer, request: string): void {
  const context = `${request}\n→ ${answer.status} ${answer.text.slice(0, 300)}`;
  expect({ context, status: answer.status < 500 }).toEqual({ context, status: true });
  for (const pattern of internals) expect({ context, leaks: pattern.test(answer.text) }).toEqual({ context, leaks: false });
  if (answer.status >= 400) {
    expect({ context, type: answer.type?.startsWith('application/problem+json') }).toEqual({ context, type: true });
    const { type, title, detail, status } = answer.body ?? {};
    expect({ context, shape: [typeof type, typeof title, typeof detail] }).toEqual({ context, shape: ['string', 'string', 'string'] });
    if (status !== undefined) expect({ context, status }).toEqual({ context, status: answer.status });
  }
}
// #endregion http-invariants

/** Query strings for the list routes: plausible limits and cursors, and junk. */
const listQuery = fc
  .record(
    {
      limit: fc.oneof(fc.integer({ min: -5, max: 120 }).map(String), fc.string({ maxLength: 6 })),
      cursor: fc.oneof(fc.base64String({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.constant('a.b')),
    },
    { requiredKeys: [] },
  )
  .map((params) => `?${new URLSearchParams(params).toString()}`);

const routes = [
  { route: 'POST /drivers', method: 'POST', path: () => '/drivers', withBody: true },
  { route: 'GET /drivers/{driverId}', method: 'GET', path: (id: string) => `/drivers/${id}`, withBody: false },
  { route: 'POST /drivers/{driverId}/ratings', method: 'POST', path: (id: string) => `/drivers/${id}/ratings`, withBody: true },
  { route: 'GET /drivers/{driverId}/ratings', method: 'GET', path: (id: string) => `/drivers/${id}/ratings`, withBody: false },
  { route: 'GET /cities/{city}/top-drivers', method: 'GET', path: (city: string) => `/cities/${city}/top-drivers`, withBody: false },
] as const;

describe.each(routes)('$route with generated input', ({ method, path, withBody }) => {
  it(`never answers 5xx, never leaks, always problem+json for 4xx (${runsPerRoute} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(idSegment, fc.oneof(query, listQuery), headers, fc.option(body, { nil: undefined }), async (id, search, sent, text) => {
        const url = path(id === 'REAL' ? driverId : id) + search;
        const answer = await call(method, url, { headers: sent, body: withBody ? text : undefined });
        expectWellBehaved(answer, `${method} ${url} ${JSON.stringify(sent)} ${String(text).slice(0, 200)}`);
      }),
      { numRuns: runsPerRoute },
    );
  });
});

it('answers methods and paths that have no route with a 4xx problem document', async () => {
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE');
  const path = fc.oneof(fc.webPath(), fc.constantFrom('/drivers/x/y', '/cities', '/', '/drivers/', '//drivers'));
  await fc.assert(
    fc.asyncProperty(method, path, async (verb, where) => {
      const answer = await call(verb, where.startsWith('/') ? where : `/${where}`);
      expectWellBehaved(answer, `${verb} ${where}`);
    }),
    { numRuns: runsPerRoute },
  );
});
