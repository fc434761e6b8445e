// The limit checks themselves (scripts/lib/limits.ts), on a hand-made template: a check that cannot fail proves nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Template } from '../../scripts/lib/cloudformation';
import { documentedTiers, limitProblems } from '../../scripts/lib/limits';

const origin = "'https://app.example'";
const limitResponse = (type: string, retryAfter: string | null = "'1'") => ({
  Type: 'AWS::ApiGateway::GatewayResponse',
  Properties: {
    ResponseType: type,
    StatusCode: '429',
    ResponseParameters: {
      'gatewayresponse.header.Content-Type': "'application/problem+json'",
      'gatewayresponse.header.Access-Control-Allow-Origin': origin,
      'gatewayresponse.header.Access-Control-Expose-Headers': "'Location, Retry-After, WWW-Authenticate'",
      ...(retryAfter ? { 'gatewayresponse.header.Retry-After': retryAfter } : {}),
    },
    ResponseTemplates: { 'application/json': '{"type":"x","title":"x","status":429,"detail":"x"}' },
  },
});

/** A usage plan resource as osls writes it, with serverless.yml's route throttles added. */
function plan(tier: keyof typeof documentedTiers) {
  const { rateLimit, burstLimit, quota, routes } = documentedTiers[tier]!;
  return {
    Type: 'AWS::ApiGateway::UsagePlan',
    Properties: {
      Throttle: { RateLimit: rateLimit, BurstLimit: burstLimit },
      Quota: { Limit: quota.limit, Period: quota.period },
      ApiStages: [{ ApiId: { Ref: 'Api' }, Stage: 'dev', Throttle: Object.fromEntries(Object.entries(routes).map(([route, r]) => [route, { RateLimit: r.rateLimit, BurstLimit: r.burstLimit }])) }],
    },
  };
}

function goodTemplate(): Template & { Resources: Record<string, any> } {
  return {
    Resources: {
      ApiGatewayUsagePlanPro: plan('pro'),
      ApiGatewayUsagePlanFree: plan('free'),
      ApiGatewayUsagePlanSandbox: plan('sandbox'),
      Throttled: limitResponse('THROTTLED'),
      Quota: limitResponse('QUOTA_EXCEEDED', "'3600'"),
      Table: { Type: 'AWS::DynamoDB::Table', Properties: { TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } } },
    },
  };
}

describe('limitProblems', () => {
  it('finds nothing wrong in a template that keeps every rule', () => {
    assert.deepEqual(limitProblems(goodTemplate()), []);
  });

  it('finds a tier whose throttle or quota differs from the documented one', () => {
    const template = goodTemplate();
    template.Resources.ApiGatewayUsagePlanFree.Properties.Throttle.RateLimit = 50;
    template.Resources.ApiGatewayUsagePlanPro.Properties.Quota.Period = 'MONTH';
    assert.deepEqual(limitProblems(template), [
      'ApiGatewayUsagePlanPro: quota 100000 a MONTH; documented 100000 a DAY',
      'ApiGatewayUsagePlanFree: throttle 50/s, burst 10; documented 5/s, burst 10',
    ]);
  });

  it('finds a missing tier, and a plan without its route throttle', () => {
    const template = goodTemplate();
    delete template.Resources.ApiGatewayUsagePlanSandbox;
    template.Resources.ApiGatewayUsagePlanPro.Properties.ApiStages[0].Throttle = {};
    assert.deepEqual(limitProblems(template), [
      'usage plans for free, pro, not free, pro, sandbox',
      'ApiGatewayUsagePlanPro: route throttles {}; documented {"/drivers/{driverId}/ratings/GET":{"rateLimit":10,"burstLimit":20}}',
    ]);
  });

  it('finds a 429 answer without Retry-After, or not a problem document, or missing', () => {
    const template = goodTemplate();
    template.Resources.Throttled = limitResponse('THROTTLED', null);
    template.Resources.Quota.Properties.ResponseTemplates['application/json'] = '{"message":"Limit Exceeded"}';
    assert.deepEqual(limitProblems(template), [
      'THROTTLED: no Retry-After in seconds',
      'QUOTA_EXCEEDED: not a problem document',
      'QUOTA_EXCEEDED: its body says status undefined',
    ]);
    delete template.Resources.Throttled;
    assert.ok(limitProblems(template).includes('THROTTLED: no gateway response'));
  });

  it('finds a table whose items never expire', () => {
    const template = goodTemplate();
    delete template.Resources.Table.Properties.TimeToLiveSpecification;
    assert.deepEqual(limitProblems(template), ["Table: no time to live, so the riders' daily counts are kept for ever"]);
  });
});
