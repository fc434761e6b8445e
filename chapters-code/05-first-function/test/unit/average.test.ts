import { areValidStars, summariseStars } from '../../src/domain/average';

describe('summariseStars', () => {
  it('has no average before the first rating', () => {
    expect(summariseStars([])).toEqual({ count: 0, average: null });
  });

  it('rounds the mean to two decimals', () => {
    expect(summariseStars([5, 4, 5])).toEqual({ count: 3, average: 4.67 });
    expect(summariseStars([1, 2])).toEqual({ count: 2, average: 1.5 });
  });
});

describe('areValidStars', () => {
  it.each([[[1, 5]], [[]], [[3]]])('accepts %j', (stars) => {
    expect(areValidStars(stars)).toBe(true);
  });

  it.each([[[0]], [[6]], [[4.5]], [['5']], ['5'], [null], [undefined]])('rejects %j', (stars) => {
    expect(areValidStars(stars)).toBe(false);
  });
});
