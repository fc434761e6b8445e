import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handlerWith as createDriverWith } from '../../src/handlers/create-driver';
import { handlerWith as createRatingWith } from '../../src/handlers/create-rating';
import { handler as getDriver, handlerWith as getDriverWith } from '../../src/handlers/get-driver';
import { handlerWith as listRatingsWith } from '../../src/handlers/list-ratings';
import { handlerWith as topDriversWith } from '../../src/handlers/top-drivers';
import { signCursor } from '../../src/http/cursor';
import { sampleEvent } from '../support/events';
import { InMemoryRatingsStore } from './in-memory-store';

// The routes run against an in-memory store: these tests are about HTTP in and out.
// How the DynamoDB store talks to DynamoDB is test/unit/dynamodb-store.test.ts's job.
let store: InMemoryRatingsStore;
const secret = 'unit-test-cursor-secret';
const routes = () => ({
  createDriver: createDriverWith(store),
  getDriver: getDriverWith(store),
  createRating: createRatingWith(store),
  listRatings: listRatingsWith(store, async () => secret),
  topDrivers: topDriversWith(store),
});
const amara = { driverId: 'd-1', name: 'Amara', city: 'Lisbon', createdAt: 't0', ratingCount: 2, ratingTotal: 9 };

beforeEach(() => {
  store = new InMemoryRatingsStore();
  // Failures are logged on purpose; keep the test output readable.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

const bodyOf = (response: { body: string }) => JSON.parse(response.body);

/** The create-rating sample event, as API Gateway sends it once the authorizer let `caller` through. */
function ratingEvent(driverId: string, body: object, caller: Record<string, string> = { kind: 'rider', rider: 'rider-7', ride: String((body as { rideId?: string }).rideId), driver: driverId }) {
  const event = sampleEvent('create-rating', { pathParameters: { driverId }, body: JSON.stringify(body) });
  return { ...event, requestContext: { ...event.requestContext, authorizer: { principalId: 'someone', integrationLatency: 100, ...caller } } };
}
const rate = (driverId: string, rideId: string, stars: number) => routes().createRating(ratingEvent(driverId, { rideId, stars }));

describe('POST /drivers', () => {
  // #region location-tests
  it('creates a driver with a fresh id, readable where Location points', async () => {
    const response = await routes().createDriver(sampleEvent('create-driver'));
    expect(response.statusCode).toBe(201);
    const body = bodyOf(response);
    expect(body).toMatchObject({ name: 'Amara Okafor', city: 'Lisbon', ratingCount: 0, averageRating: null });
    // The sample event came in on the stage's own URL, .../dev/drivers.
    expect(response.headers?.location).toBe(`/dev/drivers/${body.driverId}`);
    const read = await routes().getDriver(sampleEvent('get-driver', { pathParameters: { driverId: body.driverId } }));
    expect(bodyOf(read)).toEqual(body);
  });

  it.each([
    ['npm run dev', '/drivers', '/drivers', ''],
    ["the stage's own URL", '/drivers', '/dev/drivers', '/dev'],
    ['a custom domain with the base path v1', '/v1/drivers', '/v1/drivers', '/v1'],
    ['a custom domain, with a trailing slash', '/v1/drivers/', '/v1/drivers/', '/v1'],
  ])('points Location under the path the request came in on: %s', async (_label, path, sentPath, prefix) => {
    const event = sampleEvent('create-driver');
    const response = await routes().createDriver({ ...event, path, requestContext: { ...event.requestContext, path: sentPath } });
    expect(response.headers?.location).toBe(`${prefix}/drivers/${bodyOf(response).driverId}`);
  });
  // #endregion location-tests

  it('answers 400 with field problems, and stores nothing', async () => {
    const putDriver = jest.spyOn(store, 'putDriver');
    const response = await routes().createDriver(sampleEvent('create-driver', { body: '{"name":""}' }));
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(bodyOf(response).errors).toEqual([
      { pointer: '/name', detail: 'must be text of 1 to 100 characters' },
      { pointer: '/city', detail: 'is required' },
    ]);
    expect(putDriver).not.toHaveBeenCalled();
  });
});

describe('GET /drivers/{driverId}', () => {
  it("answers with the driver's summary", async () => {
    await store.putDriver(amara);
    const response = await routes().getDriver(sampleEvent('get-driver'));
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ driverId: 'd-1', name: 'Amara', city: 'Lisbon', ratingCount: 2, averageRating: 4.5 });
  });

  it('answers 404 for an unknown driver', async () => {
    const response = await routes().getDriver(sampleEvent('get-driver', { pathParameters: { driverId: 'nobody' } }));
    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)).toMatchObject({ title: 'Driver not found', detail: 'No driver with id "nobody".' });
  });

  it('answers 404 for a malformed id without asking the store', async () => {
    const getDriverCall = jest.spyOn(store, 'getDriver');
    const response = await routes().getDriver(sampleEvent('get-driver', { pathParameters: { driverId: 'x'.repeat(3000) } }));
    expect(response.statusCode).toBe(404);
    expect(getDriverCall).not.toHaveBeenCalled();
  });
});

