// Drives the running local stack over HTTP: serverless-offline in front, DynamoDB Local behind.
const apiUrl = (): string => {
  const url = process.env.API_URL;
  if (!url) throw new Error('API_URL is not set: the local stack did not start');
  return url;
};

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${apiUrl()}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), body: text ? JSON.parse(text) : null };
}

// Unique per run, so tests never depend on data left by another run.
const rideId = (n: number) => `it-${Date.now()}-${n}`;

describe('the ratings API on DynamoDB Local', () => {
  it('creates a driver, rates them and sums the ratings up', async () => {
    const created = await call('POST', '/drivers', { name: 'Amara Okafor', city: 'Lisbon' });
    expect(created.status).toBe(201);
    const { driverId } = created.body;

    expect((await call('POST', `/drivers/${driverId}/ratings`, { rideId: rideId(1), stars: 5 })).status).toBe(201);
    expect((await call('POST', `/drivers/${driverId}/ratings`, { rideId: rideId(2), stars: 4, comment: 'Fine' })).status).toBe(201);

    const summary = await call('GET', `/drivers/${driverId}`);
    expect(summary).toMatchObject({ status: 200, body: { driverId, ratingCount: 2, averageRating: 4.5 } });

    const list = await call('GET', `/drivers/${driverId}/ratings`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { stars: number }) => item.stars)).toEqual([4, 5]);
  });

  it('keeps drivers apart', async () => {
    const first = (await call('POST', '/drivers', { name: 'One', city: 'Porto' })).body.driverId;
    const second = (await call('POST', '/drivers', { name: 'Two', city: 'Porto' })).body.driverId;
    await call('POST', `/drivers/${first}/ratings`, { rideId: rideId(3), stars: 1 });
    expect((await call('GET', `/drivers/${second}`)).body).toMatchObject({ ratingCount: 0, averageRating: null });
    expect((await call('GET', `/drivers/${second}/ratings`)).body).toEqual({ items: [] });
  });

  it.each([
    ['GET', '/drivers/unknown-driver', undefined],
    ['GET', '/drivers/unknown-driver/ratings', undefined],
    ['POST', '/drivers/unknown-driver/ratings', { rideId: 'r-1', stars: 5 }],
  ])('answers 404 problem documents for %s %s', async (method, path, body) => {
    const response = await call(method, path, body);
    expect(response.status).toBe(404);
    expect(response.type).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it.each([
    ['not JSON', 'name=Amara'],
    ['missing fields', { name: 'Amara' }],
    ['too long a name', { name: 'x'.repeat(101), city: 'Lisbon' }],
  ])('answers 400 for %s', async (_label, body) => {
    const response = await call('POST', '/drivers', body);
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^application\/problem\+json/);
  });
});
