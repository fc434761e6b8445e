// Free TCP ports for the repo's tools and tests: the one way they pick a port for a server they
// start. A probe is a listener on port 0, so the operating system chooses; every probe stays open
// until all the requested ports are chosen, because a port whose probe is already closed can be
// chosen again for the next probe, and two servers then get one port. Ports handed out earlier in
// this process are not handed out again, for the same reason across calls.

import { createServer, type Server } from 'node:net';

const handedOut = new Set<number>();

function probe(host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** `count` different ports, free right now on `host`, none of them handed out before by this process. */
export async function freePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const probes: Server[] = [];
  const ports: number[] = [];
  try {
    // A port handed out before may come back once its server is gone: keep its probe open too and
    // ask again. The bound on attempts is only a guard against an operating system gone wrong.
    for (let attempt = 0; ports.length < count; attempt += 1) {
      if (attempt >= count + 100) throw new Error(`no ${count} free ports on ${host} after ${attempt} probes`);
      const server = await probe(host);
      probes.push(server);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      if (port > 0 && !handedOut.has(port)) ports.push(port);
    }
  } finally {
    await Promise.all(probes.map(close));
  }
  for (const port of ports) handedOut.add(port);
  return ports;
}

/** One port, free right now on `host`; see freePorts. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const [port] = await freePorts(1, host);
  return port!;
}
