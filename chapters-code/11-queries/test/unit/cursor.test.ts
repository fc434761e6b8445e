import fc from 'fast-check';
import * as z from 'zod';
import { signCursor, verifyCursor } from '../../src/http/cursor';
import { HttpProblem } from '../../src/http/problems';

const secret = 'unit-test-cursor-secret';
const shape = z.strictObject({ pk: z.literal('DRIVER#d-1'), sk: z.string().startsWith('RATING#') });
const key = { pk: 'DRIVER#d-1', sk: 'RATING#2026-11-02T10:00:00.000Z#r-9' };

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
  it('give back the key they carry', () => {
    const cursor = signCursor(key, secret);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyCursor(cursor, secret, shape)).toEqual(key);
  });

  it.each([
    ['signed with another secret', () => signCursor(key, 'another secret')],
    ['of another driver', () => signCursor({ ...key, pk: 'DRIVER#d-2' }, secret)],
    ['with a key of another shape', () => signCursor({ pk: 'DRIVER#d-1', sk: 'PROFILE' }, secret)],
    ['with extra fields', () => signCursor({ ...key, admin: 'yes' }, secret)],
    ['with its payload altered', () => signCursor(key, secret).replace(/^[A-Za-z0-9_-]{4}/, 'eyJx')],
    ['unsigned', () => Buffer.from(JSON.stringify(key)).toString('base64url')],
    ['empty', () => ''],
    ['signed but not JSON', () => { const payload = Buffer.from('not json').toString('base64url'); return `${payload}.${signCursor(key, secret).split('.')[1]}`; }],
  ])('are refused with 400 when %s', (_label, make) => {
    expect(refusal(() => verifyCursor(make(), secret, shape))).toBe(400);
  });

  // #region cursor-properties
  it('are refused with 400, never another error, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (cursor) => {
        expect(refusal(() => verifyCursor(cursor, secret, shape))).toBe(400);
      }),
    );
  });

  it('are refused when any one character is changed', () => {
    const cursor = signCursor(key, secret);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(fc.nat({ max: cursor.length - 1 }), fc.constantFrom(...alphabet), (at, replacement) => {
        fc.pre(cursor[at] !== replacement);
        const altered = cursor.slice(0, at) + replacement + cursor.slice(at + 1);
        expect(refusal(() => verifyCursor(altered, secret, shape))).toBe(400);
      }),
      { numRuns: 300 },
    );
  });
  // #endregion cursor-properties
});
