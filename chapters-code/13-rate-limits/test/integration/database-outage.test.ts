/**
 * What a client sees when DynamoDB goes away: a 503 problem with Retry-After, not a
 * 500 and not a hang. This test uses a stack of its own, because it stops that
 * stack's database on purpose, halfway through: the one the global setup started
 * for it (OUTAGE_API_URL), or, if there is none, one it starts itself.
 */
import { call, expectProblem, expectStackAnswers } from '../support/api';
import { type RunningStack, startStack } from '../support/local-stack';

let stack: RunningStack;

beforeAll(async () => {
  const { OUTAGE_API_URL: url, OUTAGE_DATABASE_PID: pid } = process.env;
  // The global teardown stops a stack the global setup started.
  stack = url ? { url, databasePid: Number(pid), partnerKeys: [], stop: async () => undefined } : await startStack();
  await expectStackAnswers(stack.url);
}, 150_000);

afterAll(() => stack?.stop());

it('answers 503 with Retry-After once the database is gone', async () => {
  const baseUrl = stack.url;
  const created = await call('POST', '/drivers', { baseUrl, body: { name: 'Before', city: 'Lisbon' } });
  expect(created.status).toBe(201);

  expect(Number.isInteger(stack.databasePid)).toBe(true);
  process.kill(stack.databasePid, 'SIGKILL');

  for (const [method, path, body] of [
    ['GET', `/drivers/${created.body.driverId}`, undefined],
    ['POST', '/drivers', { name: 'After', city: 'Lisbon' }],
  ] as const) {
    const answer = await call(method, path, { baseUrl, body, retry: false });
    expectProblem(answer, 503);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  }
});
