// Talks HTTP to the running local stack (see test/support/local-stack.ts).
const apiUrl = (): string => {
  const url = process.env.API_URL;
  if (!url) throw new Error('API_URL is not set: the local stack did not start');
  return url;
};

describe('GET /drivers/{driverId}/ratings', () => {
  it('returns a known driver ratings as JSON', async () => {
    const response = await fetch(`${apiUrl()}/drivers/amara/ratings`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { items: Array<Record<string, unknown>> };
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).toMatchObject({ driverId: 'amara', rideId: 'ride-1007', stars: 4 });
  });

  it('returns a 404 problem document for an unknown driver', async () => {
    const response = await fetch(`${apiUrl()}/drivers/nobody/ratings`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('does not route other methods to the function', async () => {
    const response = await fetch(`${apiUrl()}/drivers/amara/ratings`, { method: 'DELETE' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
