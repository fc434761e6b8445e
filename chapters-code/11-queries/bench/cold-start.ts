/**
 * `npm run bench:cold-start`: how long each function takes to load on a cold start,
 * bundled several ways, measured side by side in one run.
 *
 * Reads the functions and their environment from serverless.yml (through the
 * Serverless CLI), bundles every function once per variant with the options
 * serverless-esbuild passes to esbuild, then loads each bundle in fresh Node.js
 * processes as Lambda's runtime does (bench/load-function.mjs): first the AWS SDK
 * packages the function imports, when the SDK is left to the runtime, then the
 * handler module. Every round loads every variant of every function once, in a
 * shuffled order, so a busy spell on the machine hits all variants alike.
 *
 * "Today" is the chapter as it was before this benchmark chose its bundling: its
 * source at TODAY_COMMIT (taken with `git archive`, so the benchmark needs the
 * repository's history) and the esbuild settings it had then.
 *
 * Writes bench/cold-start.json and bench/cold-start.md, and prints the tables.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { type ColdStartResults, type Spread, type VariantResult, headlineTable, functionsTable, markdown } from './cold-start-report';

const usage = `Usage: npm run bench:cold-start -- [--runs <n>] [--functions <a,b>] [--chapter <folder>]

Bundles each function of serverless.yml several ways and loads every bundle in
fresh Node.js processes, as Lambda does on a cold start. Writes bench/cold-start.json
and bench/cold-start.md.

  --runs <n>           fresh processes per variant and function (default 15)
  --functions <a,b>    only these functions (default: all)
  --chapter <folder>   measure another chapter's folder; prints, writes nothing`;

/** The last commit before this benchmark changed the chapters' bundling (7 December 2026). */
const TODAY_COMMIT = '41908d82e6a6c0ec242ab31cdba1d8acd82a688c';

/** The function of the main table: the one with the most code behind it. */
const HEADLINE = 'createRating';

// #region variants
interface Variant {
  id: string;
  label: string;
  /** `today`: the source at TODAY_COMMIT; `current`: the folder as it is now. */
  source: 'today' | 'current';
  /** `runtime`: left out of the bundle, loaded from node_modules as the runtime's copy would be. */
  sdk: 'runtime' | 'bundled';
  esbuild: BuildOptions;
}

// ESM output that bundles CommonJS packages needs a `require` of its own.
const esmRequire = { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" };
const esm: BuildOptions = { format: 'esm', mainFields: ['module', 'main'], outExtension: { '.js': '.mjs' } };

const variants: Variant[] = [
  { id: 'today', label: 'today: CommonJS, not minified, SDK from the runtime', source: 'today', sdk: 'runtime', esbuild: { minify: false } },
  { id: 'minified', label: 'minified', source: 'today', sdk: 'runtime', esbuild: { minify: true } },
  { id: 'esm', label: 'ESM output (.mjs), tree-shaken, minified', source: 'today', sdk: 'runtime', esbuild: { ...esm, minify: true } },
  { id: 'zod-mini', label: 'minified, zod/mini', source: 'current', sdk: 'runtime', esbuild: { minify: true } },
  // Bundled, the SDK comes from its ES module build (mainFields), so esbuild can drop what is unused.
  { id: 'sdk-bundled-zod', label: 'minified, SDK bundled', source: 'today', sdk: 'bundled', esbuild: { minify: true, mainFields: ['module', 'main'] } },
  { id: 'sdk-bundled-esm', label: 'ESM output (.mjs), minified, SDK bundled, zod/mini', source: 'current', sdk: 'bundled', esbuild: { ...esm, minify: true, banner: esmRequire } },
  { id: 'sdk-bundled', label: 'minified, SDK bundled, zod/mini', source: 'current', sdk: 'bundled', esbuild: { minify: true, mainFields: ['module', 'main'] } },
];
// #endregion variants

interface FunctionConfig {
  name: string;
  /** `src/handlers/create-rating.ts`, relative to the chapter folder. */
  entry: string;
  environment: Record<string, string>;
}

interface ServerlessConfig {
  functions: FunctionConfig[];
  esbuild: Record<string, unknown>;
}

function fail(message: string): never {
  console.error(`npm run bench:cold-start failed: ${message}`);
  process.exit(1);
}

/** serverless.yml with every variable resolved, as `serverless package` sees it. */
function readServerlessConfig(chapter: string): ServerlessConfig {
  const cli = require.resolve('serverless/bin/serverless.js', { paths: [chapter] });
  const stdout = execFileSync(process.execPath, [cli, 'print', '--format', 'json'], { cwd: chapter, encoding: 'utf8', maxBuffer: 10 * 1024 * 1024 });
  const config = JSON.parse(stdout.slice(stdout.indexOf('{')));
  const shared: Record<string, string> = config.provider?.environment ?? {};
  const functions = Object.entries<{ handler: string; environment?: Record<string, string> }>(config.functions ?? {}).map(([name, fn]) => ({
    name,
    entry: `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.ts`,
    environment: { ...shared, ...fn.environment },
  }));
  return { functions, esbuild: config.custom?.esbuild ?? {} };
}

/** Every node_modules folder Node.js would search from `folder`, nearest first. */
function nodeModulesFolders(folder: string): string[] {
  const found: string[] = [];
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) found.push(join(dir, 'node_modules'));
    if (dirname(dir) === dir) return found;
  }
}

