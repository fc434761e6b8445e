// A chapter's local stack: the same `npm run dev` a reader runs, on a free port, in its own
// process group. Ready when it prints a line containing `ready at http://localhost:<port>`.

import { spawn } from 'node:child_process';
import { stopGroup, Tail, trackGroup } from '../../lib/process-groups.js';

export const READY_LINE = /ready at https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):(\d+)/;

export interface Stack {
  /** The port the stack says it is ready on. */
  port: number;
  pid: number;
  /** Milliseconds from start to the ready line. */
  readyMs: number;
  /** The last lines the stack printed, for error messages. */
  log(): string;
  /** Stops the whole process group; resolves false when SIGKILL was needed. */
  stop(graceMs: number): Promise<boolean>;
}

export interface StackOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  readyTimeoutMs: number;
}

export class StackError extends Error {
  constructor(message: string, readonly log: string) {
    super(message);
  }
}

export function startStack(options: StackOptions): Promise<Stack> {
  const started = Date.now();
  const child = spawn('npm', ['run', 'dev'], {
    cwd: options.cwd,
    env: { ...options.env, PORT: String(options.port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) return Promise.reject(new StackError('could not start `npm run dev`', ''));
  trackGroup(pid);
  const tail = new Tail(60);
  let stopping: Promise<boolean> | undefined;
  const stop = (graceMs: number): Promise<boolean> => {
    stopping ??= stopGroup(pid, graceMs);
    return stopping;
  };

  return new Promise<Stack>((resolve, reject) => {
    let ready = false;
    let seen = '';
    const fail = (message: string): void => {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      void stop(1000).then(() => reject(new StackError(message, tail.toString())));
    };
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      tail.push(text);
      if (ready) return;
      seen = (seen + text).slice(-4096);
      const match = READY_LINE.exec(seen.replace(/\u001b\[[0-9;]*m/g, ''));
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      resolve({ port: Number(match[1]), pid, readyMs: Date.now() - started, log: () => tail.toString(), stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => fail(`could not start \`npm run dev\`: ${error.message}`));
    child.once('exit', (code, signal) => {
      if (!ready) fail(`\`npm run dev\` exited (${signal ?? `status ${code}`}) before it printed "ready at http://localhost:<port>"`);
    });
    const timer = setTimeout(
      () => fail(`\`npm run dev\` did not print "ready at http://localhost:<port>" within ${options.readyTimeoutMs / 1000} s`),
      options.readyTimeoutMs,
    );
  });
}
