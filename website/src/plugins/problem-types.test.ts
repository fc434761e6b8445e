import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CODE_DIR, REPO } from '../../site-settings';
import { readProblemTypes } from './problem-types';

describe('problem type pages', () => {
  const content = readProblemTypes(CODE_DIR);

  it('are read from the newest chapter and lead where the code points', () => {
    assert.ok(content, 'no chapter defines problem types');
    assert.equal(content.typeBase, `https://${REPO.owner}.github.io/${REPO.name}/problems/`);
    for (const page of content.pages) assert.equal(page.type, content.typeBase + page.slug);
  });

  it('name the chapter that introduced each type', () => {
    const introduced = Object.fromEntries(content!.pages.map((page) => [page.slug, page.introducedIn]));
    assert.equal(introduced.validation, '08-validation');
    assert.equal(introduced['invalid-cursor'], '11-queries');
  });

  it('match every type the newest chapter defines, with its status', () => {
    const newest = content!.pages[0]!.describedBy;
    const source = fs.readFileSync(path.join(CODE_DIR, newest, 'src/http/problems.ts'), 'utf8');
    const defined = [...source.matchAll(/status: (\d{3}), slug: '([a-z-]+)'/g)].map((m) => `${m[2]} ${m[1]}`);
    assert.ok(defined.length >= 10, `found only ${defined.length} types in ${newest}`);
    assert.deepEqual(content!.pages.map((page) => `${page.slug} ${page.status}`).sort(), defined.sort());
  });

  it('fail the build when a type has no row in the status table', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtr-problems-'));
    try {
      const http = path.join(dir, '08-fixture/src/http');
      fs.mkdirSync(http, { recursive: true });
      fs.writeFileSync(
        path.join(http, 'problems.ts'),
        "export const problemTypes = { gone: { status: 410, slug: 'gone', title: 'Gone' } };\n" +
          "export const problemTypeUri = (kind: 'gone') => 'https://example.test/problems/' + problemTypes[kind].slug;\n",
      );
      fs.writeFileSync(path.join(http, 'statuses.ts'), 'export const statusTable = [];\n');
      assert.throws(() => readProblemTypes(dir), /08-fixture\/src\/http\/statuses\.ts: no status row for the problem type "gone"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
