import { LocalUsagePlans, usagePlansOf, type ServiceWithPlans, type UsagePlan } from '../../local/usage-plans';

const config: ServiceWithPlans = {
  provider: {
    apiGateway: {
      usagePlan: [
        { free: { throttle: { rateLimit: 5, burstLimit: 10 }, quota: { limit: 1000, period: 'DAY' } } },
        { sandbox: { throttle: { rateLimit: 5, burstLimit: 10 }, quota: { limit: 30, period: 'DAY' } } },
      ],
    },
  },
  resources: {
    extensions: {
      ApiGatewayUsagePlanFree: {
        Properties: { ApiStages: [{ Throttle: { '/drivers/{driverId}/ratings/GET': { RateLimit: 1, BurstLimit: 2 } } }] },
      },
    },
  },
};

const summary = { method: 'GET', path: '/drivers/{driverId}' };
const ratingsList = { method: 'GET', path: '/drivers/{driverId}/ratings' };
const fleet = { value: 'key-fleet', plan: 'free' };

/** A LocalUsagePlans on a clock the test moves by hand. */
function plansAt(start: string, plans: UsagePlan[] = usagePlansOf(config)) {
  let now = Date.parse(start);
  const usage = new LocalUsagePlans(plans, () => now);
  return { usage, advance: (ms: number) => (now += ms), set: (moment: string) => (now = Date.parse(moment)) };
}

/** How many of `count` requests at this instant get through. */
const admitted = (usage: LocalUsagePlans, key: typeof fleet, route: typeof summary, count: number) =>
  Array.from({ length: count }, () => usage.admit(key, route)).filter((refusal) => refusal === undefined).length;

describe('usagePlansOf', () => {
  it("reads each tier's throttle and quota, and the route throttles serverless.yml adds to its plan", () => {
    expect(usagePlansOf(config)).toEqual([
      {
        name: 'free',
        throttle: { rateLimit: 5, burstLimit: 10 },
        quota: { limit: 1000, period: 'DAY' },
        routeThrottles: { '/drivers/{driverId}/ratings/GET': { rateLimit: 1, burstLimit: 2 } },
      },
      { name: 'sandbox', throttle: { rateLimit: 5, burstLimit: 10 }, quota: { limit: 30, period: 'DAY' }, routeThrottles: {} },
    ]);
  });

  it('refuses a weekly quota rather than guess when AWS starts a week', () => {
    const weekly: ServiceWithPlans = { provider: { apiGateway: { usagePlan: [{ free: { quota: { limit: 5, period: 'WEEK' } } }] } } };
    expect(() => usagePlansOf(weekly)).toThrow(/DAY and MONTH quotas, not WEEK/);
  });
});

// #region token-bucket-test
describe('the throttle: a token bucket per key', () => {
  it('lets a burst of burstLimit through at once, and refuses the rest with THROTTLED', () => {
    const { usage } = plansAt('2026-12-07T10:00:00Z');
    expect(admitted(usage, fleet, summary, 25)).toBe(10);
    expect(usage.admit(fleet, summary)).toBe('THROTTLED');
  });

  it('then refills at rateLimit a second: one request every 200 ms at 5 a second', () => {
    const { usage, advance } = plansAt('2026-12-07T10:00:00Z');
    admitted(usage, fleet, summary, 10);
    advance(199);
    expect(usage.admit(fleet, summary)).toBe('THROTTLED');
    advance(1);
    expect(usage.admit(fleet, summary)).toBeUndefined();
    advance(1000);
    expect(admitted(usage, fleet, summary, 10)).toBe(5);
  });

  it('never holds more than burstLimit, however long the key was idle', () => {
    const { usage, advance } = plansAt('2026-12-07T10:00:00Z');
    advance(3_600_000);
    expect(admitted(usage, fleet, summary, 50)).toBe(10);
  });

  it('keeps one bucket per key: one partner cannot use up another\'s', () => {
    const { usage } = plansAt('2026-12-07T10:00:00Z');
    admitted(usage, fleet, summary, 10);
    expect(usage.admit({ value: 'key-other', plan: 'free' }, summary)).toBeUndefined();
  });
});
// #endregion token-bucket-test

describe("a route's own throttle", () => {
  it('holds together with the plan\'s: 2 at once on the ratings list, and each takes from the plan too', () => {
    const { usage } = plansAt('2026-12-07T10:00:00Z');
    expect(admitted(usage, fleet, ratingsList, 5)).toBe(2);
    expect(admitted(usage, fleet, summary, 20)).toBe(8);
  });

  it('takes nothing from the plan when it refuses', () => {
    const { usage, advance } = plansAt('2026-12-07T10:00:00Z');
    admitted(usage, fleet, ratingsList, 30);
    expect(admitted(usage, fleet, summary, 20)).toBe(8);
    advance(1000);
    expect(usage.admit(fleet, ratingsList)).toBeUndefined();
  });
});

// #region quota-test
describe('the quota: requests per key per day (UTC)', () => {
  const acceptance = { value: 'key-acceptance', plan: 'sandbox' };

  it('admits exactly the limit in a day, counting only requests that got through', () => {
    const { usage, advance } = plansAt('2026-12-07T10:00:00Z');
    let through = 0;
    let quotaRefusals = 0;
    for (let second = 0; second < 60; second++) {
      for (let i = 0; i < 8; i++) {
        const refusal = usage.admit(acceptance, summary);
        if (refusal === undefined) through += 1;
        if (refusal === 'QUOTA_EXCEEDED') quotaRefusals += 1;
      }
      advance(1000);
    }
    expect(through).toBe(30);
    expect(quotaRefusals).toBeGreaterThan(0);
  });

  it('starts again at midnight UTC', () => {
    const { usage, advance, set } = plansAt('2026-12-07T23:50:00Z');
    for (let i = 0; i < 30; i++) {
      expect(usage.admit(acceptance, summary)).toBeUndefined();
      advance(1000);
    }
    expect(usage.admit(acceptance, summary)).toBe('QUOTA_EXCEEDED');
    set('2026-12-07T23:59:59.999Z');
    expect(usage.admit(acceptance, summary)).toBe('QUOTA_EXCEEDED');
    set('2026-12-08T00:00:00Z');
    expect(usage.admit(acceptance, summary)).toBeUndefined();
  });
});
// #endregion quota-test

describe('a quota offset', () => {
  it('takes requests off the first period only', () => {
    const plans: UsagePlan[] = [{ name: 'small', quota: { limit: 5, period: 'DAY', offset: 3 }, routeThrottles: {} }];
    const { usage, set } = plansAt('2026-12-07T10:00:00Z', plans);
    const key = { value: 'k', plan: 'small' };
    expect(admitted(usage, key, summary, 10)).toBe(2);
    set('2026-12-08T10:00:00Z');
    expect(admitted(usage, key, summary, 10)).toBe(5);
  });
});

it('fails loudly for a key whose plan serverless.yml does not have', () => {
  const { usage } = plansAt('2026-12-07T10:00:00Z');
  expect(() => usage.admit({ value: 'k', plan: 'gold' }, summary)).toThrow(/"gold" is not among the usage plans/);
});
