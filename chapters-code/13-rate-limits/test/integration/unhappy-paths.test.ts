/**
 * Every way this chapter knows to send a bad request, against the running stack:
 * each gets the status of the status table, as a problem document, with nothing
 * in it about our code or our database.
 */
import { call, type CallOptions, expectProblem, expectStackAnswers } from '../support/api';

let driverId: string;

beforeAll(async () => {
  await expectStackAnswers();
  driverId = (await call('POST', '/drivers', { body: { name: 'Unhappy Paths', city: 'Faro' } })).body.driverId;
});

const ratings = () => `/drivers/${driverId}/ratings`;
const json = { 'content-type': 'application/json' };

// #region unhappy-table
type Case = [label: string, method: string, path: () => string, options: CallOptions, status: number, problem: string];

const cases: Case[] = [
  ['no body', 'POST', () => '/drivers', {}, 400, 'body-missing'],
  ['a body that is not JSON', 'POST', () => '/drivers', { body: '{"name":', headers: json }, 400, 'invalid-json'],
  ['a JSON array', 'POST', () => '/drivers', { body: [] }, 400, 'validation'],
  ['a missing field', 'POST', () => '/drivers', { body: { name: 'A' } }, 400, 'validation'],
  ['an unknown field', 'POST', () => '/drivers', { body: { name: 'A', city: 'B', vip: true } }, 400, 'validation'],
  ['a name too long', 'POST', () => '/drivers', { body: { name: 'x'.repeat(101), city: 'B' } }, 400, 'validation'],
  ['a blank city', 'POST', () => '/drivers', { body: { name: 'A', city: '   ' } }, 400, 'validation'],
  ['stars as text', 'POST', ratings, { body: { rideId: 'r-1', stars: '5' } }, 400, 'validation'],
  ['stars out of range', 'POST', ratings, { body: { rideId: 'r-1', stars: 6 } }, 400, 'validation'],
  ['half a star', 'POST', ratings, { body: { rideId: 'r-1', stars: 4.5 } }, 400, 'validation'],
  ['a ride id with spaces', 'POST', ratings, { body: { rideId: 'r 1', stars: 5 } }, 400, 'validation'],
  ['a comment too long', 'POST', ratings, { body: { rideId: 'r-1', stars: 5, comment: 'x'.repeat(501) } }, 400, 'validation'],
  ['a null comment', 'POST', ratings, { body: { rideId: 'r-1', stars: 5, comment: null } }, 400, 'validation'],
  ['no content type', 'POST', () => '/drivers', { body: '{"name":"A","city":"B"}', headers: { 'content-type': '' } }, 415, 'unsupported-media-type'],
  ['a form body', 'POST', () => '/drivers', { body: 'name=A&city=B', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported-media-type'],
  ['a text/plain body', 'POST', () => '/drivers', { body: '{}', headers: { 'content-type': 'text/plain' } }, 415, 'unsupported-media-type'],
  ['a body over 16 KiB', 'POST', () => '/drivers', { body: { name: 'x'.repeat(17_000), city: 'B' } }, 413, 'body-too-large'],
  ['an unknown driver', 'GET', () => '/drivers/no-such-driver', {}, 404, 'driver-not-found'],
  ['a malformed driver id', 'GET', () => `/drivers/${'%F0%9F%9A%97'.repeat(30)}`, {}, 404, 'driver-not-found'],
  ['a driver id too long for DynamoDB', 'GET', () => `/drivers/${'a'.repeat(3000)}`, {}, 404, 'driver-not-found'],
  ['ratings of an unknown driver', 'GET', () => '/drivers/no-such-driver/ratings', {}, 404, 'driver-not-found'],
  ['rating an unknown driver', 'POST', () => '/drivers/no-such-driver/ratings', { body: { rideId: 'r-1', stars: 5 } }, 404, 'driver-not-found'],
  ['a page size of 0', 'GET', () => `${ratings()}?limit=0`, {}, 400, 'invalid-parameter'],
  ['a forged cursor', 'GET', () => `${ratings()}?cursor=abc.def`, {}, 400, 'invalid-cursor'],
  ['a leaderboard of 51', 'GET', () => '/cities/Faro/top-drivers?limit=51', {}, 400, 'invalid-parameter'],
  ['a city name too long', 'GET', () => `/cities/${'x'.repeat(61)}/top-drivers`, {}, 400, 'invalid-parameter'],
  ['an unknown route', 'GET', () => '/passengers', {}, 404, 'route-not-found'],
  ['an unknown method', 'DELETE', () => '/drivers', {}, 404, 'route-not-found'],
];
// #endregion unhappy-table

describe('bad requests get problem documents, never a 5xx', () => {
  it.each(cases)('%s: %s %s', async (_label, method, path, options, status, problem) => {
    const answer = await call(method, path(), options);
    expectProblem(answer, status);
    expect(answer.body.type).toMatch(new RegExp(`/${problem}$`));
    expect(answer.body.status).toBe(status);
  });

  it('lists every field problem with a JSON Pointer', async () => {
    const answer = await call('POST', ratings(), { body: { rideId: 'has space', stars: 0, tip: 5 } });
    expect(answer.body.errors).toEqual([
      { pointer: '/rideId', detail: 'must be 1 to 64 letters, digits, "_" or "-"' },
      { pointer: '/stars', detail: 'must be a whole number from 1 to 5' },
      { pointer: '/tip', detail: 'is not a field of this request' },
    ]);
  });
});
