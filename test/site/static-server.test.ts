/**
 * The test server that the browser tests and the benchmark use: it sends each file's gzip from its
 * cache, and a file changed while it runs is sent as it is now, never as it was.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serveBuild, type StaticServer } from '../../scripts/site/lib/static-server';

describe('static test server', () => {
  let root: string;
  let server: StaticServer;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'rtr-static-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<h1>home</h1>');
    fs.writeFileSync(path.join(root, 'page.html'), '<p>first version</p>');
    server = await serveBuild(root, '/base/');
  });
  after(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** The page as a browser gets it: gzip if the server says so, and the body decoded. */
  async function get(route: string): Promise<{ encoding: string | null; text: string }> {
    const response = await fetch(`${server.url}${route}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.status, 200);
    // fetch decodes gzip itself; the raw header says whether it was sent compressed.
    return { encoding: response.headers.get('content-encoding'), text: await response.text() };
  }

  it('sends HTML gzipped, and a changed file as it is now', async () => {
    assert.deepEqual(await get('page'), { encoding: 'gzip', text: '<p>first version</p>' });
    assert.deepEqual(await get('page'), { encoding: 'gzip', text: '<p>first version</p>' }, 'from the cache');
    const file = path.join(root, 'page.html');
    fs.writeFileSync(file, '<p>second, longer version</p>');
    assert.deepEqual(await get('page'), { encoding: 'gzip', text: '<p>second, longer version</p>' });
    // The same size as the cached version, and an older time: still a different version.
    fs.writeFileSync(file, '<p>SECOND, longer version</p>');
    fs.utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    assert.deepEqual(await get('page'), { encoding: 'gzip', text: '<p>SECOND, longer version</p>' });
  });

  it('sends the bytes uncompressed to a client that does not ask for gzip', async () => {
    const response = await fetch(`${server.url}page`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(response.headers.get('content-encoding'), null);
    assert.equal(await response.text(), fs.readFileSync(path.join(root, 'page.html'), 'utf8'));
  });
});
