// Paging through a driver's ratings with cursors, on the running stack.
import { call, expectProblem, expectStackAnswers } from '../support/api';

let driverId: string;
let otherDriverId: string;
const rideIds: string[] = [];

beforeAll(async () => {
  await expectStackAnswers();
  driverId = (await call('POST', '/drivers', { body: { name: 'Paged', city: 'Evora' } })).body.driverId;
  otherDriverId = (await call('POST', '/drivers', { body: { name: 'Other', city: 'Evora' } })).body.driverId;
  for (let n = 0; n < 25; n++) {
    const rideId = `page-${Date.now()}-${n}`;
    rideIds.push(rideId);
    expect((await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId, stars: 1 + (n % 5) } })).status).toBe(201);
  }
  await call('POST', `/drivers/${otherDriverId}/ratings`, { body: { rideId: `page-other-${Date.now()}`, stars: 5 } });
});

const pageOf = (id: string, query: string) => call('GET', `/drivers/${id}/ratings${query}`);

// #region walk-pages
it('walks every rating once, newest first, in pages of the size asked for', async () => {
  const seen: string[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await pageOf(driverId, `?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    sizes.push(page.body.items.length);
    seen.push(...page.body.items.map((item: { rideId: string }) => item.rideId));
    cursor = page.body.nextCursor;
  } while (cursor);
  expect(sizes).toEqual([10, 10, 5]);
  expect(seen).toEqual([...rideIds].reverse());
});
// #endregion walk-pages

it('ends with a null cursor when the last page is exactly full', async () => {
  const first = await pageOf(driverId, '?limit=25');
  expect(first.body.items).toHaveLength(25);
  expect(first.body.nextCursor).toBeNull();
});

it('uses 20 as the default page size', async () => {
  expect((await pageOf(driverId, '')).body.items).toHaveLength(20);
});

it('refuses a cursor that was altered, forged, far too long, or issued for another driver', async () => {
  const cursor: string = (await pageOf(driverId, '?limit=5')).body.nextCursor;
  const altered = `${cursor.slice(0, 10)}${cursor[10] === 'A' ? 'B' : 'A'}${cursor.slice(11)}`;
  const forged = `${cursor.split('.')[0]}.${'x'.repeat(43)}`;
  for (const [id, bad] of [[driverId, altered], [driverId, forged], [driverId, 'not-a-cursor'], [driverId, `${'A'.repeat(2000)}.${'A'.repeat(43)}`], [otherDriverId, cursor]] as const) {
    const answer = await pageOf(id, `?cursor=${encodeURIComponent(bad)}`);
    expectProblem(answer, 400);
    expect(answer.body.type).toMatch(/\/invalid-cursor$/);
  }
});

it.each(['0', '101', '-1', '1.5', 'ten', ''])('refuses limit=%s with 400', async (limit) => {
  const answer = await pageOf(driverId, `?limit=${limit}`);
  expectProblem(answer, 400);
  expect(answer.body.errors).toEqual([{ parameter: 'limit', detail: 'must be a whole number from 1 to 100' }]);
});
