// One bash session per chapter page, like the one terminal a reader keeps open while following
// the page: a variable set by a command (DRIVER_ID=…) is there for every later command, in the
// same block or a later one. Commands are fed one at a time; after each, the shell prints a
// marker with the exit status, which splits the outputs.

import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { stopGroup, trackGroup } from '../../lib/process-groups.js';

export interface CommandResult {
  output: string;
  status: number;
}

export class CommandError extends Error {
  constructor(message: string, readonly output: string) {
    super(message);
  }
}

/**
 * The environment commands and stacks run in: the verifier's own, without what `npm run` adds
 * for the root package (a reader's terminal has none of it), and without colours.
 */
export function commandEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(?:lifecycle_|package_|command$|execpath$|node_execpath$|config_local_prefix$)/.test(key)) continue;
    if (key === 'INIT_CWD' || key === 'FORCE_COLOR') continue;
    env[key] = value;
  }
  // CI=true on every machine, so that an author's refresh and the CI run see the same output.
  return { ...env, NO_COLOR: '1', TERM: 'dumb', CI: 'true', ...extra };
}

/** Returns bash's complaint when the script does not parse, without running it. */
export function syntaxError(script: string): string | undefined {
  const result = spawnSync('bash', ['-n', '-c', script], { encoding: 'utf8' });
  if (result.status === 0) return undefined;
  return (result.stderr || `bash -n exited with status ${result.status}`).trim();
}

export class ShellSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly marker = `__book_verify_${randomBytes(8).toString('hex')}__`;
  private buffer = '';
  private exited: string | undefined;
  private waiting: (() => void) | undefined;

  constructor(cwd: string, env: NodeJS.ProcessEnv) {
    this.child = spawn('bash', ['--noprofile', '--norc'], { cwd, env, detached: true, stdio: 'pipe' });
    if (this.child.pid !== undefined) trackGroup(this.child.pid);
    const onData = (chunk: Buffer): void => {
      this.buffer += chunk.toString('utf8');
      this.waiting?.();
    };
    this.child.stdout.on('data', onData);
    this.child.stderr.on('data', onData);
    this.child.once('error', (error) => {
      this.exited = `could not start bash: ${error.message}`;
      this.waiting?.();
    });
    this.child.once('exit', (code, signal) => {
      this.exited = `the shell exited (${signal ?? `status ${code}`})`;
      this.waiting?.();
    });
    // Everything the shell itself prints goes to stdout too, in order.
    this.child.stdin.write('exec 2>&1\n');
  }

  /** Runs one command; resolves with its output (stdout and stderr, interleaved) and exit status. */
  run(script: string, timeoutMs: number): Promise<CommandResult> {
    const complaint = syntaxError(script);
    if (complaint) return Promise.reject(new CommandError(`bash cannot parse the command: ${complaint}`, ''));
    if (this.exited) return Promise.reject(new CommandError(this.exited, ''));
    this.buffer = '';
    // Commands read no stdin (it carries the next commands); a command's own heredoc still works.
    this.child.stdin.write(`{ ${script}\n} </dev/null\nprintf '\\n%s %s\\n' '${this.marker}' "$?"\n`);
    const done = new RegExp(`\\n${this.marker} (\\d+)\\n`);
    return new Promise<CommandResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new CommandError(`the command did not finish within ${timeoutMs / 1000} s`, this.buffer));
        void this.close();
      }, timeoutMs);
      this.waiting = () => {
        const match = done.exec(this.buffer);
        if (match) {
          clearTimeout(timer);
          this.waiting = undefined;
          resolve({ output: this.buffer.slice(0, match.index), status: Number(match[1]) });
        } else if (this.exited) {
          clearTimeout(timer);
          this.waiting = undefined;
          reject(new CommandError(`${this.exited} while running the command; an "exit" in a block ends the session`, this.buffer));
        }
      };
      this.waiting();
    });
  }

  /** Ends the session and anything it started in the background. */
  async close(): Promise<void> {
    const pid = this.child.pid;
    if (pid === undefined) return;
    if (!this.exited) this.child.stdin.end();
    await stopGroup(pid, 1000, 'SIGTERM');
  }
}
