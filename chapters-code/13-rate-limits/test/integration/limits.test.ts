/**
 * The limits of chapter 13 on the running stack: the rider's daily cap, which the API enforces
 * itself, exactly, on DynamoDB Local; and a partner's throttle, which the local gateway
 * enforces from serverless.yml, standing in for API Gateway (where it is best effort).
 */
import { ratingsPerRiderPerDay, startOfNextUtcDay } from '../../src/domain/limits';
import { problemTypeUri } from '../../src/http/problems';
import { call, expectProblem, expectStackAnswers, type Answer } from '../support/api';
import { partnerKey, rideToken } from '../support/credentials';

const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const drivers: string[] = [];

beforeAll(async () => {
  await expectStackAnswers();
  for (let i = 0; i < 5; i++) {
    const created = await call('POST', '/drivers', { body: { name: `Capped Driver ${i}`, city: 'Porto' } });
    expect(created.status).toBe(201);
    drivers.push(created.body.driverId);
  }
});

/** A rating by `rider` of ride `rideId` with the driver `driverId`, with that ride's token. */
async function rate(rider: string, driverId: string, rideId: string): Promise<Answer> {
  const token = await rideToken(driverId, rideId, { rider });
  return call('POST', `/drivers/${driverId}/ratings`, {
    body: { rideId, stars: 4 },
    headers: { authorization: `Bearer ${token}` },
    credentials: 'none',
    retry: false,
  });
}

const countOf = (answers: Answer[], status: number) => answers.filter((answer) => answer.status === status).length;

// #region rider-cap-tests
describe(`the rider's daily cap (${ratingsPerRiderPerDay} a day), enforced by the API`, () => {
  it.each([1, 2, 3])('round %i: of 25 ratings sent at once by one rider, exactly the cap are stored', async (round) => {
    const rider = `rider-cap-${run}-${round}`;
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => rate(rider, drivers[i % drivers.length]!, `cap-${run}-${round}-${i}`)),
    );
    expect({ created: countOf(answers, 201), refused: countOf(answers, 429) }).toEqual({ created: ratingsPerRiderPerDay, refused: 25 - ratingsPerRiderPerDay });
    for (const refused of answers.filter((answer) => answer.status === 429)) {
      expectProblem(refused, 429);
      expect(refused.body.type).toBe(problemTypeUri('ratingLimitReached'));
      // Retry-After: the seconds until midnight UTC, when the count starts again.
      const untilMidnight = (startOfNextUtcDay(new Date()).getTime() - Date.now()) / 1000;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(untilMidnight - 30);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(untilMidnight + 30);
      expect(refused.headers.get('access-control-allow-origin')).toBe('https://app.rate-the-ride.example');
    }
  });

  it('counts only ratings that were stored: a ride rated twice (409) uses up nothing', async () => {
    const rider = `rider-careful-${run}`;
    const driverId = drivers[0]!;
    expect((await rate(rider, driverId, `careful-${run}-0`)).status).toBe(201);
    expect((await rate(rider, driverId, `careful-${run}-0`)).status).toBe(409);
    for (let i = 1; i < ratingsPerRiderPerDay; i++) expect((await rate(rider, driverId, `careful-${run}-${i}`)).status).toBe(201);
    expectProblem(await rate(rider, driverId, `careful-${run}-last`), 429);
  });

  it("is each rider's own: another rider still rates", async () => {
    expect((await rate(`rider-cap-${run}-1`, drivers[1]!, `after-cap-${run}`)).status).toBe(429);
    expect((await rate(`rider-fresh-${run}`, drivers[1]!, `fresh-${run}`)).status).toBe(201);
  });
});
// #endregion rider-cap-tests

// #region throttle-tests
describe("a partner's throttle, enforced by the local gateway from serverless.yml", () => {
  it('answers 429 THROTTLED with Retry-After past the burst of the free tier on the ratings list (2 at once)', async () => {
    const fleet = { 'x-api-key': partnerKey('OTHER_API_KEY') };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => call('GET', `/drivers/${drivers[2]}/ratings`, { headers: fleet, credentials: 'none', retry: false })),
    );
    // Two tokens in the bucket, and at one a second, perhaps one more while the eight arrive.
    expect(countOf(answers, 200)).toBeGreaterThanOrEqual(2);
    expect(countOf(answers, 200)).toBeLessThanOrEqual(3);
    expect(countOf(answers, 200) + countOf(answers, 429)).toBe(8);
    const throttled = answers.find((answer) => answer.status === 429)!;
    expectProblem(throttled, 429);
    expect(throttled.body.type).toBe(problemTypeUri('throttled'));
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(throttled.headers.get('access-control-allow-origin')).toBe('https://app.rate-the-ride.example');
  });
});
// #endregion throttle-tests
