import fc from 'fast-check';
import { signCursor, verifyCursor } from '../../src/http/cursor';
import { HttpProblem } from '../../src/http/problems';

const signing = { list: '/drivers/d-1/ratings', secret: 'unit-test-cursor-secret' };
// What the store wrote; the cursor neither reads nor checks it.
const position = 'any text the store chose: 2026-11-02T10:00:00.000Z r-9';

function refusal(run: () => unknown): number | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof HttpProblem) return error.document.status;
    throw error;
  }
}

describe('cursors', () => {
  it('give back the position they carry', () => {
    const cursor = signCursor(position, signing);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyCursor(cursor, signing)).toBe(position);
  });

  it.each([
    ['signed with another secret', () => signCursor(position, { ...signing, secret: 'another secret' })],
    ["issued for another driver's list", () => signCursor(position, { ...signing, list: '/drivers/d-2/ratings' })],
    ['with its payload altered', () => signCursor(position, signing).replace(/^[A-Za-z0-9_-]{4}/, 'eyJx')],
    ['unsigned', () => Buffer.from(position).toString('base64url')],
    ['empty', () => ''],
    ['far too long', () => `${'A'.repeat(2000)}.${signCursor(position, signing).split('.')[1]}`],
  ])('are refused with 400 when %s', (_label, make) => {
    expect(refusal(() => verifyCursor(make(), signing))).toBe(400);
  });

  // #region cursor-properties
  it('are refused with 400, never another error, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (cursor) => {
        expect(refusal(() => verifyCursor(cursor, signing))).toBe(400);
      }),
    );
  });

  it('are refused when any one character is changed', () => {
    const cursor = signCursor(position, signing);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(fc.nat({ max: cursor.length - 1 }), fc.constantFrom(...alphabet), (at, replacement) => {
        fc.pre(cursor[at] !== replacement);
        const altered = cursor.slice(0, at) + replacement + cursor.slice(at + 1);
        expect(refusal(() => verifyCursor(altered, signing))).toBe(400);
      }),
      { numRuns: 300 },
    );
  });
  // #endregion cursor-properties
});
