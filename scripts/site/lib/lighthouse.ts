/**
 * One Lighthouse run on Debian's Chromium, as the site's benchmarks read it: the four category
 * scores, the machine's benchmark index, total blocking time and where it comes from, and the
 * JavaScript the page transferred. A fresh browser per run, so no run warms the next one's cache.
 */
import { CHROMIUM, CHROMIUM_ARGS } from './browser';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export const PRESETS = ['mobile', 'desktop'] as const;
export type Preset = (typeof PRESETS)[number];

/** The parts of Lighthouse's result these benchmarks read. */
export interface LighthouseResult {
  lighthouseVersion: string;
  categories: Record<string, { score: number | null } | undefined>;
  environment: { benchmarkIndex: number };
  audits: Record<string, { numericValue?: number; details?: unknown } | undefined>;
}

export interface LighthouseRun {
  scores: Record<Category, number>;
  benchmarkIndex: number;
  totalBlockingTimeMs: number;
  /** Milliseconds of blocking time by the file each long task is attributed to (blockingBySource). */
  blockingMsBySource: Record<string, number>;
  /** JavaScript transferred (as served: gzip), in KiB. */
  scriptKiB: number;
  lhr: LighthouseResult;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

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
export function blockingBySource(lhr: Pick<LighthouseResult, 'audits'>, pageUrl: string): Record<string, number> {
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
export function medianBySource(runs: Record<string, number>[]): Record<string, number> {
  const sources = [...new Set(runs.flatMap((run) => Object.keys(run)))];
  const medians = sources.map((source) => [source, median(runs.map((run) => run[source] ?? 0))] as const);
  return Object.fromEntries(medians.filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]));
}

/** KiB of JavaScript transferred, from the resource summary audit. */
function scriptKiB(lhr: Pick<LighthouseResult, 'audits'>): number {
  const items = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  const bytes = items.find((item) => item.resourceType === 'script')?.transferSize ?? 0;
  return Number((bytes / 1024).toFixed(1));
}

/** Loads Lighthouse once; `run` then measures one page with one preset in a browser of its own. */
export async function openLighthouse(): Promise<{ run(url: string, preset: Preset): Promise<LighthouseRun> }> {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const { launch } = await import('chrome-launcher');
  return {
    async run(url, preset) {
      const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
      try {
        const result = await lighthouse(
          url,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        const lhr = result.lhr as unknown as LighthouseResult;
        return {
          scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>,
          benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
          totalBlockingTimeMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
          blockingMsBySource: blockingBySource(lhr, url),
          scriptKiB: scriptKiB(lhr),
          lhr,
        };
      } finally {
        await chrome.kill();
      }
    },
  };
}
