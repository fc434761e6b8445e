// Process groups for the repo's tools and tests. Every long-running child (a chapter's local stack,
// a bash session, Docusaurus) is spawned with `detached: true`, so it leads a group of its own, and
// the whole group is stopped: its children (serverless-offline, DynamoDB Local's Java) go with it.
// Tracked groups still running when this process exits, fails or is interrupted are killed.

const groups = new Set<number>();
let hooksInstalled = false;
let interruptedBy: NodeJS.Signals | undefined;

/** The signal that interrupted this process, if any: its results are then beside the point. */
export function interrupted(): NodeJS.Signals | undefined {
  return interruptedBy;
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // 'exit' handlers must be synchronous: no grace period here, only SIGKILL.
  process.on('exit', () => {
    for (const pid of groups) signalGroup(pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      interruptedBy = signal;
      console.error(`\n${signal}: stopping every process group this process started`);
      void stopAllGroups(2000).finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
    });
  }
}

/** Remembers a process group so that it is stopped whatever happens to this process. */
export function trackGroup(pid: number): void {
  installHooks();
  groups.add(pid);
}

export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForGroupExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

/**
 * Stops a process group: `signal` first (SIGINT, like Ctrl-C), SIGKILL for whatever is left after
 * `graceMs`. Resolves true when the group stopped within the grace period.
 */
export async function stopGroup(pid: number, graceMs: number, signal: NodeJS.Signals = 'SIGINT'): Promise<boolean> {
  signalGroup(pid, signal);
  const clean = await waitForGroupExit(pid, graceMs);
  if (!clean) {
    signalGroup(pid, 'SIGKILL');
    await waitForGroupExit(pid, 2000);
  }
  groups.delete(pid);
  return clean;
}

export async function stopAllGroups(graceMs: number): Promise<void> {
  await Promise.all([...groups].map((pid) => stopGroup(pid, graceMs, 'SIGTERM')));
}

/** Keeps the last `max` lines of a stream's text, for error messages. */
export class Tail {
  private lines: string[] = [];
  private partial = '';

  constructor(private readonly max = 40) {}

  push(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }

  toString(): string {
    return [...this.lines, this.partial].join('\n').trimEnd();
  }
}
