import { handlerWith as createDriverWith } from '../../src/handlers/create-driver';
import { handlerWith as createRatingWith } from '../../src/handlers/create-rating';
import { handlerWith as getDriverWith } from '../../src/handlers/get-driver';
import { handlerWith as listRatingsWith } from '../../src/handlers/list-ratings';
import { sampleEvent } from '../support/events';
import { InMemoryRatingsStore } from './in-memory-store';

// The handlers run against an in-memory store: these tests are about HTTP in and out.
// How the DynamoDB store talks to DynamoDB is test/unit/dynamodb-store.test.ts's job.
let store: InMemoryRatingsStore;
beforeEach(() => {
  store = new InMemoryRatingsStore();
});

const amara = { driverId: 'd-1', name: 'Amara', city: 'Lisbon', createdAt: 't0' };
const rate = (driverId: string, body: string) =>
  createRatingWith(store)(sampleEvent('create-rating', { pathParameters: { driverId }, body }));

// #region location-tests
describe('POST /drivers', () => {
  it('creates a driver with a fresh id, readable where Location points', async () => {
    const response = await createDriverWith(store)(sampleEvent('create-driver'));
    expect(response.statusCode).toBe(201);
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({ name: 'Amara Okafor', city: 'Lisbon', ratingCount: 0, averageRating: null });
    expect(body.driverId).toMatch(/^[0-9a-f-]{36}$/);
    // The sample event came in on the stage's own URL, .../dev/drivers.
    expect(response.headers?.location).toBe(`/dev/drivers/${body.driverId}`);
    const read = await getDriverWith(store)(sampleEvent('get-driver', { pathParameters: { driverId: body.driverId } }));
    expect(JSON.parse(read.body)).toEqual(body);
  });

  it.each([
    ['npm run dev', '/drivers', '/drivers', ''],
    ["the stage's own URL", '/drivers', '/dev/drivers', '/dev'],
    ['a custom domain with the base path v1', '/v1/drivers', '/v1/drivers', '/v1'],
  ])('points Location under the path the request came in on: %s', async (_label, path, sentPath, prefix) => {
    const event = sampleEvent('create-driver');
    const response = await createDriverWith(store)({ ...event, path, requestContext: { ...event.requestContext, path: sentPath } });
    expect(response.headers?.location).toBe(`${prefix}/drivers/${JSON.parse(response.body).driverId}`);
  });
  // #endregion location-tests

  it.each([
    [null, 'The request needs a JSON body.'],
    ['{"name":', 'The body is not valid JSON.'],
  ])('answers 400 for body %j, and stores nothing', async (body, detail) => {
    const putDriver = jest.spyOn(store, 'putDriver');
    const response = await createDriverWith(store)(sampleEvent('create-driver', { body }));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ status: 400, detail });
    expect(putDriver).not.toHaveBeenCalled();
  });

  it('reads base64-encoded bodies', async () => {
    const body = Buffer.from('{"name":"Amara","city":"Lisbon"}').toString('base64');
    const response = await createDriverWith(store)(sampleEvent('create-driver', { body, isBase64Encoded: true }));
    expect(response.statusCode).toBe(201);
  });
});

describe('GET /drivers/{driverId}', () => {
  it('sums up the ratings', async () => {
    await store.putDriver(amara);
    await rate('d-1', '{"rideId":"r1","stars":5}');
    await rate('d-1', '{"rideId":"r2","stars":4}');
    const response = await getDriverWith(store)(sampleEvent('get-driver'));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      driverId: 'd-1', name: 'Amara', city: 'Lisbon', ratingCount: 2, averageRating: 4.5,
    });
  });

  it('answers 404 for an unknown driver', async () => {
    const response = await getDriverWith(store)(sampleEvent('get-driver', { pathParameters: { driverId: 'nobody' } }));
    expect(response.statusCode).toBe(404);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });
});

describe('POST /drivers/{driverId}/ratings', () => {
  it('stores the rating of a known driver', async () => {
    await store.putDriver(amara);
    const response = await createRatingWith(store)(sampleEvent('create-rating'));
    expect(response.statusCode).toBe(201);
    expect(JSON.parse(response.body)).toMatchObject({ driverId: 'd-1', rideId: 'ride-1', stars: 5, comment: 'Smooth and on time' });
    expect(await store.listRatings('d-1')).toHaveLength(1);
  });

  it('answers 404, and stores nothing, for an unknown driver', async () => {
    const putRating = jest.spyOn(store, 'putRating');
    const response = await rate('nobody', '{"rideId":"r1","stars":5}');
    expect(response.statusCode).toBe(404);
    expect(putRating).not.toHaveBeenCalled();
  });

  it('answers 400 for stars out of range', async () => {
    await store.putDriver(amara);
    const response = await rate('d-1', '{"rideId":"r","stars":6}');
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).detail).toBe('stars must be a whole number from 1 to 5');
  });
});

describe('GET /drivers/{driverId}/ratings', () => {
  it('lists ratings newest first', async () => {
    await store.putDriver(amara);
    await rate('d-1', '{"rideId":"r1","stars":5}');
    await rate('d-1', '{"rideId":"r2","stars":3}');
    const response = await listRatingsWith(store)(sampleEvent('list-ratings'));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).items.map((rating: { rideId: string }) => rating.rideId)).toEqual(['r2', 'r1']);
  });

  it('answers 404 for an unknown driver', async () => {
    const response = await listRatingsWith(store)(sampleEvent('list-ratings', { pathParameters: { driverId: 'nobody' } }));
    expect(response.statusCode).toBe(404);
  });
});
