import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { HttpProblem } from './problems';

/**
 * Cursors for paginated lists. A cursor is where the previous page stopped (the
 * key of its last item, as DynamoDB's LastEvaluatedKey gives it), serialised as
 * JSON and base64url, then signed with an HMAC. Clients treat it as an opaque
 * string; the signature makes it tamper-evident, so a cursor that was altered or
 * made up is refused with a 400 before it reaches DynamoDB. It is not encrypted:
 * anyone may decode it, and nothing in it is secret.
 */

export type PageKey = Record<string, string>;

// #region sign-cursor
const signatureOf = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** "<payload>.<signature>", both base64url: safe in a query string without escaping. */
export function signCursor(key: PageKey, secret: string): string {
  const payload = Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
  return `${payload}.${signatureOf(payload, secret)}`;
}
// #endregion sign-cursor

const invalid = () =>
  new HttpProblem('invalidCursor', 'The cursor was not issued by this API for this list. Start again without a cursor.');

// #region verify-cursor
/**
 * The key inside a cursor, if this API signed it with `secret` and it passes
 * `shape` (which ties it to the list it came from). Anything else is a 400:
 * malformed, forged, altered, or taken from another list.
 */
export function verifyCursor<Key extends PageKey>(cursor: string, secret: string, shape: z.ZodType<Key>): Key {
  const match = /^([A-Za-z0-9_-]{1,1000})\.([A-Za-z0-9_-]{43})$/.exec(cursor);
  if (!match) throw invalid();
  const [, payload, signature] = match as unknown as [string, string, string];
  const expected = Buffer.from(signatureOf(payload, secret));
  // Compare in constant time, so response times do not reveal how much of a forgery was right.
  if (!timingSafeEqual(Buffer.from(signature), expected)) throw invalid();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const checked = shape.safeParse(key);
  if (!checked.success) throw invalid();
  return checked.data;
}
// #endregion verify-cursor
