import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpProblem } from './problems';

/**
 * Cursors for paginated lists. A cursor carries where the previous page stopped, as
 * the store wrote it (a string this module never reads), in base64url, signed with
 * an HMAC. Clients treat it as an opaque string; the signature makes it
 * tamper-evident, so a cursor that was altered, made up or taken from another list
 * is refused with a 400 before it reaches the store. It is not encrypted: anyone may
 * decode it, and nothing in it is secret.
 */

/** What a cursor is signed for: one list (its path), with the API's key. */
export interface CursorSigning {
  list: string;
  secret: string;
}

// #region sign-cursor
/** The list's path is signed with the payload but not carried: the request names the list. */
const signatureOf = (payload: string, { list, secret }: CursorSigning) =>
  createHmac('sha256', secret).update(`${list}\n${payload}`).digest('base64url');

/** "<payload>.<signature>", both base64url: safe in a query string without escaping. */
export function signCursor(position: string, signing: CursorSigning): string {
  const payload = Buffer.from(position, 'utf8').toString('base64url');
  return `${payload}.${signatureOf(payload, signing)}`;
}
// #endregion sign-cursor

/** One answer for every bad cursor, whichever check refused it: here or in the store. */
export const invalidCursor = () =>
  new HttpProblem('invalidCursor', 'The cursor was not issued by this API for this list. Start again without a cursor.');

// #region verify-cursor
/**
 * The store's position inside a cursor, if this API signed it for this list.
 * Anything else is a 400: malformed, forged, altered, or issued for another list.
 */
export function verifyCursor(cursor: string, signing: CursorSigning): string {
  const match = /^([A-Za-z0-9_-]{1,1000})\.([A-Za-z0-9_-]{43})$/.exec(cursor);
  if (!match) throw invalidCursor();
  const [, payload, signature] = match as unknown as [string, string, string];
  const expected = Buffer.from(signatureOf(payload, signing));
  // Compare in constant time, so response times do not reveal how much of a forgery was right.
  if (!timingSafeEqual(Buffer.from(signature), expected)) throw invalidCursor();
  return Buffer.from(payload, 'base64url').toString('utf8');
}
// #endregion verify-cursor
