import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'book', 'fixtures');
export const FIXTURE_BOOK = join(FIXTURES, 'book');
export const FIXTURE_CODE = join(FIXTURES, 'chapters-code');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the book scripts (`verify`, `listings`, `coverage`) the way npm does, with tsx. */
export function runScript(
  script: 'verify' | 'listings' | 'coverage',
  args: string[],
  env: NodeJS.ProcessEnv = {},
  onSpawn?: (pid: number) => void,
): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'book', `${script}.ts`), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, stdout, stderr }));
    if (child.pid !== undefined) onSpawn?.(child.pid);
  });
}

/** A scratch copy of the fixture book (or an empty folder), removed by the returned function. */
export function scratchBook(copyFixtures = true): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'book-verify-'));
  if (copyFixtures) cpSync(FIXTURE_BOOK, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The arguments that point a script at a scratch book and the fixture code chapters. */
export function fixtureArgs(book: string, code = FIXTURE_CODE): string[] {
  return ['--book', book, '--code', code];
}

/** True while any process of the list is alive. */
export function anyAlive(pids: number[]): boolean {
  return pids.some((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
}
