/**
 * Every chapter folder is a copy-and-go service: nothing it imports lives
 * outside the folder, and every package it imports is in its own package.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeChapters, repoRoot } from '../../scripts/lib/repo';

const importPattern = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|js|mjs|cjs)$/.test(name))
    .filter((name) => !/(^|\/)(node_modules|\.serverless|\.esbuild|\.build)\//.test(name))
    .map((name) => join(folder, name));
}

/** "@scope/name/sub" → "@scope/name"; "name/sub" → "name". */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

for (const chapter of codeChapters()) {
  describe(`chapters-code/${chapter} is self-contained`, () => {
    const folder = join(repoRoot, 'chapters-code', chapter);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.devDependencies ?? {}),
    ]);
    const imports = sourceFiles(folder).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(importPattern)].map((match) => ({ file, specifier: match[1]! })),
    );

    it('has source files to check', () => assert.ok(imports.length > 0));

    it('imports nothing from outside its folder', () => {
      const escaping = imports
        .filter(({ specifier }) => specifier.startsWith('.'))
        .filter(({ file, specifier }) => relative(folder, resolve(dirname(file), specifier)).startsWith('..'))
        .map(({ file, specifier }) => `${relative(folder, file)} imports ${specifier}`);
      assert.deepEqual(escaping, []);
    });

    it('declares every package it imports', () => {
      const builtins = new Set(builtinModules);
      const undeclared = imports
        .filter(({ specifier }) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
        .filter(({ specifier }) => !builtins.has(specifier))
        // A type-only package such as "aws-lambda" counts as declared through @types/aws-lambda.
        .filter(({ specifier }) => !declared.has(packageName(specifier)) && !declared.has(`@types/${packageName(specifier)}`))
        .map(({ file, specifier }) => `${relative(folder, file)} imports ${specifier}`);
      assert.deepEqual(undeclared, []);
    });
  });
}
