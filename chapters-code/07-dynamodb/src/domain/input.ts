/**
 * Checks of request bodies, written by hand for now. Chapter 08 replaces them
 * with schemas that also produce the TypeScript types.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export interface NewDriver {
  name: string;
  city: string;
}

export interface NewRating {
  rideId: string;
  stars: number;
  comment: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textProblem(field: string, value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > max) {
    return `${field} must be text of 1 to ${max} characters`;
  }
  return undefined;
}

// #region check-driver
export function checkNewDriver(body: unknown): Checked<NewDriver> {
  if (!isRecord(body)) return { ok: false, problems: ['the body must be a JSON object'] };
  const problems = [textProblem('name', body.name, 100), textProblem('city', body.city, 60)].filter(
    (problem): problem is string => problem !== undefined,
  );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { name: (body.name as string).trim(), city: (body.city as string).trim() } };
}
// #endregion check-driver

const rideIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

export function checkNewRating(body: unknown): Checked<NewRating> {
  if (!isRecord(body)) return { ok: false, problems: ['the body must be a JSON object'] };
  const problems: string[] = [];
  if (typeof body.rideId !== 'string' || !rideIdPattern.test(body.rideId)) {
    problems.push('rideId must be 1 to 64 letters, digits, "_" or "-"');
  }
  if (!Number.isInteger(body.stars) || (body.stars as number) < 1 || (body.stars as number) > 5) {
    problems.push('stars must be a whole number from 1 to 5');
  }
  if (body.comment !== undefined && (typeof body.comment !== 'string' || body.comment.length > 500)) {
    problems.push('comment must be text of at most 500 characters');
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      rideId: body.rideId as string,
      stars: body.stars as number,
      comment: (body.comment as string | undefined) ?? null,
    },
  };
}
