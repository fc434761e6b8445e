import { signCursor } from '../../../src/http/cursor';
import { HttpProblem } from '../../../src/http/problems';
import { signWithCurrent, verifyWithEither } from '../../../exercises/rotating-cursor-keys';

const list = '/drivers/d-1/ratings';
const position = 'RATING#2026-11-02T10:00:00.000Z#ride-1';
const oldKey = 'the key before the rotation';
const newKey = 'the key after the rotation';

describe('exercise: rotating the cursor-signing key', () => {
  const issuedBefore = signCursor(position, { list, secret: oldKey });

  it('still accepts a cursor signed with the previous key', () => {
    expect(verifyWithEither(issuedBefore, { list, current: newKey, previous: oldKey })).toBe(position);
  });

  it('signs new cursors with the current key only', () => {
    const issuedAfter = signWithCurrent(position, { list, current: newKey, previous: oldKey });
    expect(verifyWithEither(issuedAfter, { list, current: newKey })).toBe(position);
    expect(() => verifyWithEither(issuedAfter, { list, current: oldKey })).toThrow(HttpProblem);
  });

  it('refuses the old cursor once the previous key is dropped, and a cursor for another list', () => {
    expect(() => verifyWithEither(issuedBefore, { list, current: newKey })).toThrow(HttpProblem);
    expect(() => verifyWithEither(issuedBefore, { list: '/drivers/d-2/ratings', current: newKey, previous: oldKey })).toThrow(
      HttpProblem,
    );
  });
});
