import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { createInterface } from 'node:readline';

/**
 * Asks the operating system for a port nobody is listening on for each of `uses`, all different
 * and none of them in `taken`. The probes stay open until all are found: once one closes, the
 * system may offer its port again.
 */
export async function freePorts<const Uses extends readonly string[]>(
  uses: Uses,
  taken: readonly number[] = [],
): Promise<{ [Use in keyof Uses]: number }> {
  const probes: Server[] = [];
  try {
    const ports: number[] = [];
    while (ports.length < uses.length) {
      const probe = createServer();
      probes.push(probe);
      const port = await new Promise<number>((resolve, reject) => {
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
          const address = probe.address();
          if (typeof address === 'object' && address) resolve(address.port);
          else reject(new Error('no port'));
        });
      });
      if (!taken.includes(port)) ports.push(port);
    }
    return ports as { [Use in keyof Uses]: number };
  } finally {
    await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  }
}

/** True when something already listens on the port (so we can say so, instead of a stack trace). */
export function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, () => server.close(() => resolve(false)));
  });
}

/** Reads the PORT variable, the same way in every chapter. */
export function portFromEnvironment(fallback = 3000): number {
  const raw = process.env.PORT ?? String(fallback);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535, not "${raw}".`);
  }
  return port;
}

/**
 * Starts a child process whose output lines are prefixed and forwarded, and
 * calls `onLine` for each, so the caller can wait for a readiness message.
 */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { onLine?: (line: string) => void; quiet?: boolean },
): ChildProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      options.onLine?.(line);
      if (!options.quiet) console.log(`[${name}] ${line}`);
    });
  }
  return child;
}

/** Stops children politely (SIGTERM), then forcefully after a grace period. */
export async function stopChildren(children: ChildProcess[], graceMs = 3000): Promise<void> {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}
