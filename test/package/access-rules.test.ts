// The access checks themselves (scripts/lib/access.ts), on a hand-made template: a check that cannot fail proves nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { accessProblems } from '../../scripts/lib/access';
import type { Template } from '../../scripts/lib/cloudformation';

const origin = "'https://app.example'";
const headers = (extra: Record<string, string> = {}) => ({
  'gatewayresponse.header.Content-Type': "'application/problem+json'",
  'gatewayresponse.header.Access-Control-Allow-Origin': origin,
  'gatewayresponse.header.Access-Control-Expose-Headers': "'Location, Retry-After, WWW-Authenticate'",
  ...extra,
});
const response = (type: string, status?: number, extra?: Record<string, string>) => ({
  Type: 'AWS::ApiGateway::GatewayResponse',
  Properties: {
    ResponseType: type,
    ...(status ? { StatusCode: String(status) } : {}),
    ResponseParameters: headers(extra),
    ResponseTemplates: { 'application/json': JSON.stringify({ type: 'x', title: 'x', ...(status ? { status } : {}), detail: 'x' }) },
  },
});

/** A template that keeps every rule: one read, one write, two keys in a plan, the gateway responses. */
function goodTemplate(): Template & { Resources: Record<string, any> } {
  return {
    Resources: {
      Read: { Type: 'AWS::ApiGateway::Method', Properties: { HttpMethod: 'GET', ApiKeyRequired: true, AuthorizationType: 'NONE' } },
      Write: { Type: 'AWS::ApiGateway::Method', Properties: { HttpMethod: 'POST', AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'Auth' } } },
      Preflight: {
        Type: 'AWS::ApiGateway::Method',
        Properties: { HttpMethod: 'OPTIONS', Integration: { IntegrationResponses: [{ ResponseParameters: { 'method.response.header.Access-Control-Allow-Origin': origin } }] } },
      },
      Auth: {
        Type: 'AWS::ApiGateway::Authorizer',
        Properties: { Type: 'TOKEN', AuthorizerResultTtlInSeconds: 300, AuthorizerUri: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['AuthorizerLambdaFunction', 'Arn'] }]] } },
      },
      AuthorizerLambdaFunction: { Type: 'AWS::Lambda::Function', Properties: { Role: { 'Fn::GetAtt': ['AuthRole', 'Arn'] } } },
      AuthRole: {
        Type: 'AWS::IAM::Role',
        Properties: { Policies: [{ PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: 'arn:aws:ssm:us-east-1:1:parameter/x' }] } }] },
      },
      KeyA: { Type: 'AWS::ApiGateway::ApiKey', Properties: { Name: 'a' } },
      KeyB: { Type: 'AWS::ApiGateway::ApiKey', Properties: { Name: 'b' } },
      Plan: { Type: 'AWS::ApiGateway::UsagePlan', Properties: {} },
      PlanKeyA: { Type: 'AWS::ApiGateway::UsagePlanKey', Properties: { KeyId: { Ref: 'KeyA' }, UsagePlanId: { Ref: 'Plan' } } },
      PlanKeyB: { Type: 'AWS::ApiGateway::UsagePlanKey', Properties: { KeyId: { Ref: 'KeyB' }, UsagePlanId: { Ref: 'Plan' } } },
      R1: response('MISSING_AUTHENTICATION_TOKEN', 404),
      R2: response('INVALID_API_KEY', 403),
      R3: response('UNAUTHORIZED', 401, { 'gatewayresponse.header.WWW-Authenticate': "'Bearer'" }),
      R4: response('ACCESS_DENIED', 403),
      R5: response('AUTHORIZER_FAILURE', 503, { 'gatewayresponse.header.Retry-After': "'1'" }),
      R6: response('DEFAULT_4XX'),
      R7: response('DEFAULT_5XX'),
    },
  };
}

describe('accessProblems', () => {
  it('finds nothing wrong in a template that keeps every rule', () => {
    assert.deepEqual(accessProblems(goodTemplate()), []);
  });

  it('finds a read route without a key, and a write route without the authorizer or with no cache', () => {
    const open = goodTemplate();
    open.Resources.Read.Properties.ApiKeyRequired = false;
    open.Resources.Write.Properties = { HttpMethod: 'POST', AuthorizationType: 'NONE' };
    assert.deepEqual(accessProblems(open), ['Read: a read route that does not require an API key', 'Write: a write route without the Lambda authorizer']);
    const uncached = goodTemplate();
    uncached.Resources.Auth.Properties.AuthorizerResultTtlInSeconds = 0;
    assert.deepEqual(accessProblems(uncached), ['Write: its authorizer caches nothing (TTL 0)']);
  });

  it('finds a key in no plan, a key value in the template, and a plan key naming a missing key', () => {
    const template = goodTemplate();
    delete template.Resources.PlanKeyB;
    template.Resources.KeyA.Properties.Value = 'committed-secret-value';
    template.Resources.Stray = { Type: 'AWS::ApiGateway::UsagePlanKey', Properties: { KeyId: { Ref: 'ApiGatewayApiKey1' }, UsagePlanId: { Ref: 'Plan' } } };
    assert.deepEqual(accessProblems(template), [
      'KeyA: a key value in the template (let AWS make it)',
      'KeyB: an API key in no usage plan',
      'Stray: names a key that is not in the template',
    ]);
  });

  it("finds table access in the authorizer's role", () => {
    const template = goodTemplate();
    template.Resources.AuthRole.Properties.Policies[0].PolicyDocument.Statement[0].Action.push('dynamodb:GetItem');
    assert.deepEqual(accessProblems(template), ['Auth: its function may call dynamodb:GetItem']);
  });

  it('finds gateway responses that a browser cannot read, or that are not problem documents', () => {
    const template = goodTemplate();
    delete template.Resources.R2;
    template.Resources.R3.Properties.ResponseParameters = headers();
    template.Resources.R4.Properties.ResponseParameters['gatewayresponse.header.Access-Control-Allow-Origin'] = "'*'";
    template.Resources.R5.Properties.StatusCode = '500';
    template.Resources.R6.Properties.ResponseTemplates = { 'application/json': '{"message":$context.error.messageString}' };
    template.Resources.Preflight.Properties.Integration.IntegrationResponses[0].ResponseParameters['method.response.header.Access-Control-Allow-Origin'] = "'https://other.example'";
    assert.deepEqual(accessProblems(template), [
      'INVALID_API_KEY: no gateway response',
      'ACCESS_DENIED: Access-Control-Allow-Origin is *',
      'AUTHORIZER_FAILURE: answers 500, not 503',
      'DEFAULT_4XX: not a problem document',
      'UNAUTHORIZED: no WWW-Authenticate: Bearer',
      'more than one allowed origin: https://other.example, https://app.example',
    ]);
  });
});
