import { averageRating, summarise } from '../../src/domain/drivers';

describe('averageRating', () => {
  it('is null before the first rating', () => expect(averageRating(0, 0)).toBeNull());

  it.each([
    [3, 13, 4.33],
    [3, 14, 4.67],
    [2, 9, 4.5],
    [200, 201, 1.01], // 1.005: floating point would give 1.00
    [8, 39, 4.88], // 4.875 rounds half up
    [1_000_000, 4_999_999, 5],
  ])('of %i ratings totalling %i is %d', (count, total, expected) => {
    expect(averageRating(count, total)).toBe(expected);
  });
});

describe('summarise', () => {
  it('shows the count and the average, not the total', () => {
    const driver = { driverId: 'd', name: 'A', city: 'B', createdAt: 't', ratingCount: 2, ratingTotal: 9 };
    expect(summarise(driver)).toEqual({ driverId: 'd', name: 'A', city: 'B', ratingCount: 2, averageRating: 4.5 });
  });
});
