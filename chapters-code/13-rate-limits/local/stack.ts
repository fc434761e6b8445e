/**
 * The local stack: DynamoDB Local holding the tables of serverless.yml, serverless-offline
 * running the functions, and in front of it the stand-in for API Gateway: its own answers, and
 * what it checks before a function runs (API keys, the authorizer, CORS preflights).
 * `npm run dev` starts one (local/dev.ts), and the tests start theirs with the same function
 * (test/support/local-stack.ts), so the tests always run what you run.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { constants } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { publicKeySet } from './dev-keys';
import { createTables, startDynamoDbLocal, waitUntilAnswering } from './dynamodb-local';
import { frontDoorFor, invokeThroughOffline, type PartnerKey, type ServiceConfig } from './front-door';
import { startLocalGateway } from './gateway';
import { freePorts } from './ports';

export interface RunningStack {
  url: string;
  /** The DynamoDB Local process: a test stops it to see how the API copes. */
  databasePid: number;
  /** The partner keys this stack accepts in x-api-key. */
  partnerKeys: PartnerKey[];
  stop(): Promise<void>;
}

const serverlessCli = require.resolve('serverless/bin/serverless.js');
// The Serverless CLI works on the serverless.yml of the folder it runs in: this chapter's.
const chapterFolder = join(__dirname, '..');
// The stacks this process has started and not stopped yet, with their processes.
const running = new Map<RunningStack, ChildProcess[]>();
// If this process dies of an unexpected error, those processes go with it.
process.on('exit', () => running.forEach((processes) => processes.forEach((child) => child.kill('SIGKILL'))));

type Resources = Record<string, { Type: string; Properties: any }>;

// #region read-resources
/**
 * serverless.yml, every variable resolved by the Serverless CLI itself, as a deployment
 * resolves them: serverless.yml stays the one definition of the tables, the gateway responses,
 * the routes and who may call them, in AWS and on your laptop.
 */
async function printService(): Promise<ServiceConfig & { resources?: { Resources?: Resources } }> {
  const print = [serverlessCli, 'print', '--format', 'json'];
  const { stdout } = await promisify(execFile)(process.execPath, print, { cwd: chapterFolder, maxBuffer: 10 * 1024 * 1024 });
  return JSON.parse(stdout.slice(stdout.indexOf('{')));
}
// #endregion read-resources

// Read once per process: two stacks started together (the tests do) share one reading.
let service: ReturnType<typeof printService> | undefined;
export const readService = () => (service ??= printService());
export const readResources = async (): Promise<Resources> => (await readService()).resources?.Resources ?? {};

/** Passes each line a process prints to `log`; resolves at the first line with `readyText`. */
function readyLine(child: ChildProcess, name: string, readyText: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        log(`[${name}] ${line}`);
        if (line.includes(readyText)) resolve();
      });
    }
    child.once('exit', (code) => reject(new Error(`${name} stopped unexpectedly (exit code ${code}).`)));
  });
}

/** Stops a process politely (SIGTERM), then forcefully after three seconds. */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => resolve(clearTimeout(force)));
    child.kill('SIGTERM');
  });
}

