/**
 * The site's budgets, measured (a benchmark, not a timed test):
 *
 *   build       `docusaurus build` of the whole book in seconds, cold (no caches) and warm
 *   js          JavaScript transferred (gzip) to load a chapter page without a diagram (and one with)
 *   lighthouse  performance, accessibility, best practices and SEO of two chapter pages
 *
 * Run from the repository root:  tsx scripts/site/benchmark.ts [--only build,js,lighthouse]
 * Writes test-output/site/benchmark.json and prints a short table. Exits 1 when a budget is missed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BASE_URL, BUILD_DIR, ROOT_DIR } from '../../website/site-settings';
import { choiceOption, listOption, numberOption, parseCli, type CliSpec } from '../lib/cli';
import { launchChromium, CHROMIUM, CHROMIUM_ARGS, assertChromium } from './lib/browser';
import { docusaurus } from './lib/processes';
import { PAGE_BUDGETS, measurePage } from './lib/page-weight';
import { OUTPUT_DIR, bookPages } from './lib/site';
import { serveBuild } from './lib/static-server';

const WEBSITE = path.join(ROOT_DIR, 'website');
const BUDGET = { jsKiB: PAGE_BUDGETS.listings.kib, lighthouse: 95 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const PARTS = ['build', 'js', 'lighthouse'] as const;
const PRESETS = ['mobile', 'desktop'] as const;

const spec: CliSpec = {
  command: 'tsx scripts/site/benchmark.ts',
  summary: 'Measures the site against its budgets and writes test-output/site/benchmark.json.',
  options: {
    only: { type: 'string', value: '<list>', description: `any of ${PARTS.join(',')} (default: all three)` },
    pages: {
      type: 'string',
      value: '<a,b>',
      description: 'chapter routes for Lighthouse (default: the first code chapter without a diagram, and the first page with a diagram)',
    },
    preset: { type: 'string', value: '<p>', description: 'mobile (default) or desktop: the Lighthouse preset the budget is checked on' },
    desktop: { type: 'boolean', description: 'also run the other preset, for the report' },
    runs: { type: 'string', value: '<n>', description: 'Lighthouse runs per page and preset; the median score counts (default 5: one run moves by several points)' },
    verbose: { type: 'boolean', description: 'print progress' },
  },
  footer: `Budgets: JavaScript for a chapter page without a diagram <= ${BUDGET.jsKiB} KiB gzip;
each Lighthouse score >= ${BUDGET.lighthouse} on the chosen preset. The build times are reported,
not budgeted. Lighthouse's performance score follows the machine's speed (its "benchmark index",
printed with each score): measure on an otherwise idle machine.
Needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH).`,
};

interface Options {
  only: Set<string>;
  pages: string[] | undefined;
  preset: (typeof PRESETS)[number];
  desktop: boolean;
  runs: number;
  verbose: boolean;
}

function readOptions(): Options {
  const values = parseCli(spec);
  return {
    only: new Set(listOption(spec, values, 'only', PARTS) ?? PARTS),
    pages: listOption(spec, values, 'pages'),
    preset: choiceOption(spec, values, 'preset', PRESETS, 'mobile'),
    desktop: values.desktop === true,
    runs: numberOption(spec, values, 'runs', 5, true),
    verbose: values.verbose === true,
  };
}

let verbose = false;
const log = (message: string) => {
  if (verbose) console.error(message);
};

async function measureBuild() {
  for (const dir of ['.docusaurus', 'build', 'node_modules/.cache']) {
    fs.rmSync(path.join(WEBSITE, dir), { recursive: true, force: true });
  }
  const runs: number[] = [];
  for (const label of ['cold', 'warm']) {
    log(`build (${label})…`);
    const result = await docusaurus(['build'], WEBSITE, { FORCE_COLOR: '0' }, 600_000);
    if (result.code !== 0) throw new Error(`docusaurus build failed:\n${result.output}`);
    runs.push(Number(result.seconds.toFixed(1)));
  }
  return { coldSeconds: runs[0]!, warmSeconds: runs[1]! };
}

function defaultPages() {
  const pages = bookPages();
  const plain = pages.find((p) => p.code && !p.hasDiagram) ?? pages.find((p) => !p.hasDiagram);
  const diagram = pages.find((p) => p.hasDiagram && p.route !== '') ?? pages.find((p) => p.hasDiagram);
  if (!plain) throw new Error('No page without a diagram to measure');
  return { plain: plain.route, diagram: diagram?.route };
}

/** Bytes of JavaScript sent (gzip, as the test server compresses like GitHub Pages) for one page load. */
async function measureJs(route: string, origin: string) {
  const chromium = await launchChromium();
  try {
    return await measurePage(chromium.browser, `${origin}${BASE_URL}${route}`, route);
  } finally {
    await chromium.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

interface LongTask {
  url: string;
  startTime: number;
  duration: number;
}

/**
 * Where one run's blocking time comes from: Lighthouse's long tasks (simulated, like the score)
 * after the first contentful paint, in milliseconds over 50 by the file each is attributed to. Under
 * simulated throttling the page's own parsing, style and layout count here too ("page"): the
 * simulation replays every task four times slower, and tasks that ran before the first paint in the
 * real load can land after the simulated one.
 */
function blockingBySource(lhr: { audits: Record<string, { numericValue?: number; details?: unknown }> }, pageUrl: string) {
  const firstPaint = lhr.audits['first-contentful-paint']?.numericValue ?? 0;
  const tasks = (lhr.audits['long-tasks']?.details as { items?: LongTask[] } | undefined)?.items ?? [];
  const bySource: Record<string, number> = {};
  for (const task of tasks) {
    const afterPaint = task.startTime + task.duration - Math.max(task.startTime, firstPaint);
    if (afterPaint <= 50) continue;
    const source = task.url === pageUrl ? 'page' : task.url.split('/').pop() || task.url;
    bySource[source] = (bySource[source] ?? 0) + Math.round(afterPaint - 50);
  }
  return bySource;
}

/** The median of each source's blocking time over the runs (0 in a run that had none from it). */
function medianBySource(runs: Record<string, number>[]): Record<string, number> {
  const sources = [...new Set(runs.flatMap((run) => Object.keys(run)))];
  const medians = sources.map((source) => [source, median(runs.map((run) => run[source] ?? 0))] as const);
  return Object.fromEntries(medians.filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]));
}

