/**
 * The usage plans of serverless.yml, enforced on the laptop. serverless-offline enforces no
 * throttle and no quota, so the local gateway does, from the same values that API Gateway
 * gets: each tier's throttle and quota (provider.apiGateway.usagePlan) and the per-route
 * throttles that serverless.yml adds to the plans (resources.extensions). This is the book's
 * imitation of AWS, not AWS: it is exact where AWS is best effort, and where AWS does not say
 * (which check comes first), it picks one and says so.
 */

export interface Throttle {
  /** Requests a second that refill the bucket. */
  rateLimit: number;
  /** The bucket's size: how many requests may arrive at once. */
  burstLimit: number;
}

export interface Quota {
  limit: number;
  period: 'DAY' | 'WEEK' | 'MONTH';
  /** Requests taken off the limit in the plan's first period only. */
  offset?: number;
}

export interface UsagePlan {
  name: string;
  throttle?: Throttle;
  quota?: Quota;
  /** Tighter throttles for single routes, by "<path>/<METHOD>", as API Gateway names them. */
  routeThrottles: Record<string, Throttle>;
}

interface PlanSettings {
  throttle?: Throttle;
  quota?: Quota;
}

/** The parts of `serverless print` this file reads. */
export interface ServiceWithPlans {
  provider: { apiGateway?: { usagePlan?: Array<Record<string, PlanSettings>> | PlanSettings } };
  resources?: { extensions?: Record<string, { Properties?: { ApiStages?: Array<{ Throttle?: Record<string, { RateLimit: number; BurstLimit: number }> }> } }> };
}

/** The name osls gives a plan's resource: ApiGatewayUsagePlan and the plan's name, capitalised. */
const planResourceName = (plan: string) => `ApiGatewayUsagePlan${plan.charAt(0).toUpperCase()}${plan.slice(1)}`;

/** The usage plans of serverless.yml (`serverless print`), with the route throttles added to each. */
export function usagePlansOf(config: ServiceWithPlans): UsagePlan[] {
  const declared = config.provider.apiGateway?.usagePlan;
  if (declared === undefined) return [];
  if (!Array.isArray(declared)) throw new Error('local/usage-plans.ts expects named usage plans: usagePlan: - <plan>: { throttle, quota }');
  return declared.flatMap((entry) =>
    Object.entries(entry).map(([name, settings]) => {
      const routeThrottles: Record<string, Throttle> = {};
      for (const stage of config.resources?.extensions?.[planResourceName(name)]?.Properties?.ApiStages ?? []) {
        for (const [route, { RateLimit, BurstLimit }] of Object.entries(stage.Throttle ?? {})) {
          routeThrottles[route] = { rateLimit: RateLimit, burstLimit: BurstLimit };
        }
      }
      if (settings?.quota && !['DAY', 'MONTH'].includes(settings.quota.period)) {
        // A week's start is not documented; rather than guess, the imitation refuses it.
        throw new Error(`local/usage-plans.ts imitates DAY and MONTH quotas, not ${settings.quota.period} (plan ${name})`);
      }
      return { name, throttle: settings?.throttle, quota: settings?.quota, routeThrottles };
    }),
  );
}

// #region token-bucket
/**
 * A token bucket: it holds up to `burstLimit` tokens and gains `rateLimit` a second. A
 * request takes one token; with none left, it is refused. So a client may send a burst of
 * `burstLimit` requests at once, then `rateLimit` a second for as long as it likes.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly throttle: Throttle,
    now: number,
  ) {
    this.tokens = throttle.burstLimit;
    this.refilledAt = now;
  }

  /** Tops the bucket up for the time since the last look; true if a token is there to take. */
  hasToken(now: number): boolean {
    const refill = ((now - this.refilledAt) / 1000) * this.throttle.rateLimit;
    this.tokens = Math.min(this.throttle.burstLimit, this.tokens + refill);
    this.refilledAt = now;
    return this.tokens >= 1;
  }

  take(): void {
    this.tokens -= 1;
  }
}
// #endregion token-bucket

/** When the quota period that `now` falls in started: midnight UTC, or the first of the month. */
function periodStart(period: Quota['period'], now: number): number {
  const day = new Date(now);
  return period === 'DAY'
    ? Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate())
    : Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1);
}

export type UsageRefusal = 'THROTTLED' | 'QUOTA_EXCEEDED';

// #region local-usage-plans
/**
 * Each key's buckets and quota count. A request to a route with a throttle of its own takes
 * a token from the route's bucket and from the plan's: both limits hold. Then the quota: a
 * request over it is refused, and only admitted requests count. API Gateway does not document
 * whether it checks the throttle or the quota first; this imitation checks the throttle first.
 */
export class LocalUsagePlans {
  private readonly plans: Map<string, UsagePlan>;
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly counts = new Map<string, { periodStart: number; used: number }>();
  /** When the stack started: a quota's offset applies to its first period only. */
  private readonly startedAt: number;

  constructor(
    plans: UsagePlan[],
    private readonly now: () => number = Date.now,
  ) {
    this.plans = new Map(plans.map((plan) => [plan.name, plan]));
    this.startedAt = now();
  }

  /** Undefined if the request may go on; else why API Gateway would turn it away. */
  admit(key: { value: string; plan: string }, route: { method: string; path: string }): UsageRefusal | undefined {
    const plan = this.plans.get(key.plan);
    // API Gateway refuses a key in no plan with 403; the key check before this one already has.
    if (!plan) throw new Error(`The key's plan "${key.plan}" is not among the usage plans of serverless.yml`);
    const now = this.now();
    const routeName = `${route.path}/${route.method}`;
    const routeThrottle = plan.routeThrottles[routeName];
    const buckets = [
      plan.throttle && this.bucket(`${key.value} ${plan.name}`, plan.throttle, now),
      routeThrottle && this.bucket(`${key.value} ${plan.name} ${routeName}`, routeThrottle, now),
    ].filter((bucket): bucket is TokenBucket => bucket !== undefined);
    // Look at every bucket first, so that a refused request takes no token from any of them.
    if (!buckets.map((bucket) => bucket.hasToken(now)).every(Boolean)) return 'THROTTLED';
    if (plan.quota) {
      const start = periodStart(plan.quota.period, now);
      const count = this.counts.get(key.value);
      const used = count && count.periodStart === start ? count.used : 0;
      const firstPeriod = start <= this.startedAt;
      const limit = plan.quota.limit - (firstPeriod ? (plan.quota.offset ?? 0) : 0);
      if (used >= limit) return 'QUOTA_EXCEEDED';
      this.counts.set(key.value, { periodStart: start, used: used + 1 });
    }
    buckets.forEach((bucket) => bucket.take());
    return undefined;
  }

  private bucket(name: string, throttle: Throttle, now: number): TokenBucket {
    let bucket = this.buckets.get(name);
    if (!bucket) this.buckets.set(name, (bucket = new TokenBucket(throttle, now)));
    return bucket;
  }
}
// #endregion local-usage-plans