/** The chapter's src/ at TODAY_COMMIT, unpacked under `into`; returns the chapter folder there. */
function todaySource(chapter: string, into: string): string {
  const repo = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: chapter, encoding: 'utf8' }).trim();
  const path = relative(repo, chapter).split('\\').join('/');
  try {
    const archive = execFileSync('git', ['archive', TODAY_COMMIT, `${path}/src`], { cwd: repo, maxBuffer: 64 * 1024 * 1024 });
    mkdirSync(into, { recursive: true });
    execFileSync('tar', ['-x', '-C', into], { input: archive });
  } catch {
    fail(`cannot read ${path}/src at ${TODAY_COMMIT.slice(0, 7)}; "today" needs the repository's history (a clone without --depth).`);
  }
  return join(into, path);
}

/** Which variant serverless.yml's custom.esbuild is, if it is one of the current-source variants. */
function configuredVariant(esbuild: Record<string, unknown>): string | null {
  const exclude = (esbuild.exclude as string[] | undefined) ?? [];
  const shape = (options: BuildOptions, sdk: string) =>
    JSON.stringify([options.format ?? 'cjs', Boolean(options.minify), (options.mainFields ?? []).join(','), sdk]);
  const configured = shape(esbuild as BuildOptions, exclude.includes('@aws-sdk/*') ? 'runtime' : 'bundled');
  return variants.find((variant) => variant.source === 'current' && shape(variant.esbuild, variant.sdk) === configured)?.id ?? null;
}

/** Whether the chapter's own source validates with zod/mini (chapters 10 on) or classic zod. */
function usesZodMini(chapter: string): boolean {
  return readFileSync(join(chapter, 'src/domain/schemas.ts'), 'utf8').includes("from 'zod/mini'");
}

interface Bundle {
  fn: string;
  variant: string;
  file: string;
  sdkPackages: string[];
  bytes: number;
  zippedBytes: number;
  environment: Record<string, string>;
}

async function bundleAll(chapter: string, config: ServerlessConfig, work: string): Promise<Bundle[]> {
  const todayChapter = todaySource(chapter, join(work, 'today'));
  const nodePaths = nodeModulesFolders(chapter);
  const target = typeof config.esbuild.target === 'string' ? config.esbuild.target : 'node24';
  const bundles: Bundle[] = [];
  for (const variant of variants) {
    for (const fn of config.functions) {
      const root = variant.source === 'today' ? todayChapter : chapter;
      const outdir = join(work, 'out', variant.id);
      // What serverless-esbuild passes to esbuild, then the variant's own settings.
      const result = await build({
        entryPoints: [join(root, fn.entry)],
        outdir,
        bundle: true,
        platform: 'node',
        target,
        sourcemap: false,
        external: variant.sdk === 'runtime' ? ['@aws-sdk/*'] : [],
        nodePaths,
        metafile: true,
        logLevel: 'error',
        ...variant.esbuild,
      });
      const [file, output] = Object.entries(result.metafile!.outputs)[0]!;
      const sdkPackages = [...new Set(output.imports.filter((i) => i.external && i.path.startsWith('@aws-sdk/')).map((i) => i.path))];
      const bytes = readFileSync(resolve(file));
      bundles.push({
        fn: fn.name,
        variant: variant.id,
        file: resolve(file),
        sdkPackages,
        bytes: bytes.length,
        zippedBytes: deflateRawSync(bytes, { level: 9 }).length,
        environment: fn.environment,
      });
    }
  }
  linkSdkPackages(chapter, bundles, join(work, 'out', 'node_modules'));
  return bundles;
}

/**
 * The bundles that leave the SDK out find it where Lambda's runtime keeps its own
 * copy: in a node_modules folder outside the bundle, here one beside the bundles
 * that links to the packages npm installed.
 */
