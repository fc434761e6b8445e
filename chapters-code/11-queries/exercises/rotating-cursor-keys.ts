// Exercise 1 of chapter 11, answered: rotating the cursor-signing key. A reader's version
// lives in src/http/cursor.ts; this copy sits outside src/ so it is never deployed.
import { HttpProblem } from '../src/http/problems';
import { invalidCursor, signCursor, verifyCursor } from '../src/http/cursor';

// #region rotation
/** The key to sign with, and the one it replaced, still trusted for a while. */
export interface CursorKeys {
  list: string;
  current: string;
  previous?: string;
}

/** New cursors are always signed with the current key. */
export const signWithCurrent = (position: string, { list, current }: CursorKeys): string =>
  signCursor(position, { list, secret: current });

/** A cursor signed with either key is good; anything else is the usual 400. */
export function verifyWithEither(cursor: string, { list, current, previous }: CursorKeys): string {
  for (const secret of previous === undefined ? [current] : [current, previous]) {
    try {
      return verifyCursor(cursor, { list, secret });
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
    }
  }
  throw invalidCursor();
}
// #endregion rotation
