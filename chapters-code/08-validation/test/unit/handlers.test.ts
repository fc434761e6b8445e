import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler as createDriver } from '../../src/handlers/create-driver';
import { handler as createRating } from '../../src/handlers/create-rating';
import { handler as getDriver } from '../../src/handlers/get-driver';
import { handler as listRatings } from '../../src/handlers/list-ratings';
import { apiEvent } from '../support/events';

const dynamo = mockClient(DynamoDBDocumentClient);
const amara = { pk: 'DRIVER#d-1', sk: 'PROFILE', driverId: 'd-1', name: 'Amara', city: 'Lisbon', createdAt: 't0' };
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
  it('sums up the ratings', async () => {
    dynamo.on(GetCommand).resolves({ Item: amara });
    dynamo.on(QueryCommand).resolves({ Items: [{ stars: 5 }, { stars: 4 }] });
    const response = await getDriver(apiEvent({ pathParameters: { driverId: 'd-1' } }));
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ driverId: 'd-1', name: 'Amara', city: 'Lisbon', ratingCount: 2, averageRating: 4.5 });
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

  it('stores the rating of a known driver', async () => {
    dynamo.on(GetCommand).resolves({ Item: amara });
    dynamo.on(PutCommand).resolves({});
    const response = await createRating(apiEvent({ pathParameters: { driverId: 'd-1' }, headers, body }));
    expect(response.statusCode).toBe(201);
    expect(bodyOf(response)).toMatchObject({ driverId: 'd-1', rideId: 'ride-1', stars: 5, comment: 'Great' });
  });

  it('answers 404, and writes nothing, for an unknown driver', async () => {
    dynamo.on(GetCommand).resolves({});
    const response = await createRating(apiEvent({ pathParameters: { driverId: 'nobody' }, headers, body }));
    expect(response.statusCode).toBe(404);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
  });
});

describe('GET /drivers/{driverId}/ratings', () => {
  it('lists ratings newest first', async () => {
    dynamo.on(GetCommand).resolves({ Item: amara });
    dynamo.on(QueryCommand).resolves({ Items: [{ driverId: 'd-1', rideId: 'r2', stars: 3, createdAt: 't2' }] });
    const response = await listRatings(apiEvent({ pathParameters: { driverId: 'd-1' } }));
    expect(bodyOf(response).items).toEqual([{ driverId: 'd-1', rideId: 'r2', stars: 3, comment: null, createdAt: 't2' }]);
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
