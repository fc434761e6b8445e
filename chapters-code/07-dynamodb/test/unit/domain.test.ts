import { summariseDriver } from '../../src/domain/drivers';
import { checkNewDriver, checkNewRating } from '../../src/domain/input';

const driver = { driverId: 'd-1', name: 'Amara', city: 'Lisbon', createdAt: '2026-11-01T00:00:00.000Z' };

describe('summariseDriver', () => {
  it('shows no average before the first rating', () => {
    expect(summariseDriver(driver, [])).toEqual({
      driverId: 'd-1', name: 'Amara', city: 'Lisbon', ratingCount: 0, averageRating: null,
    });
  });

  it('rounds the average to two decimals', () => {
    expect(summariseDriver(driver, [5, 4, 4])).toMatchObject({ ratingCount: 3, averageRating: 4.33 });
  });
});

describe('checkNewDriver', () => {
  it('accepts a name and a city, trimmed', () => {
    expect(checkNewDriver({ name: ' Amara ', city: 'Lisbon' })).toEqual({
      ok: true, value: { name: 'Amara', city: 'Lisbon' },
    });
  });

  it.each([
    [null, ['the body must be a JSON object']],
    [[], ['the body must be a JSON object']],
    [{ name: '', city: 'Lisbon' }, ['name must be text of 1 to 100 characters']],
    [{ name: 'A', city: 'x'.repeat(61) }, ['city must be text of 1 to 60 characters']],
    [{ name: 7 }, ['name must be text of 1 to 100 characters', 'city must be text of 1 to 60 characters']],
  ])('rejects %j', (body, problems) => {
    expect(checkNewDriver(body)).toEqual({ ok: false, problems });
  });
});

describe('checkNewRating', () => {
  it('accepts a rating without a comment', () => {
    expect(checkNewRating({ rideId: 'ride_1-A', stars: 5 })).toEqual({
      ok: true, value: { rideId: 'ride_1-A', stars: 5, comment: null },
    });
  });

  it.each([
    [{ rideId: 'has space', stars: 5 }, 'rideId'],
    [{ rideId: 'x'.repeat(65), stars: 5 }, 'rideId'],
    [{ rideId: 'r1', stars: 0 }, 'stars'],
    [{ rideId: 'r1', stars: 4.5 }, 'stars'],
    [{ rideId: 'r1', stars: '5' }, 'stars'],
    [{ rideId: 'r1', stars: 5, comment: 'x'.repeat(501) }, 'comment'],
  ])('rejects %j (%s)', (body, field) => {
    const checked = checkNewRating(body);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems.join()).toContain(field);
  });
});
