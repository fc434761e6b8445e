import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler as createDriver } from '../../src/handlers/create-driver';
import { handler as createRating } from '../../src/handlers/create-rating';
import { handler as getDriver } from '../../src/handlers/get-driver';
import { handler as listRatings } from '../../src/handlers/list-ratings';
import { handler as topDrivers } from '../../src/handlers/top-drivers';
import { signCursor } from '../../src/http/cursor';
import { apiEvent } from '../support/events';

const dynamo = mockClient(DynamoDBDocumentClient);
const amara = {
  pk: 'DRIVER#d-1', sk: 'PROFILE', driverId: 'd-1', name: 'Amara', city: 'Lisbon', createdAt: 't0', ratingCount: 2, ratingTotal: 9,
};
const headers = { 'content-type': 'application/json' };

beforeEach(() => {
  dynamo.reset();
  // Failures are logged on purpose; keep the test output readable.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

const bodyOf = (response: { body: string }) => JSON.parse(response.body);

describe('POST /drivers', () => {
  it('creates a driver with a fresh id and says where to find it', async () => {
    dynamo.on(PutCommand).resolves({});
    const response = await createDriver(apiEvent({ headers, body: '{"name":"Amara","city":"Lisbon"}' }));
    expect(response.statusCode).toBe(201);
    const body = bodyOf(response);
    expect(body).toMatchObject({ name: 'Amara', city: 'Lisbon', ratingCount: 0, averageRating: null });
    expect(response.headers?.location).toBe(`/drivers/${body.driverId}`);
  });

  it('answers 400 with field problems, and writes nothing', async () => {
    const response = await createDriver(apiEvent({ headers, body: '{"name":""}' }));
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(bodyOf(response).errors).toEqual([
      { pointer: '/name', detail: 'must be text of 1 to 100 characters' },
      { pointer: '/city', detail: 'is required' },
    ]);
    expect(dynamo.calls()).toHaveLength(0);
  });
});

describe('GET /drivers/{driverId}', () => {
  it('answers from the driver item alone', async () => {
    dynamo.on(GetCommand).resolves({ Item: amara });
    const response = await getDriver(apiEvent({ pathParameters: { driverId: 'd-1' } }));
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ driverId: 'd-1', name: 'Amara', city: 'Lisbon', ratingCount: 2, averageRating: 4.5 });
    expect(dynamo.calls()).toHaveLength(1);
  });

  it('answers 404 for an unknown driver', async () => {
    dynamo.on(GetCommand).resolves({});
    const response = await getDriver(apiEvent({ pathParameters: { driverId: 'nobody' } }));
    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)).toMatchObject({ title: 'Driver not found', detail: 'No driver with id "nobody".' });
  });

  it('answers 404 for a malformed id without asking DynamoDB', async () => {
    const response = await getDriver(apiEvent({ pathParameters: { driverId: 'x'.repeat(3000) } }));
    expect(response.statusCode).toBe(404);
    expect(dynamo.calls()).toHaveLength(0);
  });
});

describe('POST /drivers/{driverId}/ratings', () => {
  const body = JSON.stringify({ rideId: 'ride-1', stars: 5, comment: 'Great' });

  it('stores the rating with one transaction, with no read before it', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    dynamo.on(GetCommand).resolves({ Item: { ratingCount: 1, ratingTotal: 5 } });
    const response = await createRating(apiEvent({ pathParameters: { driverId: 'd-1' }, headers, body }));
    expect(response.statusCode).toBe(201);
    expect(bodyOf(response)).toMatchObject({ driverId: 'd-1', rideId: 'ride-1', stars: 5, comment: 'Great' });
    expect(dynamo.calls()[0]!.args[0]).toBeInstanceOf(TransactWriteCommand);
  });

  it.each([
    [['ConditionalCheckFailed', 'None', 'None'], 404, 'Driver not found'],
    [['None', 'ConditionalCheckFailed', 'None'], 409, 'Ride already rated'],
  ])('answers a transaction cancelled for %j with %i', async (codes, status, title) => {
    dynamo.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) }),
    );
    const response = await createRating(apiEvent({ pathParameters: { driverId: 'd-1' }, headers, body }));
    expect(response.statusCode).toBe(status);
    expect(bodyOf(response)).toMatchObject({ status, title });
  });
});

describe('GET /drivers/{driverId}/ratings', () => {
  const rating = (n: number) => ({ pk: 'DRIVER#d-1', sk: `RATING#t${n}#r${n}`, driverId: 'd-1', rideId: `r${n}`, stars: 3, createdAt: `t${n}` });

  it('lists a page of ratings, newest first, with a cursor to the next page', async () => {
    dynamo.on(GetCommand).resolves({ Item: amara });
    dynamo.on(QueryCommand).resolves({ Items: [rating(3), rating(2)] });
    const response = await listRatings(apiEvent({ pathParameters: { driverId: 'd-1' }, queryStringParameters: { limit: '1' } }));
    const body = bodyOf(response);
    expect(body.items).toEqual([{ driverId: 'd-1', rideId: 'r3', stars: 3, comment: null, createdAt: 't3' }]);
    expect(typeof body.nextCursor).toBe('string');
  });

  it('starts after the cursor it is given, and ends with a null cursor', async () => {
    dynamo.on(GetCommand).resolves({ Item: amara });
    dynamo.on(QueryCommand).resolves({ Items: [rating(1)] });
    const cursor = signCursor({ pk: 'DRIVER#d-1', sk: 'RATING#t2#r2' }, 'unit-test-cursor-secret');
    const response = await listRatings(apiEvent({ pathParameters: { driverId: 'd-1' }, queryStringParameters: { cursor } }));
    expect(bodyOf(response).nextCursor).toBeNull();
    expect(dynamo.commandCalls(QueryCommand)[0]!.args[0].input.ExclusiveStartKey).toEqual({ pk: 'DRIVER#d-1', sk: 'RATING#t2#r2' });
  });

  it.each([
    [{ limit: '0' }, 'invalid-parameter'],
    [{ limit: '101' }, 'invalid-parameter'],
    [{ limit: 'ten' }, 'invalid-parameter'],
    [{ cursor: 'forged' }, 'invalid-cursor'],
  ])('answers 400, without reading anything, to %j', async (query, slug) => {
    const response = await listRatings(apiEvent({ pathParameters: { driverId: 'd-1' }, queryStringParameters: query }));
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response).type).toMatch(new RegExp(`/${slug}$`));
    expect(dynamo.calls()).toHaveLength(0);
  });
});

describe('GET /cities/{city}/top-drivers', () => {
  it('lists the drivers the index gives, as summaries', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [{ driverId: 'd-1', name: 'Amara', city: 'Lisbon', ratingCount: 2, ratingTotal: 9 }] });
    const response = await topDrivers(apiEvent({ pathParameters: { city: 'Lisbon' }, queryStringParameters: { limit: '5' } }));
    expect(bodyOf(response)).toEqual({ items: [{ driverId: 'd-1', name: 'Amara', city: 'Lisbon', ratingCount: 2, averageRating: 4.5 }] });
  });

  it('answers 400 to a limit over 50', async () => {
    const response = await topDrivers(apiEvent({ pathParameters: { city: 'Lisbon' }, queryStringParameters: { limit: '51' } }));
    expect(bodyOf(response)).toMatchObject({ status: 400, errors: [{ parameter: 'limit', detail: 'must be a whole number from 1 to 50' }] });
  });
});

// #region failure-tests
describe('when DynamoDB fails', () => {
  const event = () => apiEvent({ pathParameters: { driverId: 'd-1' } });

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
