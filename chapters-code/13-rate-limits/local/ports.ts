import { createServer } from 'node:net';

// Every port this process has handed out. Two stacks started at once (the tests do) ask for
// ports a few milliseconds apart, long before their servers listen on them: without this
// memory, the system could offer both the same free port.
const handedOut = new Set<number>();

/** A port nobody listens on for each of `uses`, none of them in `avoid` or handed out before. */
export async function freePorts<const Uses extends readonly string[]>(
  uses: Uses,
  avoid: readonly number[] = [],
): Promise<{ [Use in keyof Uses]: number }> {
  const ports: number[] = [];
  while (ports.length < uses.length) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer().once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    if (!handedOut.has(port) && !avoid.includes(port)) {
      handedOut.add(port);
      ports.push(port);
    }
  }
  return ports as { [Use in keyof Uses]: number };
}

/** True when something already listens on the port, so that we can say so plainly. */
export function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer().once('error', () => resolve(true));
    server.listen(port, () => server.close(() => resolve(false)));
  });
}
