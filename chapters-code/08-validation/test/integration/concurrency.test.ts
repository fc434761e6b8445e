// Many riders at once: the per-ride guard must let exactly one rating of a ride through.
import { call, expectStackAnswers } from '../support/api';

beforeAll(() => expectStackAnswers());

it('accepts exactly one of 20 concurrent ratings of the same ride', async () => {
  const driverId = (await call('POST', '/drivers', { body: { name: 'Race', city: 'Braga' } })).body.driverId;
  const rideId = `race-${Date.now()}`;
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, n) => call('POST', `/drivers/${driverId}/ratings`, { body: { rideId, stars: 1 + (n % 5) } })),
  );
  const statuses = answers.map((answer) => answer.status).sort();
  expect(statuses).toEqual([201, ...Array(19).fill(409)]);
  expect((await call('GET', `/drivers/${driverId}/ratings`)).body.items).toHaveLength(1);
});
