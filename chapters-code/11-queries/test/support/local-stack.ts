/**
 * The real local stack (`npm run dev`, the same command readers use) for tests.
 * As Jest's global setup it starts one stack for all integration tests on a free
 * port and shares its URL through API_URL; given API_URL, it starts nothing and the
 * tests run against that URL instead. startStack() also serves tests that need a
 * stack of their own, such as one whose database they stop on purpose.
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

export default async function startLocalStack(): Promise<void> {
  if (process.env.API_URL) return;
  globalThis.localStack = await startStack();
  process.env.API_URL = globalThis.localStack.url;
}

export async function stopLocalStack(): Promise<void> {
  await globalThis.localStack?.stop();
}
