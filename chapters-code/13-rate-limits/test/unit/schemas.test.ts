import { newDriverSchema, newRatingSchema } from '../../src/domain/schemas';
import { fieldProblems } from '../../src/http/request';

const problemsOf = (schema: typeof newDriverSchema | typeof newRatingSchema, body: unknown) => {
  const checked = schema.safeParse(body);
  return checked.success ? [] : fieldProblems(checked.error.issues);
};

describe('newDriverSchema', () => {
  it('accepts a name and a city, trimmed', () => {
    expect(newDriverSchema.parse({ name: ' Amara ', city: 'Lisbon' })).toEqual({ name: 'Amara', city: 'Lisbon' });
  });

  it.each([
    [null, [{ pointer: '', detail: 'must be a JSON object' }]],
    [[], [{ pointer: '', detail: 'must be a JSON object' }]],
    [{}, [{ pointer: '/name', detail: 'is required' }, { pointer: '/city', detail: 'is required' }]],
    [{ name: '', city: 'Lisbon' }, [{ pointer: '/name', detail: 'must be text of 1 to 100 characters' }]],
    [{ name: 'A', city: 'x'.repeat(61) }, [{ pointer: '/city', detail: 'must be text of 1 to 60 characters' }]],
    [{ name: 7, city: 'B' }, [{ pointer: '/name', detail: 'must be text of 1 to 100 characters' }]],
    [{ name: 'A', city: 'B', 'a/b~c': 1 }, [{ pointer: '/a~1b~0c', detail: 'is not a field of this request' }]],
  ])('rejects %j', (body, problems) => {
    expect(problemsOf(newDriverSchema, body)).toEqual(problems);
  });
});

describe('newRatingSchema', () => {
  it('accepts a rating with or without a comment', () => {
    expect(newRatingSchema.parse({ rideId: 'ride_1-A', stars: 5 })).toEqual({ rideId: 'ride_1-A', stars: 5 });
    expect(newRatingSchema.parse({ rideId: 'r', stars: 1, comment: '' })).toEqual({ rideId: 'r', stars: 1, comment: '' });
  });

  it.each([
    [{ rideId: 'has space', stars: 5 }, '/rideId'],
    [{ rideId: 'x'.repeat(65), stars: 5 }, '/rideId'],
    [{ rideId: 'r1', stars: 0 }, '/stars'],
    [{ rideId: 'r1', stars: 4.5 }, '/stars'],
    [{ rideId: 'r1', stars: '5' }, '/stars'],
    [{ rideId: 'r1', stars: 5, comment: 'x'.repeat(501) }, '/comment'],
    [{ rideId: 'r1', stars: 5, comment: null }, '/comment'],
  ])('rejects %j at %s', (body, pointer) => {
    expect(problemsOf(newRatingSchema, body).map((problem) => problem.pointer)).toEqual([pointer]);
  });

  it('reports one value breaking two rules once', () => {
    expect(problemsOf(newRatingSchema, { rideId: 'r', stars: 2 ** 60 })).toEqual([
      { pointer: '/stars', detail: 'must be a whole number from 1 to 5' },
    ]);
  });
});
