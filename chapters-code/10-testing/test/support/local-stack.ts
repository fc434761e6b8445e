/**
 * The real local stack (`npm run dev`, the same command readers use) for tests.
 * As Jest's global setup it starts one stack for all the tests that talk HTTP, on a
 * free port, and shares its URL through API_URL; given API_URL, it starts none and
 * the tests run against that URL instead. A second stack, for the test that stops
 * its database on purpose, is shared through OUTAGE_API_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const chapterFolder = resolve(__dirname, '../..');
// Generous: on a busy two-core machine the three processes take a while to start.
const readyTimeoutMs = 120_000;

export interface RunningStack {
  url: string;
  /** The DynamoDB Local process, as `npm run dev` reports it. */
  databasePid: number;
  stop(): Promise<void>;
}

declare global {
  // Handed from setup to teardown, which Jest runs in the same process.
  var localStack: RunningStack | undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolvePort(address.port) : reject()));
    });
  });
}

/** Stops the whole process group: npm, the dev script and everything it started. */
function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return done();
    const pid = child.pid;
    const force = setTimeout(() => {
      try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    try { process.kill(-pid, 'SIGTERM'); } catch { done(); }
  });
}

export async function startStack(): Promise<RunningStack> {
  const port = await freePort();
  // detached: the stack gets its own process group, so stop() can end all of it.
  const child = spawn('npm', ['run', 'dev'], {
    cwd: chapterFolder,
    detached: true,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error('the local stack was not ready in time')), readyTimeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`ready at http://localhost:${port}`)) {
          clearTimeout(timer);
          ready();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => fail(new Error(`npm run dev exited early with code ${code}`)));
    });
  } catch (error) {
    await stopGroup(child);
    throw new Error(`${(error as Error).message}\n--- output of npm run dev ---\n${output}`);
  }
  // Keep reading, or a full pipe would block the stack's logging.
  child.stdout?.resume();
  child.stderr?.resume();
  const databasePid = Number(/DynamoDB Local at \S+ \(process (\d+)\)/.exec(output)?.[1]);
  return { url: `http://localhost:${port}`, databasePid, stop: () => stopGroup(child) };
}

declare global {
  var outageStack: RunningStack | undefined;
}

/** Jest passes each project's config to its global setup; its name says which suite runs. */
type ProjectConfig = { displayName?: string | { name?: string } };

/**
 * Jest global setup. Starts the shared stack, unless API_URL names one already (from
 * outside, or from the setup of a project that ran before). For the integration
 * tests it also starts, alongside, the stack whose database one test stops on
 * purpose: starting both at once takes less time than one after the other.
 */
export default async function startLocalStacks(_globalConfig: unknown, projectConfig: ProjectConfig = {}): Promise<void> {
  const name = typeof projectConfig.displayName === 'string' ? projectConfig.displayName : projectConfig.displayName?.name;
  const shared = process.env.API_URL ? undefined : startStack();
  const outage = name === 'integration' && !process.env.OUTAGE_API_URL ? startStack() : undefined;
  const [sharedResult, outageResult] = await Promise.allSettled([shared, outage]);
  if (sharedResult.status === 'fulfilled' && sharedResult.value) {
    globalThis.localStack = sharedResult.value;
    process.env.API_URL = sharedResult.value.url;
  }
  if (outageResult.status === 'fulfilled' && outageResult.value) {
    globalThis.outageStack = outageResult.value;
    process.env.OUTAGE_API_URL = outageResult.value.url;
    process.env.OUTAGE_DATABASE_PID = String(outageResult.value.databasePid);
  }
  const failure = [sharedResult, outageResult].find((result) => result.status === 'rejected');
  if (failure) {
    await stopLocalStack();
    throw (failure as PromiseRejectedResult).reason;
  }
}

export async function stopLocalStack(): Promise<void> {
  await Promise.all([globalThis.localStack?.stop(), globalThis.outageStack?.stop()]);
}
