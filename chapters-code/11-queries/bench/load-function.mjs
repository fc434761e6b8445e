/**
 * Loads one packaged function in this fresh Node.js process, the way Lambda's Node.js
 * runtime loads it on a cold start, and prints how long that took as one line of JSON.
 * `npm run bench:cold-start` starts it once per sample; nothing else needs to.
 *
 *   node bench/load-function.mjs <bundle> [<AWS SDK package> ...]
 *
 * First the SDK packages named, as the runtime's own node_modules would provide them
 * (none when the bundle carries its own copy), then the bundle: require() for `.js`,
 * import() for `.mjs`, as the runtime does. The bundle's top-level code runs, so its
 * clients are created, as they are during Lambda's INIT phase.
 *
 * Plain JavaScript run by plain `node`, on purpose: a loader such as tsx would hook
 * every require and import and add its own time to what is measured.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [bundle, ...sdkPackages] = process.argv.slice(2);
if (!bundle) {
  console.error('Usage: node bench/load-function.mjs <bundle> [<AWS SDK package> ...]');
  process.exit(2);
}
// Resolve the SDK from the bundle's folder, as the bundle itself will.
const requireFromBundle = createRequire(bundle);
const cpuMs = (usage) => (usage.user + usage.system) / 1000;

const cpuStart = process.cpuUsage();
const start = performance.now();
for (const name of sdkPackages) requireFromBundle(name);
const sdkLoaded = performance.now();
const sdkCpu = process.cpuUsage(cpuStart);
if (bundle.endsWith('.mjs')) await import(pathToFileURL(bundle).href);
else requireFromBundle(bundle);
const end = performance.now();
const totalCpu = process.cpuUsage(cpuStart);

console.log(
  JSON.stringify({
    sdkMs: sdkLoaded - start,
    handlerMs: end - sdkLoaded,
    totalMs: end - start,
    sdkCpuMs: cpuMs(sdkCpu),
    totalCpuMs: cpuMs(totalCpu),
  }),
);
