import fc from 'fast-check';
import { averageRating } from '../../src/domain/drivers';
import { cityKey, rankKey } from '../../src/store/dynamodb-store';

describe('cityKey', () => {
  it('groups a city however it is written', () => {
    expect(cityKey(' Lisbon ')).toBe('CITY#lisbon');
    expect(cityKey('LISBON')).toBe(cityKey('lisbon'));
    // "é" as one code point or as "e" and a combining accent: the same city.
    expect(cityKey('Bel\u00e9m')).toBe(cityKey('Bele\u0301m'));
  });
});

describe('rankKey', () => {
  it('is the average in hundredths and the count, zero-padded', () => {
    expect(rankKey(3, 13)).toBe('433#0000000003');
    expect(rankKey(1, 5)).toBe('500#0000000001');
    expect(rankKey(0, 0)).toBeUndefined();
  });

  // #region rank-property
  it('sorts as text exactly as drivers rank: by average, then by count', () => {
    const driver = fc
      .integer({ min: 1, max: 5_000_000 })
      .chain((count) => fc.tuple(fc.constant(count), fc.integer({ min: count, max: 5 * count })));
    fc.assert(
      fc.property(driver, driver, ([countA, totalA], [countB, totalB]) => {
        // DynamoDB orders string keys by their UTF-8 bytes; for ASCII, as < and > do.
        const [keyA, keyB] = [rankKey(countA, totalA)!, rankKey(countB, totalB)!];
        const byKey = keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
        const averageA = averageRating(countA, totalA)!;
        const averageB = averageRating(countB, totalB)!;
        const byRank = Math.sign(averageA - averageB || countA - countB);
        expect(byKey).toBe(byRank);
      }),
      { numRuns: 1000 },
    );
  });
  // #endregion rank-property
});
