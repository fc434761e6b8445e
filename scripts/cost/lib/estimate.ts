/**
 * What a chapter costs, computed from its packaged template, the price table and the measured
 * units of each route: the idle cost per month (what bills while nobody calls) and the cost of a
 * million requests to each route. Free tiers are left out: they belong to an account, not to a
 * service, and the pages say what they cover.
 */
import { randomUUID } from 'node:crypto';
import type { Template } from '../../lib/cloudformation';
import { costOf, type PriceTable } from './prices';
import type { ChapterMeasurement } from '../measure';
import { functionsOf, ofType, resourceTypesOf, routesOf, type FunctionSettings } from './template';

export interface CostLine {
  what: string;
  usd: number;
}

export interface RouteCost {
  route: string;
  usdPerMillion: number;
  readUnits: number;
  writeUnits: number;
  lines: CostLine[];
}

export interface ChapterCost {
  chapter: string;
  prices: { region: string; read: string };
  idle: { usdPerMonth: number; lines: CostLine[] };
  routes: RouteCost[];
  /** Resource types the price table neither prices nor lists as free. Must be empty. */
  unpriced: string[];
  notes: string[];
}

export interface PackageFacts {
  chapter: string;
  template: Template;
  /** Bytes of what a deployment uploads to the deployment bucket: the zips and the template. */
  uploadedBytes: number;
}

/** Resource types this estimate prices itself; the price table lists the free ones. */
export const pricedTypes = new Set([
  'AWS::Lambda::Function',
  'AWS::Logs::LogGroup',
  'AWS::ApiGateway::RestApi',
  'AWS::DynamoDB::Table',
  'AWS::S3::Bucket',
  'AWS::CloudWatch::Alarm',
  'AWS::CloudWatch::Dashboard',
  'AWS::SSM::Parameter',
]);

const GB = 2 ** 30;
const million = 1_000_000;

/**
 * The lines Lambda itself writes to a function's log for every invocation (text format), with a
 * real-length request id and typical figures: about 230 bytes, whatever the function logs.
 */
export function platformLogBytes(memoryMb: number): number {
  const id = randomUUID();
  const lines = [
    `START RequestId: ${id} Version: $LATEST`,
    `END RequestId: ${id}`,
    `REPORT RequestId: ${id}\tDuration: 48.17 ms\tBilled Duration: 49 ms\tMemory Size: ${memoryMb} MB\tMax Memory Used: 92 MB\t`,
  ];
  return lines.reduce((total, line) => total + Buffer.byteLength(`${line}\n`), 0);
}

/** One invocation of a function: requests, duration and its log, as separate lines. */
function invocationLines(prices: PriceTable, fn: FunctionSettings, appLogBytes: number, label: string): CostLine[] {
  if (fn.architecture !== 'arm64') throw new Error(`${fn.logicalId} runs on ${fn.architecture}: the price table prices arm64 only`);
  const seconds = prices.assumptions.lambdaBilledMsPerInvocation.value / 1000;
  const logGb = ((platformLogBytes(fn.memoryMb) + appLogBytes) * million) / GB;
  // Logs stay stored for their retention period (a month at most counts towards one month).
  const storedMonths = Math.min(fn.logRetentionDays ?? 30, 30) / 30;
  return [
    { what: `${label}: Lambda requests`, usd: costOf(prices, 'lambda-requests', million) },
    { what: `${label}: Lambda duration (${fn.memoryMb} MB × ${seconds * 1000} ms)`, usd: costOf(prices, 'lambda-arm64-gb-second', (fn.memoryMb / 1024) * seconds * million) },
    { what: `${label}: log ingestion`, usd: costOf(prices, 'logs-ingestion', logGb) },
    { what: `${label}: log storage`, usd: costOf(prices, 'logs-storage', logGb * storedMonths) },
  ];
}

const total = (lines: CostLine[]) => lines.reduce((sum, line) => sum + line.usd, 0);