/** Starts a stack with its API on `port`; `log` gets every line its processes print. */
export async function startLocalStack(port: number, log: (line: string) => void = () => {}): Promise<RunningStack> {
  const [dynamoDbPort, offlinePort, lambdaPort, websocketPort] = await freePorts(
    ['DynamoDB Local', 'serverless-offline', 'Lambda invoke', 'WebSocket'],
    [port],
  );
  const dynamoDbEndpoint = `http://127.0.0.1:${dynamoDbPort}`;
  // This stack's own build folder (see custom.esbuild in serverless.yml), under the git-ignored .build/.
  const buildFolder = `.build/dev-${process.pid}-${port}`;
  const processes: ChildProcess[] = [];
  let gateway: Server | undefined;
  const stack: RunningStack = {
    url: `http://localhost:${port}`,
    databasePid: 0,
    partnerKeys: [],
    async stop() {
      if (!running.delete(stack)) return;
      gateway?.close();
      gateway?.closeAllConnections();
      await Promise.all(processes.map(stopProcess));
      rmSync(join(chapterFolder, buildFolder), { recursive: true, force: true });
    },
  };
  running.set(stack, processes);
  try {
    // #region start-api
    const offline = spawn(
      process.execPath,
      [
        serverlessCli, 'offline', 'start',
        '--httpPort', String(offlinePort),
        '--lambdaPort', String(lambdaPort),
        '--websocketPort', String(websocketPort),
        // One loaded copy of each handler serves every request. By default each
        // concurrent request gets a worker thread that loads the handler afresh, and a
        // burst of them (the concurrency tests send 20 at once) outlasts the timeout.
        '--useInProcess',
        // The local gateway checks API keys and runs the authorizer, as API Gateway does;
        // serverless-offline's own checks differ from AWS's (see local/front-door.ts).
        '--noAuth',
        // CORS too is the gateway's: it answers preflights and drops the Origin header. Left to
        // allow every origin ("*", its default), serverless-offline would overwrite the CORS
        // headers of the functions' answers even so; one origin that no request names
        // (.invalid is reserved) keeps it from touching them, as API Gateway does not.
        '--corsAllowOrigin', 'https://no-request-has-this-origin.invalid',
        // In AWS each concurrent request gets a Lambda instance of its own; here one
        // process and one DynamoDB Local serve them all, so a burst (the 200 concurrent
        // ratings of the tests) queues up, and on a busy laptop some would outlast the
        // function's 10-second timeout. Locally, the queue is not what we measure.
        '--noTimeout',
      ],
      {
        cwd: chapterFolder,
        // serverless-offline hands AWS_* variables to the handlers: the SDK sends DynamoDB
        // calls to the local endpoint, signed with placeholder credentials.
        env: {
          ...process.env,
          AWS_ENDPOINT_URL_DYNAMODB: dynamoDbEndpoint,
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          ESBUILD_WORK_FOLDER: buildFolder,
          // A fixed key for signing cursors, for local use only; AWS reads one from SSM.
          CURSOR_SECRET: 'local-development-cursor-secret',
          // The public half of the development key pair that `npm run token` signs with.
          TOKEN_PUBLIC_KEYS: await publicKeySet(),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // #endregion start-api
    processes.push(offline);

    // #region start-database
    const java = startDynamoDbLocal(dynamoDbPort);
    processes.push(java);
    // The slow steps run side by side: Java starting, the CLI reading serverless.yml, and
    // serverless-offline bundling the handlers.
    const [config] = await Promise.all([
      readService(),
      waitUntilAnswering(dynamoDbEndpoint, java),
      readyLine(offline, 'offline', 'Server ready', log),
    ]);
    const serviceResources = config.resources?.Resources ?? {};
    const tables = await createTables(dynamoDbEndpoint, serviceResources);
    // The process id lets you, or a test, stop the database alone, to see how the API copes.
    log(`DynamoDB Local at ${dynamoDbEndpoint} (process ${java.pid}) with tables: ${tables.join(', ')}`);
    // #endregion start-database

    const gatewayResponses = Object.values(serviceResources)
      .filter((resource) => resource.Type === 'AWS::ApiGateway::GatewayResponse')
      .map((resource) => resource.Properties);
    const door = frontDoorFor(config, invokeThroughOffline(lambdaPort));
    gateway = await startLocalGateway(port, offlinePort, gatewayResponses, door);
    stack.databasePid = java.pid!;
    stack.partnerKeys = door.keys;
    return stack;
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

let handlingSignals = false;

// #region stop-on-signals
/**
 * Ctrl-C in a terminal sends SIGINT to every process in its foreground process group: this
 * one and the stack's own, which are its children. A SIGTERM (from `kill`, or a CI runner's
 * timeout) reaches this process alone. Either way: stop every stack this process started, then
 * exit, with `exitCode` or the shell's convention for a signal (130 for SIGINT, 143 for SIGTERM).
 */
export function stopStacksOnSignals(exitCode?: number): void {
  if (handlingSignals) return;
  handlingSignals = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.all([...running.keys()].map((stack) => stack.stop())).finally(() => {
        process.exit(exitCode ?? 128 + constants.signals[signal]);
      });
    });
  }
}
// #endregion stop-on-signals
