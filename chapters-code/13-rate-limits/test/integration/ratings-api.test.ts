// Drives the running local stack over HTTP: serverless-offline in front, DynamoDB Local behind.
import { call, expectProblem, expectStackAnswers } from '../support/api';

// Unique per run, so tests never depend on data left by another run.
const rideId = (n: number) => `it-${Date.now()}-${n}`;

beforeAll(() => expectStackAnswers());

describe('the ratings API on DynamoDB Local', () => {
  it('creates a driver, rates them and sums the ratings up', async () => {
    const created = await call('POST', '/drivers', { body: { name: 'Amara Okafor', city: 'Lisbon' } });
    expect(created.status).toBe(201);
    const { driverId } = created.body;

    expect((await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: rideId(1), stars: 5 } })).status).toBe(201);
    const second = await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: rideId(2), stars: 4, comment: 'Fine' } });
    expect(second.body).toMatchObject({ driverId, stars: 4, comment: 'Fine' });

    const summary = await call('GET', `/drivers/${driverId}`);
    expect(summary).toMatchObject({ status: 200, body: { driverId, ratingCount: 2, averageRating: 4.5 } });

    const list = await call('GET', `/drivers/${driverId}/ratings`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { stars: number }) => item.stars)).toEqual([4, 5]);
  });

  it('accepts a JSON content type with charset=utf-8', async () => {
    const created = await call('POST', '/drivers', {
      body: { name: 'Ana Silva', city: 'Lisbon' },
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(created.status).toBe(201);
  });

  it('answers 409 to a second rating of the same ride, and keeps the first', async () => {
    const driverId = (await call('POST', '/drivers', { body: { name: 'Bo', city: 'Porto' } })).body.driverId;
    const ride = rideId(3);
    expect((await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: ride, stars: 5 } })).status).toBe(201);
    expectProblem(await call('POST', `/drivers/${driverId}/ratings`, { body: { rideId: ride, stars: 1 } }), 409);
    expect((await call('GET', `/drivers/${driverId}`)).body).toMatchObject({ ratingCount: 1, averageRating: 5 });
  });
});
