/**
 * Properties of the validation, checked on inputs fast-check makes up: hundreds of
 * cases per property, shrunk to the smallest failing one when a property breaks.
 */
import fc from 'fast-check';
import { DriverNotFoundError } from '../../src/domain/errors';
import { newDriverSchema, newRatingSchema } from '../../src/domain/schemas';
import { HttpProblem } from '../../src/http/problems';
import { driverIdFrom, fieldProblems, maxBodyBytes, readJsonBody } from '../../src/http/request';
import { sampleEvent } from '../support/events';

// #region arbitraries
/** Ratings that the API must accept: the rules of BOOK.md's API table, written as generators. */
const validRating = fc.record(
  {
    rideId: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
    stars: fc.integer({ min: 1, max: 5 }),
    comment: fc.string({ unit: 'binary', maxLength: 500 }).filter((text) => text.length <= 500),
  },
  { requiredKeys: ['rideId', 'stars'] },
);

/** Values that break exactly one rule of one field, paired with that field's pointer. */
const brokenField = fc.oneof(
  fc.tuple(fc.constant('/rideId'), fc.oneof(fc.constant(''), fc.string({ minLength: 65, maxLength: 80 }), fc.stringMatching(/^[a-z]{0,5}[ /.:#%][a-z]{0,5}$/), fc.integer())),
  fc.tuple(fc.constant('/stars'), fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 6 }), fc.double({ noInteger: true }), fc.constant('5'), fc.constant(null))),
  fc.tuple(fc.constant('/comment'), fc.oneof(fc.string({ minLength: 501, maxLength: 600 }), fc.integer(), fc.constant(null))),
);
// #endregion arbitraries

describe('newRatingSchema', () => {
  // #region property-accepts
  it('accepts every rating the API table allows, unchanged', () => {
    fc.assert(
      fc.property(validRating, (rating) => {
        expect(newRatingSchema.parse(rating)).toEqual(rating);
      }),
    );
  });

  it('rejects a rating with one broken field, pointing at that field only', () => {
    fc.assert(
      fc.property(validRating, brokenField, (rating, [pointer, value]) => {
        const checked = newRatingSchema.safeParse({ ...rating, [pointer.slice(1)]: value });
        expect(checked.success).toBe(false);
        const problems = checked.success ? [] : fieldProblems(checked.error.issues);
        expect(problems.map((problem) => problem.pointer)).toEqual([pointer]);
      }),
    );
  });
  // #endregion property-accepts

  it('answers any JSON value with a result or with field problems, never by throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const checked = newRatingSchema.safeParse(value);
        if (checked.success) return;
        const problems = fieldProblems(checked.error.issues);
        expect(problems.length).toBeGreaterThan(0);
        for (const problem of problems) {
          // A JSON Pointer: empty (the whole body) or "/"-separated reference tokens.
          expect(problem.pointer).toMatch(/^(\/([^~]|~[01])*)*$/);
          expect(problem.detail.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('never lets an unknown field through', () => {
    const unknownKey = fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !['rideId', 'stars', 'comment'].includes(key));
    fc.assert(
      fc.property(validRating, unknownKey, fc.jsonValue(), (rating, key, value) => {
        expect(newRatingSchema.safeParse({ ...rating, [key]: value }).success).toBe(false);
      }),
    );
  });
});

describe('newDriverSchema', () => {
  it('keeps names and cities trimmed and within their lengths', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ maxLength: 120 }), fc.string({ maxLength: 80 }), (noise, name, city) => {
        for (const body of [noise, { name, city }]) {
          const checked = newDriverSchema.safeParse(body);
          if (!checked.success) continue;
          expect(checked.data.name).toBe(checked.data.name.trim());
          expect(checked.data.name.length).toBeGreaterThanOrEqual(1);
          expect(checked.data.name.length).toBeLessThanOrEqual(100);
          expect(checked.data.city.length).toBeLessThanOrEqual(60);
        }
      }),
    );
  });
});

// #region property-read-body
describe('readJsonBody', () => {
  const contentType = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/xml', ''),
    fc.string({ maxLength: 40 }),
  );
  const body = fc.oneof(
    fc.constant(null),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json(),
    fc.jsonValue().map((value) => JSON.stringify({ rideId: 'r-1', stars: 3, extra: value })),
    fc.integer({ min: maxBodyBytes - 10, max: maxBodyBytes + 10 }).map((size) => `"${'x'.repeat(size - 2)}"`),
  );

  it('returns a valid value or throws a 400, 413 or 415 problem, and nothing else', () => {
    fc.assert(
      fc.property(body, contentType, fc.boolean(), (text, type, base64) => {
        const event = sampleEvent('create-rating', {
          headers: type === undefined ? {} : { 'Content-Type': type },
          body: text !== null && base64 ? Buffer.from(text).toString('base64') : text,
          isBase64Encoded: base64,
        });
        try {
          expect(newRatingSchema.safeParse(readJsonBody(event, newRatingSchema)).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(HttpProblem);
          expect([400, 413, 415]).toContain((error as HttpProblem).document.status);
        }
      }),
      { numRuns: 300 },
    );
  });
});
// #endregion property-read-body

describe('driverIdFrom', () => {
  it('returns a well-formed id or throws "not found", whatever the path holds', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary', maxLength: 100 })), (driverId) => {
        const event = sampleEvent('get-driver', { pathParameters: driverId === null ? null : { driverId } });
        try {
          expect(driverIdFrom(event)).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
        } catch (error) {
          expect(error).toBeInstanceOf(DriverNotFoundError);
        }
      }),
    );
  });
});
