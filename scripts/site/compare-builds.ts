/**
 * Compares built sites with Lighthouse, interleaved: run after run, each build in turn (the first
 * build of each round moves on by one), so that a machine that gets busier or quieter during the
 * measurement weighs on every build alike. The way to decide whether a change to how pages load is
 * worth keeping: build the site with and without it, copy each build aside, compare.
 *
 *   tsx scripts/site/compare-builds.ts --builds with=/tmp/with,without=/tmp/without
 *
 * Prints, per page and build, the median performance score and total blocking time with every run's
 * figures, and the JavaScript transferred; writes test-output/site/compare-builds.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BASE_URL } from '../../website/site-settings';
import { choiceOption, listOption, numberOption, parseCli, usageError, type CliSpec } from '../lib/cli';
import { assertChromium } from './lib/browser';
import { PRESETS, median, medianBySource, openLighthouse, type LighthouseRun } from './lib/lighthouse';
import { OUTPUT_DIR } from './lib/site';
import { serveBuild, type StaticServer } from './lib/static-server';

const DEFAULT_PAGES = ['07-dynamodb', '02-serverless-in-a-nutshell'];

const spec: CliSpec = {
  command: 'tsx scripts/site/compare-builds.ts',
  summary: 'Runs Lighthouse on several builds of the site in turn and compares their medians.',
  options: {
    builds: { type: 'string', value: '<name=dir,...>', description: 'two or more builds, each a name and a `docusaurus build` output folder (required)' },
    pages: { type: 'string', value: '<a,b>', description: `routes to measure (default: ${DEFAULT_PAGES.join(',')}: many listings; a diagram)` },
    preset: { type: 'string', value: '<p>', description: 'mobile (default) or desktop' },
    runs: { type: 'string', value: '<n>', description: 'runs per page and build (default 5)' },
    verbose: { type: 'boolean', description: 'print each run as it ends' },
  },
  footer: `Each run starts a fresh Chromium (Debian's, at /usr/bin/chromium or CHROMIUM_PATH). Run on an
otherwise idle machine: the scores follow its speed, and interleaving spreads a change in load over
the builds, it does not remove it.`,
};

interface Build {
  name: string;
  dir: string;
}

function readBuilds(values: ReturnType<typeof parseCli>): Build[] {
  const entries = listOption(spec, values, 'builds');
  if (!entries || entries.length < 2) usageError(spec, '--builds needs two builds or more: name=dir,name=dir');
  const builds = entries.map((entry) => {
    // The first "=" only: a folder's name may hold one.
    const at = entry.indexOf('=');
    const name = entry.slice(0, Math.max(at, 0));
    const dir = at < 0 ? '' : entry.slice(at + 1);
    if (!name || !dir) usageError(spec, `--builds: "${entry}" is not name=dir`);
    if (!fs.existsSync(path.join(dir, 'index.html'))) usageError(spec, `--builds: ${dir} has no index.html (not a built site)`);
    return { name, dir: path.resolve(dir) };
  });
  const names = builds.map((build) => build.name);
  if (new Set(names).size !== names.length) usageError(spec, `--builds: each name once (${names.join(', ')})`);
  return builds;
}

interface Row {
  page: string;
  build: string;
  performance: number[];
  totalBlockingTimeMs: number[];
  scriptKiB: number[];
  benchmarkIndex: number[];
  blockingMsBySource: Record<string, number>;
}

async function main(): Promise<void> {
  const values = parseCli(spec);
  const builds = readBuilds(values);
  const pages = listOption(spec, values, 'pages') ?? DEFAULT_PAGES;
  const preset = choiceOption(spec, values, 'preset', PRESETS, 'mobile');
  const runs = numberOption(spec, values, 'runs', 5, true);
  const verbose = values.verbose === true;
  assertChromium();

  const servers = new Map<string, StaticServer>();
  const measured = new Map<string, LighthouseRun[]>();
  const key = (page: string, build: string) => `${page}\u0000${build}`;
  try {
    for (const build of builds) servers.set(build.name, await serveBuild(build.dir, BASE_URL));
    const lighthouse = await openLighthouse();
    for (let round = 0; round < runs; round += 1) {
      for (const page of pages) {
        for (let i = 0; i < builds.length; i += 1) {
          const build = builds[(i + round) % builds.length]!;
          const url = `${servers.get(build.name)!.origin}${BASE_URL}${page}`;
          const result = await lighthouse.run(url, preset);
          const list = measured.get(key(page, build.name)) ?? [];
          list.push(result);
          measured.set(key(page, build.name), list);
          if (verbose) {
            console.error(`round ${round + 1}/${runs} /${page} ${build.name}: performance ${result.scores.performance}, blocking ${result.totalBlockingTimeMs} ms, JS ${result.scriptKiB} KiB, benchmark index ${result.benchmarkIndex}`);
          }
        }
      }
    }
  } finally {
    for (const server of servers.values()) await server.close();
  }

  const rows: Row[] = pages.flatMap((page) =>
    builds.map((build) => {
      const list = measured.get(key(page, build.name)) ?? [];
      return {
        page,
        build: build.name,
        performance: list.map((r) => r.scores.performance),
        totalBlockingTimeMs: list.map((r) => r.totalBlockingTimeMs),
        scriptKiB: list.map((r) => r.scriptKiB),
        benchmarkIndex: list.map((r) => r.benchmarkIndex),
        blockingMsBySource: medianBySource(list.map((r) => r.blockingMsBySource)),
      };
    }),
  );
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, 'compare-builds.json');
  fs.writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), preset, runs, builds, rows }, null, 2)}\n`);

  console.log('| page | build | performance (median; runs) | blocking ms (median; runs) | JS KiB gzip |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) {
    console.log(
      `| /${row.page} | ${row.build} | ${median(row.performance)}; ${row.performance.join(', ')} | ${median(row.totalBlockingTimeMs)}; ${row.totalBlockingTimeMs.join(', ')} | ${median(row.scriptKiB)} |`,
    );
  }
  console.log(`(${preset}, ${runs} interleaved runs a build; details in ${path.relative(process.cwd(), file)})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