function linkSdkPackages(chapter: string, bundles: Bundle[], nodeModules: string): void {
  for (const name of new Set(bundles.flatMap((bundle) => bundle.sdkPackages))) {
    const installed = nodeModulesFolders(chapter).map((folder) => join(folder, name)).find((dir) => existsSync(dir));
    if (!installed) fail(`${name} is not installed; run npm install first.`);
    mkdirSync(dirname(join(nodeModules, name)), { recursive: true });
    symlinkSync(installed, join(nodeModules, name), 'dir');
  }
}

interface Sample {
  sdkMs: number;
  handlerMs: number;
  totalMs: number;
  sdkCpuMs: number;
  totalCpuMs: number;
}

// #region measure
/** One cold load of one bundle, in a fresh process with the function's environment. */
function loadOnce(bundle: Bundle): Sample {
  const loader = join(__dirname, 'load-function.mjs');
  const child = spawnSync(process.execPath, [loader, bundle.file, ...bundle.sdkPackages], {
    encoding: 'utf8',
    // Only what Lambda would set: no NODE_OPTIONS, no loader hooks, no local endpoints.
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', ...bundle.environment },
  });
  if (child.status !== 0) fail(`${bundle.fn} (${bundle.variant}) did not load:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Sample;
}
// #endregion measure

/** A small seeded generator, so that two runs shuffle alike. */
function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
  };
  const round = (value: number) => Math.round(value * 10) / 10;
  return { median: round(at(0.5)), p25: round(at(0.25)), p75: round(at(0.75)) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string' }, functions: { type: 'string' }, chapter: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const runs = Number(values.runs ?? 15);
  if (!Number.isInteger(runs) || runs < 5) fail('--runs must be a whole number of at least 5.');
  const own = resolve(__dirname, '..');
  const chapter = values.chapter ? resolve(values.chapter) : own;

  const started = Date.now();
  const config = readServerlessConfig(chapter);
  if (values.functions) {
    const wanted = values.functions.split(',');
    const unknown = wanted.filter((name) => !config.functions.some((fn) => fn.name === name));
    if (unknown.length > 0) fail(`no such function in serverless.yml: ${unknown.join(', ')}`);
    config.functions = config.functions.filter((fn) => wanted.includes(fn.name));
  }
  const work = mkdtempSync(join(tmpdir(), 'cold-start-'));
  try {
    const bundles = await bundleAll(chapter, config, work);
    const loadAverageBefore = loadavg()[0]!;
    // One round that is not counted: the first reads of each file come from disk.
    for (const bundle of bundles) loadOnce(bundle);
    const samples = new Map<Bundle, Sample[]>(bundles.map((bundle) => [bundle, []]));
    for (let round = 0; round < runs; round += 1) {
      for (const bundle of shuffled(bundles, round + 1)) samples.get(bundle)!.push(loadOnce(bundle));
    }
    const loadAverageAfter = loadavg()[0]!;

    const results: VariantResult[] = bundles.map((bundle) => {
      const taken = samples.get(bundle)!;
      const pick = (key: keyof Sample) => spread(taken.map((sample) => sample[key]));
      return {
        function: bundle.fn,
        variant: bundle.variant,
        bundleBytes: bundle.bytes,
        zippedBytes: bundle.zippedBytes,
        sdk: bundle.sdkPackages.length > 0 ? pick('sdkMs') : null,
        handler: pick('handlerMs'),
        total: pick('totalMs'),
        totalCpu: pick('totalCpuMs'),
      };
    });
    const report: ColdStartResults = {
      measuredAt: new Date().toISOString().slice(0, 10),
      machine: {
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
        loadAverageBefore,
        loadAverageAfter,
      },
      runsPerVariant: runs,
      baseline: 'today',
      configured: configuredVariant(config.esbuild),
      headline: config.functions.some((fn) => fn.name === HEADLINE) ? HEADLINE : config.functions[0]!.name,
      variants: variants.map(({ id, label, source }) => ({ id, label: source === 'current' && !usesZodMini(chapter) ? label.replace(', zod/mini', '') : label })),
      results,
    };
    console.log(`${headlineTable(report)}\n\n${functionsTable(report)}`);
    if (chapter === own) {
      writeFileSync(join(__dirname, 'cold-start.json'), `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(join(__dirname, 'cold-start.md'), markdown(report));
    }
    const processes = bundles.length * (runs + 1);
    const wrote = chapter === own ? 'wrote bench/cold-start.json and bench/cold-start.md' : 'wrote nothing (--chapter)';
    console.log(`\n${processes} fresh processes; ${wrote} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
