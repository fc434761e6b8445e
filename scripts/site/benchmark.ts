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
import { launchChromium, CHROMIUM, assertChromium } from './lib/browser';
import { CATEGORIES, PRESETS, median, medianBySource, openLighthouse, type LighthouseRun, type Preset } from './lib/lighthouse';
import { docusaurus } from './lib/processes';
import { PAGE_BUDGETS, measurePage } from './lib/page-weight';
import { OUTPUT_DIR, bookPages } from './lib/site';
import { serveBuild } from './lib/static-server';

const WEBSITE = path.join(ROOT_DIR, 'website');
const BUDGET = { jsKiB: PAGE_BUDGETS.listings.kib, lighthouse: 95 };

const PARTS = ['build', 'js', 'lighthouse'] as const;

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
  preset: Preset;
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

interface LighthouseSummary {
  url: string;
  preset: string;
  scores: Record<string, number>;
  performanceRuns: number[];
  benchmarkIndex: number[];
  /** Total blocking time of each run. */
  totalBlockingTimeMs: number[];
  blockingMsBySource: Record<string, number>;
}

async function runLighthouse(urls: string[], presets: Preset[], runs: number) {
  const lighthouse = await openLighthouse();
  const results: LighthouseSummary[] = [];
  let lighthouseVersion = '';
  for (const preset of presets) {
    for (const url of urls) {
      const measured: LighthouseRun[] = [];
      for (let run = 1; run <= runs; run += 1) {
        log(`lighthouse (${preset}, run ${run}/${runs}) ${url}…`);
        const result = await lighthouse.run(url, preset);
        lighthouseVersion = result.lhr.lighthouseVersion;
        measured.push(result);
        const slug = `${preset}-${url.split('/').pop() || 'home'}`;
        fs.writeFileSync(path.join(OUTPUT_DIR, `lighthouse-${slug}.json`), JSON.stringify(result.lhr, null, 1));
      }
      results.push({
        url,
        preset,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(measured.map((r) => r.scores[c]))])),
        performanceRuns: measured.map((r) => r.scores.performance),
        benchmarkIndex: measured.map((r) => r.benchmarkIndex),
        totalBlockingTimeMs: measured.map((r) => r.totalBlockingTimeMs),
        blockingMsBySource: medianBySource(measured.map((r) => r.blockingMsBySource)),
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
      const other: Preset = options.preset === 'mobile' ? 'desktop' : 'mobile';
      const presets: Preset[] = options.desktop ? [options.preset, other] : [options.preset];
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
  const lh = report.lighthouse as { versions: { lighthouse: string; chromium: string }; results: LighthouseSummary[] } | undefined;
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
