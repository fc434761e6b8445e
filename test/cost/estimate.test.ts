/**
 * The computed chapter costs: the arithmetic on a hand-made template, the price table's shape, and
 * every code chapter's real package (a resource type the price table does not know fails here).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Template } from '../../scripts/lib/cloudformation';
import { allChapterCosts, costedChapters } from '../../scripts/cost/lib/chapter-costs';
import { estimateChapter, platformLogBytes } from '../../scripts/cost/lib/estimate';
import type { ChapterMeasurement } from '../../scripts/cost/measure';
import { readPriceTable } from '../../scripts/cost/lib/prices';
import { codeChapters } from '../../scripts/lib/repo';

const prices = readPriceTable();
const lambdaUri = (fn: string) => ({ 'Fn::Join': ['', ['arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': [fn, 'Arn'] }, '/invocations']] });

/** One route, GET /things/{id}, served by one 512 MB function, and a table. */
function template(extra: Template['Resources'] = {}): Template {
  return {
    Resources: {
      ServerlessDeploymentBucket: { Type: 'AWS::S3::Bucket' },
      ReadLambdaFunction: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 's-dev-read', Handler: 'src/read.handler', MemorySize: 512, Architectures: ['arm64'] } },
      ReadLogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/aws/lambda/s-dev-read', RetentionInDays: 15 } },
      ApiGatewayRestApi: { Type: 'AWS::ApiGateway::RestApi' },
      ApiGatewayResourceThings: { Type: 'AWS::ApiGateway::Resource', Properties: { ParentId: { 'Fn::GetAtt': ['ApiGatewayRestApi', 'RootResourceId'] }, PathPart: 'things' } },
      ApiGatewayResourceThingsIdVar: { Type: 'AWS::ApiGateway::Resource', Properties: { ParentId: { Ref: 'ApiGatewayResourceThings' }, PathPart: '{id}' } },
      ApiGatewayMethodThingsIdVarGet: {
        Type: 'AWS::ApiGateway::Method',
        Properties: { HttpMethod: 'GET', ResourceId: { Ref: 'ApiGatewayResourceThingsIdVar' }, Integration: { Type: 'AWS_PROXY', Uri: lambdaUri('ReadLambdaFunction') } },
      },
      Table: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 's-dev-things', BillingMode: 'PAY_PER_REQUEST' } },
      ...extra,
    },
  };
}

const measured: ChapterMeasurement = {
  chapter: 'test',
  measuredOn: 'by hand',
  scenario: 'by hand',
  routes: { 'GET /things/{id}': { readUnits: 2, writeUnits: 4, logBytes: 1000, requests: [] } },
};

describe('estimateChapter', () => {
  it('adds up a million requests from the price table, the template and the measured units', () => {
    const cost = estimateChapter({ chapter: 'test', template: template(), uploadedBytes: 2 ** 30 }, prices, measured);
    assert.deepEqual(cost.routes.map((route) => route.route), ['GET /things/{id}']);
    const logGb = ((platformLogBytes(512) + 1000) * 1e6) / 2 ** 30;
    const expected =
      3.5 + // API Gateway
      0.2 + // Lambda requests
      0.5 * 0.05 * 1e6 * 0.0000133334 + // 512 MB for 50 ms
      logGb * 0.5 + // ingestion
      logGb * 0.03 * (15 / 30) + // stored for 15 days
      2 * 0.125 + // read units
      4 * 0.625; // write units
    assert.ok(Math.abs(cost.routes[0]!.usdPerMillion - expected) < 1e-9, `${cost.routes[0]!.usdPerMillion} ≠ ${expected}`);
    // A gigabyte of deployment for a month, and an empty on-demand table.
    assert.ok(Math.abs(cost.idle.usdPerMonth - 0.023) < 1e-12);
    assert.deepEqual(cost.unpriced, []);
  });

  it('names a resource type that the price table does not know', () => {
    const cost = estimateChapter({ chapter: 'test', template: template({ Queue: { Type: 'AWS::SQS::Queue' } }), uploadedBytes: 0 }, prices, measured);
    assert.deepEqual(cost.unpriced, ['AWS::SQS::Queue']);
  });

  it('bills alarms and dashboards while nobody calls', () => {
    const cost = estimateChapter(
      { chapter: 'test', template: template({ Errors: { Type: 'AWS::CloudWatch::Alarm' }, Board: { Type: 'AWS::CloudWatch::Dashboard' } }), uploadedBytes: 0 },
      prices,
      measured,
    );
    assert.ok(Math.abs(cost.idle.usdPerMonth - 3.1) < 1e-12);
  });

  it('refuses a route that has no measurement, rather than guess its units', () => {
    assert.throws(() => estimateChapter({ chapter: 'test', template: template(), uploadedBytes: 0 }, prices, { ...measured, routes: {} }), /no measurement for GET \/things\/\{id\}/);
  });

  it('refuses a provisioned table and an x86 function, which the table does not price', () => {
    const provisioned = template({ Table: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PROVISIONED' } } });
    assert.throws(() => estimateChapter({ chapter: 'test', template: provisioned, uploadedBytes: 0 }, prices, measured), /not on-demand/);
    const x86 = template({ ReadLambdaFunction: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 's-dev-read', Handler: 'h', MemorySize: 512 } } });
    assert.throws(() => estimateChapter({ chapter: 'test', template: x86, uploadedBytes: 0 }, prices, measured), /arm64 only/);
  });
});

describe('the price table', () => {
  it('has one region, the month it was read, and an AWS source and a confirmation for every price', () => {
    assert.equal(prices.region, 'us-east-1');
    assert.match(prices.read, /^\d{4}-\d\d$/);
    for (const [id, price] of Object.entries(prices.prices)) {
      assert.match(price.source, /^https:\/\/aws\.amazon\.com\//, id);
      assert.ok(price.checked.how === 'knowledge' || (price.checked.how === 'search' && price.checked.seen?.startsWith('https://')), id);
      assert.ok(price.usd >= 0 && price.per > 0, id);
    }
  });
});

describe('every code chapter', () => {
  it('has a measurement, so that the book shows its cost', () => {
    // A chapter still being written (the newest) may lack one until it is measured.
    const missing = codeChapters().filter((chapter) => !costedChapters().includes(chapter));
    assert.ok(missing.length <= 1, `no measurement for ${missing.join(', ')}: run npx tsx scripts/cost/measure.ts --only ${missing.join(',')}`);
  });

  it('holds only resource types that the price table prices or lists as free, and a measurement for every route', async () => {
    for (const cost of await allChapterCosts()) {
      assert.deepEqual(cost.unpriced, [], `${cost.chapter}: add these types to book/prices/ (free) or to scripts/cost/lib/estimate.ts (priced)`);
      assert.ok(cost.routes.length > 0, cost.chapter);
      for (const route of cost.routes) assert.ok(route.usdPerMillion > 0, `${cost.chapter} ${route.route}`);
    }
  });
});
