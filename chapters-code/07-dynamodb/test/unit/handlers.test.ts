import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { handler as createDriver } from '../../src/handlers/create-driver';
import { handler as createRating } from '../../src/handlers/create-rating';
import { handler as getDriver } from '../../src/handlers/get-driver';
import { handler as listRatings } from '../../src/handlers/list-ratings';
import { apiEvent } from '../support/events';

const dynamo = mockClient(DynamoDBDocumentClient);
const amara = { pk: 'DRIVER#d-1', sk: 'PROFILE', driverId: 'd-1', name: 'Amara', city: 'Lisbon', createdAt: 't0' };

beforeEach(() => dynamo.reset());

describe('POST /drivers', () => {
  it('creates a driver with a fresh id and says where to find it', async () => {
    dynamo.on(PutCommand).resolves({});
    const response = await createDriver(apiEvent({ body: '{"name":"Amara","city":"Lisbon"}' }));
    expect(response.statusCode).toBe(201);
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({ name: 'Amara', city: 'Lisbon', ratingCount: 0, averageRating: null });
    expect(body.driverId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers?.location).toBe(`/drivers/${body.driverId}`);
  });

  it.each([
    [null, 'The request needs a JSON body.'],
    ['{"name":', 'The body is not valid JSON.'],
  ])('answers 400 for body %j', async (body, detail) => {
    const response = await createDriver(apiEvent({ body }));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ status: 400, detail });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('reads base64-encoded bodies', async () => {
    dynamo.on(PutCommand).resolves({});
    const body = Buffer.from('{"name":"Amara","city":"Lisbon"}').toString('base64');
    const response = await createDriver(apiEvent({ body, isBase64Encoded: true }));
    expect(response.statusCode).toBe(201);
  });
});

describe('GET /drivers/{driverId}', () => {
  it('sums up the ratings', async () => {
    dynamo.on(GetCommand).resolves({ Item: amara });
    dynamo.on(QueryCommand).resolves({ Items: [{ stars: 5 }, { stars: 4 }] });
    const response = await getDriver(apiEvent({ pathParameters: { driverId: 'd-1' } }));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      driverId: 'd-1', name: 'Amara', city: 'Lisbon', ratingCount: 2, averageRating: 4.5,
    });
  });

  it('answers 404 for an unknown driver', async () => {
    dynamo.on(GetCommand).resolves({});
    const response = await getDriver(apiEvent({ pathParameters: { driverId: 'nobody' } }));
    expect(response.statusCode).toBe(404);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
  });
});

describe('POST /drivers/{driverId}/ratings', () => {
  const body = JSON.stringify({ rideId: 'ride-1', stars: 5, comment: 'Great' });

  it('stores the rating of a known driver', async () => {
    dynamo.on(GetCommand).resolves({ Item: amara });
    dynamo.on(PutCommand).resolves({});
    const response = await createRating(apiEvent({ pathParameters: { driverId: 'd-1' }, body }));
    expect(response.statusCode).toBe(201);
    expect(JSON.parse(response.body)).toMatchObject({ driverId: 'd-1', rideId: 'ride-1', stars: 5, comment: 'Great' });
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(1);
  });

  it('answers 404, and writes nothing, for an unknown driver', async () => {
    dynamo.on(GetCommand).resolves({});
    const response = await createRating(apiEvent({ pathParameters: { driverId: 'nobody' }, body }));
    expect(response.statusCode).toBe(404);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('answers 400 for stars out of range', async () => {
    const response = await createRating(
      apiEvent({ pathParameters: { driverId: 'd-1' }, body: '{"rideId":"r","stars":6}' }),
    );
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).detail).toBe('stars must be a whole number from 1 to 5');
  });
});

describe('GET /drivers/{driverId}/ratings', () => {
  it('lists ratings newest first', async () => {
    dynamo.on(GetCommand).resolves({ Item: amara });
    dynamo.on(QueryCommand).resolves({ Items: [{ driverId: 'd-1', rideId: 'r2', stars: 3, createdAt: 't2' }] });
    const response = await listRatings(apiEvent({ pathParameters: { driverId: 'd-1' } }));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body).items).toEqual([
      { driverId: 'd-1', rideId: 'r2', stars: 3, comment: null, createdAt: 't2' },
    ]);
  });

  it('answers 404 for an unknown driver', async () => {
    dynamo.on(GetCommand).resolves({});
    const response = await listRatings(apiEvent({ pathParameters: { driverId: 'nobody' } }));
    expect(response.statusCode).toBe(404);
  });
});
