import type { APIGatewayProxyEvent } from 'aws-lambda';
import { handler } from '../../src/handlers/list-ratings';
import sampleEvent from '../../events/get-ratings.json';

const eventFor = (driverId: string): APIGatewayProxyEvent => ({
  ...(sampleEvent as unknown as APIGatewayProxyEvent),
  pathParameters: { driverId },
});

describe('list-ratings handler', () => {
  it('lists the sample driver ratings, newest first', async () => {
    const response = await handler(eventFor('amara'));
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({ 'content-type': 'application/json' });
    const { items } = JSON.parse(response.body);
    expect(items.map((rating: { rideId: string }) => rating.rideId)).toEqual(['ride-1007', 'ride-1001']);
  });

  it('answers 404 with a problem document for an unknown driver', async () => {
    const response = await handler(eventFor('nobody'));
    expect(response.statusCode).toBe(404);
    expect(response.headers).toEqual({ 'content-type': 'application/problem+json' });
    expect(JSON.parse(response.body)).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No driver with id "nobody".',
    });
  });
});