interface LighthouseResult {
  url: string;
  preset: string;
  scores: Record<string, number>;
  performanceRuns: number[];
  benchmarkIndex: number[];
  /** Total blocking time of each run. */
  totalBlockingTimeMs: number[];
  blockingMsBySource: Record<string, number>;
}

async function runLighthouse(urls: string[], presets: string[], runs: number) {
  const { default: lighthouse } = await import('lighthouse');
  const desktopConfig = presets.includes('desktop')
    ? (await import('lighthouse/core/config/desktop-config.js')).default
    : undefined;
  const { launch } = await import('chrome-launcher');
  const results: LighthouseResult[] = [];
  let lighthouseVersion = '';
  for (const preset of presets) {
    for (const url of urls) {
      const runScores: Record<string, number>[] = [];
      const benchmarkIndex: number[] = [];
      const blockingMs: number[] = [];
      const blocking: Record<string, number>[] = [];
      for (let run = 1; run <= runs; run += 1) {
        // A fresh browser per run, so no run warms the cache of the next.
        const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
        try {
          log(`lighthouse (${preset}, run ${run}/${runs}) ${url}…`);
          const result = await lighthouse(
            url,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
            preset === 'desktop' ? desktopConfig : undefined,
          );
          if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
          lighthouseVersion = result.lhr.lighthouseVersion;
          runScores.push(
            Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((result.lhr.categories[c]?.score ?? 0) * 100)])),
          );
          benchmarkIndex.push(Math.round(result.lhr.environment.benchmarkIndex));
          blockingMs.push(Math.round(result.lhr.audits['total-blocking-time']?.numericValue ?? 0));
          blocking.push(blockingBySource(result.lhr, url));
          const slug = `${preset}-${url.split('/').pop() || 'home'}`;
          fs.writeFileSync(path.join(OUTPUT_DIR, `lighthouse-${slug}.json`), JSON.stringify(result.lhr, null, 1));
        } finally {
          await chrome.kill();
        }
      }
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runScores.map((r) => r[c]!))]));
      results.push({
        url,
        preset,
        scores,
        performanceRuns: runScores.map((r) => r.performance!),
        benchmarkIndex,
        totalBlockingTimeMs: blockingMs,
        blockingMsBySource: medianBySource(blocking),
      });
    }
  }
  return { lighthouseVersion, results };
}

