import * as z from 'zod';

/**
 * The shape of everything a client may send, written once. Each schema both checks
 * input at run time and gives the TypeScript type of what passed the check, so the
 * two can never disagree.
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
export const driverIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const rideIdSchema = z.string(rule('must be 1 to 64 letters, digits, "_" or "-"')).regex(/^[A-Za-z0-9_-]{1,64}$/);
// #endregion ids

// #region new-driver
/** POST /drivers. strictObject: a field we do not know is a mistake worth reporting, not ignoring. */
export const newDriverSchema = z.strictObject(
  {
    name: z.string(rule('must be text of 1 to 100 characters')).trim().min(1).max(100),
    city: z.string(rule('must be text of 1 to 60 characters')).trim().min(1).max(60),
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
    stars: z.int(rule('must be a whole number from 1 to 5')).min(1).max(5),
    comment: z.string(rule('must be text of at most 500 characters')).max(500).optional(),
  },
  { error: 'must be a JSON object' },
);
export type NewRating = z.infer<typeof newRatingSchema>;
// #endregion new-rating

// #region query-schemas
/** Query strings arrive as text; a limit is whole digits, nothing else ("10", not "1e1" or " 10"). */
const limit = (max: number) =>
  z
    .string()
    .regex(/^\d{1,3}$/, { error: `must be a whole number from 1 to ${max}` })
    .transform(Number)
    .pipe(z.int().min(1, { error: `must be a whole number from 1 to ${max}` }).max(max, { error: `must be a whole number from 1 to ${max}` }));

/**
 * GET /drivers/{driverId}/ratings. Unknown parameters are ignored, not refused:
 * proxies and analytics tools add their own (utm_source and the like).
 */
export const listRatingsQuerySchema = z.object({
  limit: limit(100).default(20),
  // Any string: verifyCursor bounds its length, so every bad cursor is the one invalid-cursor problem.
  cursor: z.string().optional(),
});

/** GET /cities/{city}/top-drivers. */
export const topDriversQuerySchema = z.object({ limit: limit(50).default(10) });

/** The {city} of the path: the same rule as a driver's city. */
export const citySchema = z.string().trim().min(1).max(60);
// #endregion query-schemas
