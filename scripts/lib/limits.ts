/**
 * What the book promises about limits from chapter 13 on, checked in a generated template: the
 * partner tiers are usage plans with the throttle, quota and per-route throttle that chapter 13
 * documents; API Gateway's two 429 answers are problem documents with Retry-After that a page
 * may read; and each rider's daily count expires (time to live). Used by
 * test/package/cloudformation.test.ts; its own tests are test/package/limit-rules.test.ts.
 */
import { fixedHeader, gatewayResponseProblems, gatewayResponses } from './access';
import { resourcesOfType, type Template } from './cloudformation';

export interface Tier {
  rateLimit: number;
  burstLimit: number;
  quota: { limit: number; period: 'DAY' | 'WEEK' | 'MONTH' };
  /** Per-route throttles inside the plan, by "<path>/<METHOD>". */
  routes: Record<string, { rateLimit: number; burstLimit: number }>;
}

/** The tiers as chapter 13 documents them (book/13-rate-limits.md, "The tiers"). */
export const documentedTiers: Record<string, Tier> = {
  pro: { rateLimit: 50, burstLimit: 100, quota: { limit: 100_000, period: 'DAY' }, routes: { '/drivers/{driverId}/ratings/GET': { rateLimit: 10, burstLimit: 20 } } },
  free: { rateLimit: 5, burstLimit: 10, quota: { limit: 1000, period: 'DAY' }, routes: { '/drivers/{driverId}/ratings/GET': { rateLimit: 1, burstLimit: 2 } } },
  sandbox: { rateLimit: 5, burstLimit: 10, quota: { limit: 30, period: 'DAY' }, routes: { '/drivers/{driverId}/ratings/GET': { rateLimit: 1, burstLimit: 2 } } },
};

/** API Gateway's answers to a key over its limits: both 429. */
export const limitGatewayResponses = { THROTTLED: 429, QUOTA_EXCEEDED: 429 } as const;

/** The tier a usage plan resource stands for, from the logical id osls gives it (ApiGatewayUsagePlanFree: free). */
const tierOf = (logicalId: string) => logicalId.replace(/^ApiGatewayUsagePlan/, '').toLowerCase();

/** Every way the template breaks the limit rules, as readable lines; none when it keeps them. */
export function limitProblems(template: Template, tiers: Record<string, Tier> = documentedTiers): string[] {
  const problems: string[] = [];
  const plans = resourcesOfType(template, 'AWS::ApiGateway::UsagePlan');
  const found = plans.map(([id]) => tierOf(id)).sort();
  if (found.join() !== Object.keys(tiers).sort().join()) problems.push(`usage plans for ${found.join(', ') || 'no tier'}, not ${Object.keys(tiers).sort().join(', ')}`);
  for (const [id, plan] of plans) {
    const tier = tiers[tierOf(id)];
    if (!tier) continue;
    const properties: Record<string, any> = plan.Properties ?? {};
    const throttle = { rateLimit: properties.Throttle?.RateLimit, burstLimit: properties.Throttle?.BurstLimit };
    if (throttle.rateLimit !== tier.rateLimit || throttle.burstLimit !== tier.burstLimit) {
      problems.push(`${id}: throttle ${throttle.rateLimit}/s, burst ${throttle.burstLimit}; documented ${tier.rateLimit}/s, burst ${tier.burstLimit}`);
    }
    const quota = { limit: properties.Quota?.Limit, period: properties.Quota?.Period };
    if (quota.limit !== tier.quota.limit || quota.period !== tier.quota.period) {
      problems.push(`${id}: quota ${quota.limit} a ${quota.period}; documented ${tier.quota.limit} a ${tier.quota.period}`);
    }
    const stages: Array<{ Throttle?: Record<string, { RateLimit?: number; BurstLimit?: number }> }> = properties.ApiStages ?? [];
    if (stages.length !== 1) problems.push(`${id}: ${stages.length} API stages, not the service's one`);
    const routes = Object.fromEntries(Object.entries(stages[0]?.Throttle ?? {}).map(([route, value]) => [route, { rateLimit: value.RateLimit, burstLimit: value.BurstLimit }]));
    if (JSON.stringify(routes) !== JSON.stringify(tier.routes)) problems.push(`${id}: route throttles ${JSON.stringify(routes)}; documented ${JSON.stringify(tier.routes)}`);
  }

  const origins = new Set<string>();
  const responses = gatewayResponses(template);
  for (const [type, status] of Object.entries(limitGatewayResponses)) {
    problems.push(...gatewayResponseProblems(responses, type, status, origins));
    const retryAfter = fixedHeader(responses.get(type)?.ResponseParameters, 'Retry-After');
    if (!(Number(retryAfter) > 0)) problems.push(`${type}: no Retry-After in seconds`);
  }

  const tables = resourcesOfType(template, 'AWS::DynamoDB::Table');
  for (const [id, table] of tables) {
    const ttl = table.Properties?.TimeToLiveSpecification as { Enabled?: boolean; AttributeName?: string } | undefined;
    if (ttl?.Enabled !== true || !ttl.AttributeName) problems.push(`${id}: no time to live, so the riders' daily counts are kept for ever`);
  }
  return problems;
}
