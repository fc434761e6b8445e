/**
 * Running Docusaurus (and other commands) from the site's tools and tests: each child runs in its
 * own process group, and is stopped by that group's id, never by name.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { stopGroup, trackGroup } from '../../lib/process-groups';
import { repoRoot } from '../../lib/repo';

export const ROOT = repoRoot;
export const DOCUSAURUS = path.join(ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');

export interface RunResult {
  code: number | null;
  output: string;
  seconds: number;
}

interface SpawnOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/** Starts a command as the leader of its own process group, collecting stdout and stderr together. */
export function start(command: string, args: string[], options: SpawnOptions) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid) trackGroup(child.pid);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return {
    child,
    output: () => output,
    /** SIGTERM to the whole group, SIGKILL for what is left after 5 s; resolves once it is gone. */
    stop: async (): Promise<void> => {
      if (child.pid && child.exitCode === null && child.signalCode === null) await stopGroup(child.pid, 5000, 'SIGTERM');
    },
  };
}

/** Runs a command to completion; on timeout its group is stopped and the promise rejects. */
export function run(command: string, args: string[], options: SpawnOptions & { timeoutMs?: number }): Promise<RunResult> {
  const started = process.hrtime.bigint();
  const running = start(command, args, options);
  return new Promise((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 300_000;
    const timer = setTimeout(() => {
      void running.stop();
      reject(new Error(`${command} ${args.join(' ')} took longer than ${timeoutMs} ms:\n${running.output()}`));
    }, timeoutMs);
    running.child.on('error', reject);
    running.child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: running.output(), seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    });
  });
}

export function docusaurus(args: string[], cwd: string, env?: NodeJS.ProcessEnv, timeoutMs?: number): Promise<RunResult> {
  return run(process.execPath, [DOCUSAURUS, ...args], { cwd, env, timeoutMs });
}

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
