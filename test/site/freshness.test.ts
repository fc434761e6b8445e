/**
 * Embedded code goes through the bundler, so it is never stale: not in a warm build that reuses
 * the persistent cache, and not in `npm start`. Works on a copy of test/site/fixture (a one-page
 * site using the book's plugins) under test-output/, so the real chapters are never touched.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../../scripts/lib/ports';
import { launchChromium } from '../../scripts/site/lib/browser';
import { DOCUSAURUS, ROOT, docusaurus, start, waitFor } from '../../scripts/site/lib/processes';

const FIXTURE = path.join(__dirname, 'fixture');
const WORK = path.join(ROOT, 'test-output', `site-fixture-${process.pid}`);
const ENV = { RTR_WEBSITE_DIR: path.join(ROOT, 'website'), BROWSER: 'none', FORCE_COLOR: '0' };
const GREET = path.join(WORK, 'chapters-code/06-fixture/src/greet.ts');
const PAGE = path.join(WORK, 'docs/index.md');

function setVersion(word: string): void {
  const text = fs.readFileSync(GREET, 'utf8').replace(/\(version [A-Z]+\)/, `(version ${word})`);
  fs.writeFileSync(GREET, text);
}

function builtHtml(): string {
  return fs.readFileSync(path.join(WORK, 'build/index.html'), 'utf8');
}

/** Matches an attribute whether or not the HTML minifier kept its quotes. */
function attr(name: string, value: string): RegExp {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${name}=(?:"${escaped}"|${escaped}[ >])`);
}

describe('embedded code is never stale', () => {
  before(() => {
    fs.rmSync(WORK, { recursive: true, force: true });
    fs.cpSync(FIXTURE, WORK, { recursive: true, filter: (src) => !/[\\/](build|node_modules|\.docusaurus)$/.test(src) });
  });
  after(() => fs.rmSync(WORK, { recursive: true, force: true }));

  it('a second build with the persistent cache shows the edited region and a new file', async (t) => {
    const cold = await docusaurus(['build'], WORK, ENV);
    assert.equal(cold.code, 0, cold.output);
    assert.match(builtHtml(), /version FIRST/);
    assert.ok(fs.existsSync(path.join(WORK, 'node_modules/.cache')), 'the build wrote a persistent cache');

    setVersion('SECOND');
    fs.writeFileSync(path.join(WORK, 'chapters-code/06-fixture/src/added.ts'), 'export const added = true;\n');
    const warm = await docusaurus(['build'], WORK, ENV);
    assert.equal(warm.code, 0, warm.output);
    const html = builtHtml();
    assert.match(html, /version SECOND/);
    assert.doesNotMatch(html, /version FIRST/);
    assert.match(html, attr('data-path', 'src/added.ts'), 'What changed lists the new file');
    t.diagnostic(`fixture build: cold ${cold.seconds.toFixed(1)} s, warm ${warm.seconds.toFixed(1)} s`);
  });

  it('a missing region, a missing file or a missing image fails the build, naming each', async () => {
    const original = fs.readFileSync(PAGE, 'utf8');
    const extra = (name: string) => path.join(WORK, 'docs', name);
    try {
      fs.writeFileSync(PAGE, original.replace('greet.ts#greet', 'greet.ts#nowhere'));
      fs.writeFileSync(extra('gone.md'), '---\ntitle: Gone\n---\n\n```ts file=chapters-code/06-fixture/src/gone.ts#greet\n```\n');
      fs.writeFileSync(extra('image.md'), '---\ntitle: Image\n---\n\n![A missing picture](./img/missing.png)\n');
      const result = await docusaurus(['build'], WORK, ENV);
      assert.notEqual(result.code, 0);
      assert.match(result.output, /Cannot embed "chapters-code\/06-fixture\/src\/greet\.ts#nowhere": region "nowhere" not found in chapters-code\/06-fixture\/src\/greet\.ts/);
      assert.match(result.output, /Cannot embed "chapters-code\/06-fixture\/src\/gone\.ts#greet": file chapters-code\/06-fixture\/src\/gone\.ts does not exist/);
      assert.match(result.output, /missing\.png/);
    } finally {
      fs.writeFileSync(PAGE, original);
      fs.rmSync(extra('gone.md'), { force: true });
      fs.rmSync(extra('image.md'), { force: true });
    }
  });

  it('a broken link or anchor fails the build', async () => {
    const extra = path.join(WORK, 'docs/broken.md');
    try {
      fs.writeFileSync(extra, '---\ntitle: Broken\n---\n\nSee [nowhere](/no-such-page).\n');
      const link = await docusaurus(['build'], WORK, ENV);
      assert.notEqual(link.code, 0);
      assert.match(link.output, /no-such-page/);

      fs.writeFileSync(extra, '---\ntitle: Broken\n---\n\nSee [no such heading](/#no-such-heading).\n');
      const anchor = await docusaurus(['build'], WORK, ENV);
      assert.notEqual(anchor.code, 0);
      assert.match(anchor.output, /no-such-heading/);
    } finally {
      fs.rmSync(extra, { force: true });
    }
  });

  it('npm start shows an edit to an embedded file, and a new file in What changed, without a restart', async () => {
    setVersion('SECOND');
    const port = await freePort();
    const server = start(process.execPath, [DOCUSAURUS, 'start', '--port', String(port), '--host', '127.0.0.1', '--no-open'], { cwd: WORK, env: ENV });
    const chromium = await launchChromium();
    try {
      const url = `http://127.0.0.1:${port}/`;
      await waitFor('the dev server', async () => (await fetch(url)).ok, 120_000, 500).catch((error: Error) => {
        throw new Error(`${error.message}\n${server.output()}`);
      });
      const page = await chromium.browser.newPage();
      await page.goto(url);
      const code = page.locator('[data-embed-file="chapters-code/06-fixture/src/greet.ts"] pre');
      await waitFor('the first version on the page', async () => (await code.textContent())?.includes('version SECOND'), 60_000);

      setVersion('THIRD');
      await waitFor('the edit to reach the open page', async () => (await code.textContent())?.includes('version THIRD'), 60_000);

      fs.writeFileSync(path.join(WORK, 'chapters-code/06-fixture/src/later.ts'), 'export const later = true;\n');
      await waitFor('the new file in What changed', async () => (await page.locator('[data-path="src/later.ts"]').count()) > 0, 60_000);
    } finally {
      await chromium.close();
      await server.stop();
    }
  });
});