describe('POST /drivers/{driverId}/ratings', () => {
  it('stores the rating and counts it in the summary', async () => {
    await store.putDriver({ ...amara, ratingCount: 0, ratingTotal: 0 });
    const response = await routes().createRating(sampleEvent('create-rating'));
    expect(response.statusCode).toBe(201);
    expect(bodyOf(response)).toMatchObject({ driverId: 'd-1', rideId: 'ride-1', stars: 5, comment: 'Smooth and on time' });
    expect(await store.getDriver('d-1')).toMatchObject({ ratingCount: 1, ratingTotal: 5 });
  });

  it('answers 404 for an unknown driver and 409 for a ride rated before', async () => {
    expect((await rate('nobody', 'ride-1', 5)).statusCode).toBe(404);
    await store.putDriver(amara);
    expect((await rate('d-1', 'ride-1', 5)).statusCode).toBe(201);
    const again = await rate('d-1', 'ride-1', 1);
    expect(again.statusCode).toBe(409);
    expect(bodyOf(again)).toMatchObject({ status: 409, title: 'Ride already rated' });
  });
});

describe('GET /drivers/{driverId}/ratings', () => {
  const page = (driverId: string, query: Record<string, string>) =>
    routes().listRatings(sampleEvent('list-ratings', { pathParameters: { driverId }, queryStringParameters: query }));

  beforeEach(async () => {
    await store.putDriver(amara);
    await store.putDriver({ ...amara, driverId: 'd-2' });
    for (const n of [1, 2, 3]) await rate('d-1', `r${n}`, n);
  });

  it('pages through the ratings, newest first, until the cursor is null', async () => {
    const first = bodyOf(await page('d-1', { limit: '2' }));
    expect(first.items.map((item: { rideId: string }) => item.rideId)).toEqual(['r3', 'r2']);
    expect(typeof first.nextCursor).toBe('string');
    const second = bodyOf(await page('d-1', { limit: '2', cursor: first.nextCursor }));
    expect(second).toEqual({ items: [expect.objectContaining({ rideId: 'r1', stars: 1 })], nextCursor: null });
  });

  it("refuses a cursor from another driver's list, and a signed one the store never gave", async () => {
    const { nextCursor } = bodyOf(await page('d-1', { limit: '1' }));
    const made = signCursor('not a position', { list: '/drivers/d-1/ratings', secret });
    for (const [driverId, cursor] of [['d-2', nextCursor], ['d-1', made]]) {
      const response = await page(driverId, { cursor });
      expect(response.statusCode).toBe(400);
      expect(bodyOf(response).type).toMatch(/\/invalid-cursor$/);
    }
  });

  it.each([
    [{ limit: '0' }, 'invalid-parameter'],
    [{ limit: '101' }, 'invalid-parameter'],
    [{ limit: 'ten' }, 'invalid-parameter'],
    [{ cursor: 'forged' }, 'invalid-cursor'],
  ])('answers 400, without reading anything, to %j', async (query, slug) => {
    const reads = [jest.spyOn(store, 'getDriver'), jest.spyOn(store, 'listRatings')];
    const response = await page('d-1', query);
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).type).toMatch(new RegExp(`/${slug}$`));
    for (const read of reads) expect(read).not.toHaveBeenCalled();
  });
});

describe('GET /cities/{city}/top-drivers', () => {
  it("lists the city's rated drivers as summaries, best first", async () => {
    await store.putDriver(amara);
    await store.putDriver({ ...amara, driverId: 'd-2', name: 'Bruno', ratingCount: 1, ratingTotal: 5 });
    await store.putDriver({ ...amara, driverId: 'd-3', name: 'Eva', ratingCount: 0, ratingTotal: 0 });
    const response = await routes().topDrivers(sampleEvent('top-drivers', { queryStringParameters: { limit: '5' } }));
    expect(bodyOf(response)).toEqual({
      items: [
        { driverId: 'd-2', name: 'Bruno', city: 'Lisbon', ratingCount: 1, averageRating: 5 },
        { driverId: 'd-1', name: 'Amara', city: 'Lisbon', ratingCount: 2, averageRating: 4.5 },
      ],
    });
  });

  it('answers 400 to a limit over 50', async () => {
    const response = await routes().topDrivers(sampleEvent('top-drivers', { queryStringParameters: { limit: '51' } }));
    expect(bodyOf(response)).toMatchObject({ status: 400, errors: [{ parameter: 'limit', detail: 'must be a whole number from 1 to 50' }] });
  });
});

// The one place these tests use the real DynamoDB store, its SDK client mocked: what
// the API answers when DynamoDB itself fails.
const dynamo = mockClient(DynamoDBDocumentClient);
beforeEach(() => dynamo.reset());

// #region failure-tests
describe('when DynamoDB fails', () => {
  const event = () => sampleEvent('get-driver');

  it('answers 503 with Retry-After when DynamoDB throttles', async () => {
    dynamo.on(GetCommand).rejects(
      new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: {} }),
    );
    const response = await getDriver(event());
    expect(response.statusCode).toBe(503);
    expect(response.headers).toMatchObject({ 'content-type': 'application/problem+json', 'retry-after': '1' });
    expect(response.body).not.toMatch(/Throughput|Exception|DynamoDB/);
  });

  it('answers 503 when DynamoDB cannot be reached', async () => {
    dynamo.on(GetCommand).rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' }));
    expect((await getDriver(event())).statusCode).toBe(503);
  });

  it('answers 500, saying nothing of the cause, to anything unexpected', async () => {
    dynamo.on(GetCommand).rejects(new TypeError("Cannot read properties of undefined (reading 'pk')"));
    const response = await getDriver(event());
    expect(response.statusCode).toBe(500);
    expect(bodyOf(response)).toMatchObject({ status: 500, title: 'Internal error' });
    expect(response.body).not.toMatch(/TypeError|pk|\bat\b/);
    expect(console.error).toHaveBeenCalledTimes(1);
  });
});
// #endregion failure-tests
