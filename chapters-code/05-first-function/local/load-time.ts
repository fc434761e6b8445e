/**
 * `npm run load-time`: how big the handler's bundle is, and how long Node.js takes
 * to load it in a fresh process, which is the part of a cold start your code controls.
 * It bundles the handler with esbuild the way serverless-esbuild does for a deploy.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const runs = 20;
const folder = mkdtempSync(join(tmpdir(), 'load-time-'));
const bundle = join(folder, 'summarise-stars.js');

try {
  // #region bundle
  buildSync({
    entryPoints: [join(__dirname, '..', 'src/handlers/summarise-stars.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@aws-sdk/*'],
  });
  // #endregion bundle

  // Each run is a new Node.js process, as a cold start is: nothing is cached in memory.
  const timings = Array.from({ length: runs }, () => {
    const script = `const t = performance.now(); require(${JSON.stringify(bundle)}); process.stdout.write(String(performance.now() - t));`;
    return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  }).sort((a, b) => a - b);
  const median = (timings[runs / 2 - 1]! + timings[runs / 2]!) / 2;

  console.log(`bundle: ${statSync(bundle).size.toLocaleString('en-GB')} bytes`);
  console.log(`module load, median of ${runs} fresh processes: ${median.toFixed(2)} ms`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
