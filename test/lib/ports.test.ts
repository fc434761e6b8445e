// The repo's one way to pick ports for the servers its tools and tests start.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { freePort, freePorts } from '../../scripts/lib/ports';

/** Listens on `port` and closes again; rejects when the port is taken. */
function canListen(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

// The operating system picks a port for a probe at random, so a probe closed before the next one
// is opened is given out again within a few hundred picks (about 10 in 500, measured on Linux).
const MANY = 500;

describe('freePorts', () => {
  it('gives different ports in one call, because every probe stays open until all are chosen', async () => {
    const ports = await freePorts(MANY);
    assert.equal(ports.length, MANY);
    assert.equal(new Set(ports).size, MANY);
  });

  it('never gives a port twice across calls in one process', async () => {
    const seen = new Set<number>();
    for (let i = 0; i < MANY; i += 1) {
      const port = await freePort();
      assert.ok(!seen.has(port), `port ${port} was handed out twice`);
      seen.add(port);
    }
  });

  it('gives ports that a server can listen on at once', async () => {
    for (const port of await freePorts(5)) await canListen(port);
  });
});
