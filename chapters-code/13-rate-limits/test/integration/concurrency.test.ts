/**
 * Many riders at once. The transaction must keep the summary exact however many
 * ratings race for the same driver, and let exactly one rating of a ride through.
 * (DynamoDB Local runs transactions one at a time, so it never cancels one with
 * TransactionConflict as DynamoDB does under contention; the store's unit tests
 * cover that retry.)
 */
import { call, eventually, expectStackAnswers } from '../support/api';

beforeAll(() => expectStackAnswers());

const newDriver = async (name: string, city = 'Braga') =>
  (await call('POST', '/drivers', { body: { name, city } })).body.driverId as string;

// #region concurrent-ratings
it('counts 200 concurrent ratings of one driver exactly', async () => {
  const city = `Busytown ${Date.now()}`;
  const driverId = await newDriver('Busy', city);
  const stars = Array.from({ length: 200 }, (_, n) => 1 + ((n * 7) % 5));
  const answers = await Promise.all(
    stars.map((star, n) => call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: `busy-${Date.now()}-${n}`, stars: star } })),
  );
  expect(answers.filter((answer) => answer.status !== 201).map((answer) => `${answer.status} ${answer.text}`)).toEqual([]);

  const total = stars.reduce((sum, star) => sum + star, 0);
  const summary = (await call('GET', `/drivers/${driverId}`)).body;
  expect(summary).toMatchObject({ ratingCount: 200, averageRating: Math.round((total / 200) * 100) / 100 });
  expect((await call('GET', `/drivers/${driverId}/ratings?limit=100`)).body.nextCursor).not.toBeNull();
  // The leaderboard's key is refreshed after each transaction; the last refresh must win.
  await eventually(async () => {
    const [entry] = (await call('GET', `/cities/${encodeURIComponent(city)}/top-drivers`)).body.items;
    expect(entry).toEqual(summary);
  });
}, 180_000);
// #endregion concurrent-ratings

it('accepts exactly one of 20 concurrent ratings of the same ride', async () => {
  const driverId = await newDriver('Race');
  const rideId = `race-${Date.now()}`;
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, n) => call('POST', `/drivers/${driverId}/ratings`, { body: { rideId, stars: 1 + (n % 5) } })),
  );
  expect(answers.map((answer) => answer.status).sort()).toEqual([201, ...Array(19).fill(409)]);
  expect((await call('GET', `/drivers/${driverId}`)).body.ratingCount).toBe(1);
  expect((await call('GET', `/drivers/${driverId}/ratings`)).body.items).toHaveLength(1);
}, 60_000);