/** The browser's own version line (the user agent Lighthouse reports gives only the major version). */
function chromiumVersion(): string {
  try {
    const output = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return output.match(/[\d.]+/)?.[0] ?? output.trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  verbose = options.verbose;
  assertChromium();
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    revision: revision(),
    cpus: (await import('node:os')).cpus().length,
  };
  const missed: string[] = [];

  if (options.only.has('build')) report.build = await measureBuild();
  if (!fs.existsSync(path.join(BUILD_DIR, 'index.html'))) {
    log('no build found, building…');
    const result = await docusaurus(['build'], WEBSITE, { FORCE_COLOR: '0' }, 600_000);
    if (result.code !== 0) throw new Error(`docusaurus build failed:\n${result.output}`);
  }

  const defaults = defaultPages();
  const server = await serveBuild(BUILD_DIR, BASE_URL);
  try {
    if (options.only.has('js')) {
      log('javascript…');
      const plain = await measureJs(defaults.plain, server.origin);
      const diagram = defaults.diagram ? await measureJs(defaults.diagram, server.origin) : undefined;
      report.js = { budgetKiB: BUDGET.jsKiB, withoutDiagram: plain, withDiagram: diagram };
      if (plain.kib > BUDGET.jsKiB) missed.push(`JavaScript for /${plain.route}: ${plain.kib} KiB > ${BUDGET.jsKiB} KiB`);
    }
    if (options.only.has('lighthouse')) {
      const routes = options.pages ?? [defaults.plain, defaults.diagram ?? defaults.plain];
      const other = options.preset === 'mobile' ? 'desktop' : 'mobile';
      const presets = options.desktop ? [options.preset, other] : [options.preset];
      const urls = routes.map((r) => `${server.origin}${BASE_URL}${r}`);
      const { lighthouseVersion, results } = await runLighthouse(urls, presets, options.runs);
      report.lighthouse = {
        budget: BUDGET.lighthouse,
        budgetPreset: options.preset,
        runs: options.runs,
        // Scores move with the browser's version as well as the machine's speed: keep both with them.
        versions: { lighthouse: lighthouseVersion, chromium: chromiumVersion() },
        results,
      };
      for (const r of results.filter((x) => x.preset === options.preset)) {
        for (const [category, score] of Object.entries(r.scores)) {
          if (score < BUDGET.lighthouse) missed.push(`Lighthouse ${category} of ${r.url}: ${score} < ${BUDGET.lighthouse}`);
        }
      }
    }
  } finally {
    await server.close();
  }

  report.missed = missed;
  const file = path.join(OUTPUT_DIR, 'benchmark.json');
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  printSummary(report);
  if (missed.length) {
    console.error(`Budgets missed:\n  ${missed.join('\n  ')}`);
    process.exit(1);
  }
}

function revision(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT_DIR, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function printSummary(report: Record<string, unknown>): void {
  const parts: string[] = [];
  const build = report.build as { coldSeconds: number; warmSeconds: number } | undefined;
  if (build) parts.push(`build ${build.coldSeconds} s cold, ${build.warmSeconds} s warm`);
  const js = report.js as { withoutDiagram: { route: string; kib: number }; withDiagram?: { route: string; kib: number } } | undefined;
  if (js) {
    parts.push(`JS /${js.withoutDiagram.route} ${js.withoutDiagram.kib} KiB gzip`);
    if (js.withDiagram) parts.push(`with diagram /${js.withDiagram.route} ${js.withDiagram.kib} KiB`);
  }
  const lh = report.lighthouse as { versions: { lighthouse: string; chromium: string }; results: LighthouseResult[] } | undefined;
  if (lh) parts.push(`Lighthouse ${lh.versions.lighthouse} on Chromium ${lh.versions.chromium}`);
  for (const r of lh?.results ?? []) {
    const page = r.url.split('/').pop();
    const scores = CATEGORIES.map((c) => r.scores[c]).join('/');
    const spread = r.performanceRuns.length > 1 ? `; performance by run ${r.performanceRuns.join(', ')}` : '';
    const sources = Object.entries(r.blockingMsBySource).map(([source, ms]) => `${source} ${ms}`);
    const blocking = `total blocking time by run ${r.totalBlockingTimeMs.join(', ')} ms${sources.length ? `, median by source: ${sources.join(', ')}` : ''}`;
    parts.push(`Lighthouse ${r.preset} /${page} ${scores} (benchmark index ${r.benchmarkIndex.join(', ')}${spread}; ${blocking})`);
  }
  console.log(`benchmark: ${parts.join('; ')} (perf/a11y/best-practices/SEO; details in ${path.relative(process.cwd(), path.join(OUTPUT_DIR, 'benchmark.json'))})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
