/**
 * The city leaderboard on the running stack. It reads a global secondary index,
 * which DynamoDB updates a moment after each write, so the tests poll until what
 * they wrote is visible (see `eventually`), as a client of the real API would.
 */
import { call, eventually, expectProblem, expectStackAnswers } from '../support/api';

// A city of its own, so other tests' drivers never show up here.
const city = `Testville ${Date.now()}`;
const path = (limit?: number) => `/cities/${encodeURIComponent(city)}/top-drivers${limit ? `?limit=${limit}` : ''}`;

async function driverRated(name: string, stars: number[]): Promise<string> {
  const driverId = (await call('POST', '/drivers', { body: { name, city } })).body.driverId;
  for (const [n, star] of stars.entries()) {
    await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: `lb-${driverId}-${n}`, stars: star } });
  }
  return driverId;
}

beforeAll(async () => {
  await expectStackAnswers();
  // Averages 4.5 (2 ratings), 4.5 (4 ratings), 5 (1 rating), 3 (1 rating); one driver unrated.
  await driverRated('Fewer', [5, 4]);
  await driverRated('More', [5, 4, 5, 4]);
  await driverRated('Best', [5]);
  await driverRated('Third', [3]);
  await driverRated('Unrated', []);
});

// #region leaderboard-order
it('ranks by average, then by number of ratings, and leaves out the unrated', async () => {
  const names = await eventually(async () => {
    const answer = await call('GET', path());
    expect(answer.status).toBe(200);
    const listed = answer.body.items.map((driver: { name: string }) => driver.name);
    expect(listed).toHaveLength(4);
    return listed;
  });
  expect(names).toEqual(['Best', 'More', 'Fewer', 'Third']);
});
// #endregion leaderboard-order

it('shows each driver as GET /drivers/{id} does', async () => {
  const [best] = (await eventually(async () => {
    const answer = await call('GET', path(1));
    expect(answer.body.items).toHaveLength(1);
    return answer.body.items;
  })) as Array<{ driverId: string }>;
  expect(best).toEqual((await call('GET', `/drivers/${best!.driverId}`)).body);
});

it('finds a city however its name is written', async () => {
  const upper = await eventually(async () => {
    const answer = await call('GET', `/cities/${encodeURIComponent(city.toUpperCase())}/top-drivers`);
    expect(answer.body.items).toHaveLength(4);
    return answer;
  });
  expect(upper.status).toBe(200);
});

it('answers an empty leaderboard for a city with no drivers', async () => {
  expect(await call('GET', `/cities/Nowhere-${Date.now()}/top-drivers`)).toMatchObject({ status: 200, body: { items: [] } });
});

it.each(['0', '51', 'x'])('refuses limit=%s with 400', async (limit) => {
  expectProblem(await call('GET', `${path()}?limit=${limit}`), 400);
});

it('refuses a city name over 60 characters with 400', async () => {
  expectProblem(await call('GET', `/cities/${'x'.repeat(61)}/top-drivers`), 400);
});
