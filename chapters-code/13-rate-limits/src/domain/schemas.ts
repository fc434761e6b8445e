import * as z from 'zod/mini';

/**
 * The shape of everything a client may send, written once. Each schema both checks
 * input at run time and gives the TypeScript type of what passed the check, so the
 * two can never disagree. zod/mini is zod with functions in place of methods
 * (`z.optional(s)` for `s.optional()`, rules inside `.check(...)`), and about a fifth
 * of the code for Lambda to load on a cold start: chapter 10 of the book measures it.
 */

/** One message per field rule, and a distinct one when the field is missing altogether. */
const rule = (text: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : text),
});

// #region ids
/**
 * Ids travel in paths. Bounding them keeps odd input away from DynamoDB (whose keys
 * have size limits of their own) and makes a malformed id an ordinary "not found".
 */
export const driverIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
export const rideIdSchema = z.string(rule('must be 1 to 64 letters, digits, "_" or "-"')).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
// #endregion ids

// #region new-driver
/** POST /drivers. strictObject: a field we do not know is a mistake worth reporting, not ignoring. */
export const newDriverSchema = z.strictObject(
  {
    name: z.string(rule('must be text of 1 to 100 characters')).check(z.trim(), z.minLength(1), z.maxLength(100)),
    city: z.string(rule('must be text of 1 to 60 characters')).check(z.trim(), z.minLength(1), z.maxLength(60)),
  },
  { error: 'must be a JSON object' },
);
export type NewDriver = z.infer<typeof newDriverSchema>;
// #endregion new-driver

// #region new-rating
/** POST /drivers/{driverId}/ratings. */
export const newRatingSchema = z.strictObject(
  {
    rideId: rideIdSchema,
    stars: z.int(rule('must be a whole number from 1 to 5')).check(z.minimum(1), z.maximum(5)),
    comment: z.optional(z.string(rule('must be text of at most 500 characters')).check(z.maxLength(500))),
  },
  { error: 'must be a JSON object' },
);
export type NewRating = z.infer<typeof newRatingSchema>;
// #endregion new-rating

// #region query-schemas
/** Query strings arrive as text; a limit is whole digits, nothing else ("10", not "1e1" or " 10"). */
const limit = (max: number) => {
  const outOfRange = { error: `must be a whole number from 1 to ${max}` };
  return z.pipe(
    z.pipe(z.string().check(z.regex(/^\d{1,3}$/, outOfRange)), z.transform(Number)),
    z.int().check(z.minimum(1, outOfRange), z.maximum(max, outOfRange)),
  );
};

/**
 * GET /drivers/{driverId}/ratings. Unknown parameters are ignored, not refused:
 * proxies and analytics tools add their own (utm_source and the like).
 */
export const listRatingsQuerySchema = z.object({
  limit: z._default(limit(100), 20),
  // Any string: verifyCursor bounds its length, so every bad cursor is the one invalid-cursor problem.
  cursor: z.optional(z.string()),
});

/** GET /cities/{city}/top-drivers. */
export const topDriversQuerySchema = z.object({ limit: z._default(limit(50), 10) });

/** The {city} of the path: the same rule as a driver's city. */
export const citySchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(60));
// #endregion query-schemas
