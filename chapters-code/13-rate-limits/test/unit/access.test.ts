/**
 * Who may do what, decided by the functions from what the gateway established: the
 * authorizer's context (riders, staff) or the API key's id (partners). The routes run on
 * the in-memory store; the events are the samples in events/, as API Gateway sends them.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { handlerWith as createDriverWith } from '../../src/handlers/create-driver';
import { handlerWith as createRatingWith } from '../../src/handlers/create-rating';
import { handlerWith as getDriverWith } from '../../src/handlers/get-driver';
import { callerFrom } from '../../src/http/caller';
import { sampleEvent } from '../support/events';
import { InMemoryRatingsStore } from './in-memory-store';

let store: InMemoryRatingsStore;
beforeEach(async () => {
  store = new InMemoryRatingsStore();
  await store.putDriver({ driverId: 'd-1', name: 'Amara', city: 'Lisbon', createdAt: 't0', ratingCount: 0, ratingTotal: 0 });
});

const bodyOf = (response: { body: string }) => JSON.parse(response.body);
/** An event whose authorizer context is `context` (what API Gateway adds to every context: principalId, integrationLatency). */
const withContext = (event: APIGatewayProxyEvent, context: Record<string, unknown> | null): APIGatewayProxyEvent => ({
  ...event,
  requestContext: { ...event.requestContext, authorizer: context && { principalId: 'someone', integrationLatency: 120, ...context } },
});
const rider = { kind: 'rider', rider: 'rider-7', ride: 'ride-1', driver: 'd-1' };
const staff = { kind: 'staff', staff: 'staff-3', scope: 'drivers:write' };

// #region caller-from-tests
describe('callerFrom', () => {
  it('reads a rider, and staff with their scopes, from the authorizer context', () => {
    expect(callerFrom(sampleEvent('create-rating'))).toEqual({ kind: 'rider', rider: 'rider-7', ride: 'ride-1', driver: 'd-1' });
    expect(callerFrom(withContext(sampleEvent('create-driver'), { ...staff, scope: 'drivers:write reports:read' }))).toEqual({
      kind: 'staff',
      staff: 'staff-3',
      scopes: ['drivers:write', 'reports:read'],
    });
  });

  it("reads a partner from the API key's id on a partner route", () => {
    expect(callerFrom(sampleEvent('get-driver'))).toEqual({ kind: 'partner', apiKeyId: 'a1b2c3d4e5' });
  });

  it('never trusts what the request says of itself: headers and unverified claims count for nothing', () => {
    const event = sampleEvent('create-rating');
    const claimsOnly = withContext({ ...event, headers: { ...event.headers, 'x-caller': 'staff' } }, { claims: { sub: 'staff-3', scope: 'drivers:write' } });
    expect(callerFrom(claimsOnly)).toEqual({ kind: 'anonymous' });
  });

  it.each([
    ['no context', null],
    ['a rider without a ride', { kind: 'rider', rider: 'rider-7', driver: 'd-1' }],
    ['staff without a scope', { kind: 'staff', staff: 'staff-3' }],
    ['values that are not text', { kind: 'rider', rider: 7, ride: ['ride-1'], driver: 'd-1' }],
    ['an unknown kind', { kind: 'admin', staff: 'staff-3', scope: 'drivers:write' }],
  ])('is anonymous with %s', (_label, context) => {
    expect(callerFrom(withContext(sampleEvent('create-rating'), context))).toEqual({ kind: 'anonymous' });
  });
});
// #endregion caller-from-tests

// #region rating-403-tests
describe('POST /drivers/{driverId}/ratings decides who may rate', () => {
  const rate = (context: Record<string, unknown> | null, driverId = 'd-1', rideId = 'ride-1') => {
    const event = sampleEvent('create-rating', { pathParameters: { driverId }, body: JSON.stringify({ rideId, stars: 5 }) });
    return createRatingWith(store)(withContext(event, context));
  };

  it('lets the rider of the ride rate its driver', async () => {
    expect((await rate(rider)).statusCode).toBe(201);
  });

  it.each([
    ['a ride token for another ride', { ...rider, ride: 'ride-2' }, 'This ride token is for another ride.'],
    ['a ride token for a ride with another driver', { ...rider, driver: 'd-2' }, 'This ride token is for a ride with another driver.'],
    ['a staff token', staff, 'A ride is rated with the ride token of that ride.'],
    ['no caller at all', null, 'A ride is rated with the ride token of that ride.'],
  ])('answers 403 ride-not-covered to %s, and stores nothing', async (_label, context, detail) => {
    const addRating = jest.spyOn(store, 'addRating');
    const response = await rate(context);
    expect(response.statusCode).toBe(403);
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(bodyOf(response)).toMatchObject({ status: 403, title: 'Token does not cover this ride', detail });
    expect(bodyOf(response).type).toMatch(/\/ride-not-covered$/);
    expect(addRating).not.toHaveBeenCalled();
  });

  it("stops a stranger from using up someone else's ride id", async () => {
    const stranger = { ...rider, rider: 'rider-9', ride: 'ride-99' };
    expect((await rate(stranger, 'd-1', 'ride-1')).statusCode).toBe(403);
    // The ride is still free for its own rider.
    expect((await rate(rider, 'd-1', 'ride-1')).statusCode).toBe(201);
  });
});
// #endregion rating-403-tests

// #region driver-403-tests
describe('POST /drivers takes a staff token with the scope drivers:write', () => {
  const create = (context: Record<string, unknown> | null) => createDriverWith(store)(withContext(sampleEvent('create-driver'), context));

  it('creates the driver for staff with the scope', async () => {
    expect((await create(staff)).statusCode).toBe(201);
  });

  it.each([
    ['a ride token', rider],
    ['a staff token with other scopes', { ...staff, scope: 'reports:read' }],
    ['a staff token whose scope only starts the same way', { ...staff, scope: 'drivers:write-all' }],
    ['no caller at all', null],
  ])('answers 403 insufficient-scope to %s, naming the scope, before reading the body', async (_label, context) => {
    const putDriver = jest.spyOn(store, 'putDriver');
    const event = withContext({ ...sampleEvent('create-driver'), body: 'not even JSON' }, context);
    const response = await createDriverWith(store)(event);
    expect(response.statusCode).toBe(403);
    expect(response.headers?.['www-authenticate']).toBe('Bearer error="insufficient_scope", scope="drivers:write"');
    expect(bodyOf(response).type).toMatch(/\/insufficient-scope$/);
    expect(putDriver).not.toHaveBeenCalled();
  });
});
// #endregion driver-403-tests

describe('every answer carries the CORS headers for the web app', () => {
  it.each([
    ['a success', () => getDriverWith(store)(sampleEvent('get-driver'))],
    ['a problem', () => getDriverWith(store)(sampleEvent('get-driver', { pathParameters: { driverId: 'nobody' } }))],
    ['a refusal', () => createRatingWith(store)(withContext(sampleEvent('create-rating'), null))],
  ])('%s', async (_label, answer) => {
    expect((await answer()).headers).toMatchObject({
      'access-control-allow-origin': 'https://app.rate-the-ride.example',
      'access-control-expose-headers': 'Location, Retry-After, WWW-Authenticate',
    });
  });
});
