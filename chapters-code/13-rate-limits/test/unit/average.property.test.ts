import fc from 'fast-check';
import { averageRating } from '../../src/domain/drivers';

/** The reference: exact rational arithmetic with BigInt, rounding half up to hundredths. */
function exactAverage(count: number, total: number): number {
  const hundredths = (BigInt(total) * 200n + BigInt(count)) / (2n * BigInt(count));
  return Number(hundredths) / 100;
}

// #region property-average
describe('averageRating', () => {
  // Any number of ratings, and a total that those ratings could add up to (1 to 5 stars each).
  const countAndTotal = fc
    .integer({ min: 1, max: 10_000_000 })
    .chain((count) => fc.tuple(fc.constant(count), fc.integer({ min: count, max: 5 * count })));

  it('equals exact half-up rounding to two decimals', () => {
    fc.assert(
      fc.property(countAndTotal, ([count, total]) => {
        expect(averageRating(count, total)).toBe(exactAverage(count, total));
      }),
      { numRuns: 1000 },
    );
  });

  it('stays within 1 and 5 stars', () => {
    fc.assert(
      fc.property(countAndTotal, ([count, total]) => {
        const average = averageRating(count, total)!;
        expect(average).toBeGreaterThanOrEqual(1);
        expect(average).toBeLessThanOrEqual(5);
      }),
    );
  });
});
// #endregion property-average
