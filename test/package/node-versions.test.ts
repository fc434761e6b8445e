// One supported Node.js range everywhere: the root, the site and every chapter accept the same versions,
// and type-check against the Node.js API of the oldest one they accept, so that nothing newer slips in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeChapters, repoRoot } from '../../scripts/lib/repo';

const manifestFolders = ['.', 'website', ...codeChapters().map((chapter) => `chapters-code/${chapter}`)];
const manifest = (folder: string) => JSON.parse(readFileSync(join(repoRoot, folder, 'package.json'), 'utf8'));
const rootRange: string = manifest('.').engines.node;
const oldestMajor = rootRange.match(/^>=(\d+)\.\d+$/)?.[1];

describe('Node.js versions', () => {
  it('the root accepts one range of the form ">=major.minor"', () => assert.ok(oldestMajor, rootRange));

  for (const folder of manifestFolders) {
    it(`${folder}/package.json accepts ${rootRange} and types Node.js ${oldestMajor}`, () => {
      const { engines, devDependencies } = manifest(folder);
      assert.equal(engines?.node, rootRange, 'engines.node');
      const types: string | undefined = devDependencies?.['@types/node'];
      if (types !== undefined) assert.match(types, new RegExp(`^\\^${oldestMajor}\\.`), '@types/node');
    });
  }
});