export function estimateChapter(facts: PackageFacts, prices: PriceTable, measured: ChapterMeasurement): ChapterCost {
  const { template } = facts;
  const notes: string[] = [];
  const unpriced = [...resourceTypesOf(template).keys()].filter((type) => !pricedTypes.has(type) && !(type in prices.free)).sort();

  // Idle: what bills by the month.
  const idle: CostLine[] = [];
  const kept = prices.assumptions.deploymentsKeptInBucket.value;
  if (ofType(template, 'AWS::S3::Bucket').length > 0) {
    idle.push({ what: `deployment bucket: ${(facts.uploadedBytes / 1024).toFixed(0)} KB of zips and template`, usd: costOf(prices, 's3-standard-storage', (facts.uploadedBytes * kept) / GB) });
  }
  for (const [logicalId, alarm] of ofType(template, 'AWS::CloudWatch::Alarm')) {
    idle.push({ what: `alarm ${logicalId}`, usd: costOf(prices, 'cloudwatch-alarm', 1) });
    void alarm;
  }
  for (const [logicalId] of ofType(template, 'AWS::CloudWatch::Dashboard')) {
    idle.push({ what: `dashboard ${logicalId}`, usd: costOf(prices, 'cloudwatch-dashboard', 1) });
  }
  for (const [logicalId, table] of ofType(template, 'AWS::DynamoDB::Table')) {
    if (table.Properties.BillingMode !== 'PAY_PER_REQUEST') throw new Error(`${logicalId} is not on-demand: the price table prices on-demand tables only`);
    const pitr = table.Properties.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled === true;
    idle.push({ what: `table ${table.Properties.TableName ?? logicalId}: empty, on-demand${pitr ? ', point-in-time recovery' : ''}`, usd: 0 });
    notes.push(`Stored data: USD ${prices.prices['dynamodb-storage']!.usd} per GB-month beyond the free 25 GB${pitr ? `, plus USD ${prices.prices['dynamodb-point-in-time-recovery']!.usd} per GB-month for point-in-time recovery` : ''}.`);
  }
  for (const [logicalId, parameter] of ofType(template, 'AWS::SSM::Parameter')) {
    const advanced = parameter.Properties.Tier === 'Advanced';
    idle.push({ what: `parameter ${logicalId}${advanced ? ' (advanced)' : ''}`, usd: costOf(prices, advanced ? 'ssm-advanced-parameter' : 'ssm-standard-parameter', 1) });
  }
  const functions = functionsOf(template);
  const parameters = new Set([...functions.values()].flatMap((fn) => Object.entries(fn.environment).filter(([name]) => name.endsWith('_PARAMETER')).map(([, value]) => value)));
  for (const name of parameters) {
    idle.push({ what: `parameter ${name} (standard, made by you, not by the template)`, usd: costOf(prices, 'ssm-standard-parameter', 1) });
  }
  if (parameters.size > 0) {
    notes.push(`Each cold start reads its parameters once: a KMS request for a SecureString, USD ${prices.prices['kms-requests']!.usd} per 10,000 beyond the free 20,000 a month.`);
  }

  // Per route: a million requests.
  const routes: RouteCost[] = [];
  const templateRoutes = routesOf(template);
  if (templateRoutes.length === 0) {
    for (const [logicalId, fn] of functions) {
      const name = `invoke ${logicalId.replace(/LambdaFunction$/, '')}`;
      const measurement = measured.routes[name];
      if (!measurement) throw new Error(`${facts.chapter}: no measurement for ${name}; run tsx scripts/cost/measure.ts --only ${facts.chapter}`);
      const lines = invocationLines(prices, fn, measurement.logBytes, 'function');
      routes.push({ route: name, usdPerMillion: total(lines), readUnits: 0, writeUnits: 0, lines });
    }
  }
  for (const route of templateRoutes) {
    const measurement = measured.routes[route.route];
    if (!measurement) throw new Error(`${facts.chapter}: no measurement for ${route.route}; run tsx scripts/cost/measure.ts --only ${facts.chapter}`);
    const lines: CostLine[] = [{ what: 'API Gateway REST API calls', usd: costOf(prices, 'apigateway-rest-requests', million) }];
    lines.push(...invocationLines(prices, functions.get(route.function)!, measurement.logBytes, 'function'));
    if (route.authorizer) {
      // Its answer is cached per token for a while; a ride token is used for one rating, so count
      // one call per request: exact for ratings, an upper bound for the rest.
      lines.push(...invocationLines(prices, functions.get(route.authorizer)!, 0, 'authorizer'));
    }
    lines.push(
      { what: `DynamoDB reads (${measurement.readUnits} units)`, usd: costOf(prices, 'dynamodb-on-demand-read-units', measurement.readUnits * million) },
      { what: `DynamoDB writes (${measurement.writeUnits} units)`, usd: costOf(prices, 'dynamodb-on-demand-write-units', measurement.writeUnits * million) },
    );
    routes.push({ route: route.route, usdPerMillion: total(lines), readUnits: measurement.readUnits, writeUnits: measurement.writeUnits, lines });
  }
  if (templateRoutes.some((route) => route.authorizer)) {
    notes.push('Routes behind the Lambda authorizer count one authorizer call per request: exact for ratings (a ride token rates once), an upper bound for the others, whose tokens API Gateway caches.');
  }

  return {
    chapter: facts.chapter,
    prices: { region: prices.region, read: prices.read },
    idle: { usdPerMonth: total(idle), lines: idle },
    routes,
    unpriced,
    notes,
  };
}
