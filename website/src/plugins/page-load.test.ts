import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import os from 'node:os';
import { REPLACED_MODULES, readRegistry, resolvedFile } from './page-load';

/**
 * A package's file in node_modules, found from its package.json or, where the package's exports
 * hide that, from its main entry.
 */
function packageFile(pkg: string, file: string): string {
  let main: string;
  try {
    main = require.resolve(`${pkg}/package.json`);
  } catch {
    main = require.resolve(pkg);
  }
  const root = main.slice(0, main.lastIndexOf(`${path.sep}node_modules${path.sep}${pkg.split('/').join(path.sep)}${path.sep}`));
  return path.join(root, 'node_modules', pkg, file);
}

/** The names a module's source exports (`export function`, `export const`, `export default`). */
function exportedNames(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/^export (?:function|const|default) ?(\w*)/gm)].map(([, name]) => name || 'default').sort();
}

describe('Docusaurus modules the site replaces', () => {
  for (const { pkg, file, standIn } of REPLACED_MODULES) {
    it(`${pkg}/${file}: still there, matched once resolved, and its stand-in exports the same names`, () => {
      const original = packageFile(pkg, file);
      assert.ok(fs.existsSync(original), `${original} is gone: Docusaurus has moved it, so the stand-in no longer replaces anything`);
      assert.match(original, resolvedFile(pkg, file));
      assert.deepEqual(exportedNames(standIn), exportedNames(original), `${standIn} exports what ${original} does`);
    });
  }

  it('matches the file in that package only, with either path separator', () => {
    const pattern = resolvedFile('@docusaurus/theme-classic', 'lib/prism-include-languages.js');
    assert.match('C:\\app\\node_modules\\@docusaurus\\theme-classic\\lib\\prism-include-languages.js', pattern);
    assert.doesNotMatch('/app/node_modules/@docusaurus/theme-common/lib/prism-include-languages.js', pattern);
    assert.doesNotMatch('/app/node_modules/@docusaurus/theme-classic/lib/prism-include-languagesXjs', pattern);
  });
});

describe("Docusaurus's registry of lazily loaded modules", () => {
  const write = (source: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rtr-registry-'));
    fs.writeFileSync(path.join(dir, 'registry.js'), source);
    return dir;
  };

  it('reads chunk names and module paths as Docusaurus 3 writes them', () => {
    const dir = write(`export default {
  "5e95c892": [() => import(/* webpackChunkName: "5e95c892" */ "@theme/DocsRoot"), "@theme/DocsRoot", require.resolveWeak("@theme/DocsRoot")],
  "a7456010": [() => import(/* webpackChunkName: "a7456010" */ "@generated/docusaurus-plugin-content-pages/default/__plugin.json"), "@generated/docusaurus-plugin-content-pages/default/__plugin.json", require.resolveWeak("@generated/docusaurus-plugin-content-pages/default/__plugin.json")],
};`);
    assert.deepEqual(
      [...readRegistry(dir)],
      [
        ['5e95c892', '@theme/DocsRoot'],
        ['a7456010', '@generated/docusaurus-plugin-content-pages/default/__plugin.json'],
      ],
    );
  });

  it('fails loudly on a registry of another shape, or none', () => {
    assert.throws(() => readRegistry(write('export default { "5e95c892": { load: () => import("@theme/DocsRoot") } };')), /no longer has the shape/);
    assert.throws(() => readRegistry(fs.mkdtempSync(path.join(os.tmpdir(), 'rtr-registry-'))), /ENOENT/);
  });
});
