/**
 * The local stack: serverless-offline running the functions behind the routes of
 * serverless.yml. `npm run dev` starts one (local/dev.ts), and the tests start theirs with
 * the same function (test/support/local-stack.ts), so the tests always run what you run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePorts } from './ports';

export interface RunningStack {
  url: string;
  stop(): Promise<void>;
}

const serverlessCli = require.resolve('serverless/bin/serverless.js');
// The Serverless CLI works on the serverless.yml of the folder it runs in: this chapter's.
const chapterFolder = join(__dirname, '..');
// The stacks this process has started and not stopped yet, with their processes.
const running = new Map<RunningStack, ChildProcess[]>();
// If this process dies of an unexpected error, those processes go with it.
process.on('exit', () => running.forEach((processes) => processes.forEach((child) => child.kill('SIGKILL'))));

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
  // serverless-offline also opens a Lambda port and a WebSocket port; any free ones will do.
  const [lambdaPort, websocketPort] = await freePorts(['Lambda invoke', 'WebSocket'], [port]);
  // #region start-offline
  const offline = spawn(
    process.execPath,
    [
      serverlessCli, 'offline', 'start',
      '--httpPort', String(port),
      '--lambdaPort', String(lambdaPort),
      '--websocketPort', String(websocketPort),
    ],
    { cwd: chapterFolder, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stack: RunningStack = {
    url: `http://localhost:${port}`,
    async stop() {
      if (running.delete(stack)) await stopProcess(offline);
    },
  };
  running.set(stack, [offline]);
  try {
    await readyLine(offline, 'offline', 'Server ready', log);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  // #endregion start-offline
  return stack;
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
