import type { APIGatewayProxyEvent } from 'aws-lambda';
import { handler, parseLimit } from '../../../exercises/list-ratings-with-limit';
import sampleEvent from '../../../events/get-ratings.json';

const request = (driverId: string, limit?: string): APIGatewayProxyEvent => ({
  ...(sampleEvent as unknown as APIGatewayProxyEvent),
  pathParameters: { driverId },
  queryStringParameters: limit === undefined ? null : { limit },
});

const rideIds = (body: string) => JSON.parse(body).items.map((rating: { rideId: string }) => rating.rideId);

describe('exercise: ?limit= on the ratings list', () => {
  it('accepts whole numbers from 1 to 100 and nothing else', () => {
    expect(parseLimit(undefined)).toBeUndefined();
    expect([parseLimit('1'), parseLimit('100')]).toEqual([1, 100]);
    for (const bad of ['abc', '0', '101', '-1', '2.5', '1e2', ' 1', '']) expect(parseLimit(bad)).toBeNull();
  });

  it('returns at most limit ratings, newest first', async () => {
    const response = await handler(request('amara', '1'));
    expect(response.statusCode).toBe(200);
    expect(rideIds(response.body)).toEqual(['ride-1007']);
  });

  it('returns them all without a limit', async () => {
    expect(rideIds((await handler(request('amara'))).body)).toEqual(['ride-1007', 'ride-1001']);
  });

  it('answers 400 for limit=abc and limit=0, before looking up the driver', async () => {
    for (const bad of ['abc', '0']) {
      const response = await handler(request('nobody', bad));
      expect(response.statusCode).toBe(400);
      expect(response.headers).toEqual({ 'content-type': 'application/problem+json' });
    }
  });
});
