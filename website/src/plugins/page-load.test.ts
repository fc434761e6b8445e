import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { HYDRATION_STAND_INS, resolvedFile } from './page-load';

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

/** The names a module's source exports with `export function` or `export const`. */
function exportedNames(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/^export (?:function|const) (\w+)/gm)].map(([, name]) => name!).sort();
}

describe('stand-ins for Docusaurus modules', () => {
  for (const { pkg, file, standIn } of HYDRATION_STAND_INS) {
    it(`${pkg}/${file}: still there, matched once resolved, and its stand-in exports the same names`, () => {
      const original = packageFile(pkg, file);
      assert.ok(fs.existsSync(original), `${original} is gone: Docusaurus has moved it, so the stand-in no longer replaces anything`);
      assert.match(original, resolvedFile(pkg, file));
      const names = exportedNames(original);
      assert.ok(names.length > 0, `no exports found in ${original}`);
      assert.deepEqual(exportedNames(standIn), names);
    });
  }

  it('matches the file in that package only, with either path separator', () => {
    const pattern = resolvedFile('@docusaurus/theme-common', 'lib/hooks/useWindowSize.js');
    assert.match('C:\\app\\node_modules\\@docusaurus\\theme-common\\lib\\hooks\\useWindowSize.js', pattern);
    assert.doesNotMatch('/app/node_modules/@docusaurus/theme-classic/lib/hooks/useWindowSize.js', pattern);
    assert.doesNotMatch('/app/node_modules/@docusaurus/theme-common/lib/hooks/useWindowSizeXjs', pattern);
  });
});
