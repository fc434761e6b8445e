/**
 * What a page costs the reader in scripts, in figures that do not depend on the machine's speed:
 * the JavaScript a load transfers (gzip, as the test server compresses like GitHub Pages) and how
 * many script files it loads. The budgets below are checked by `npm test` (test/site/budgets.test.ts)
 * and reported by the benchmark (scripts/site/benchmark.ts).
 */
import type { Browser } from 'playwright-core';

export interface PageWeight {
  route: string;
  /** JavaScript the page needs, gzip, KiB. */
  kib: number;
  /** Script files the page needs. */
  files: number;
  /** JavaScript fetched ahead for pages the reader may open next (prefetch), gzip, KiB. */
  prefetchedKib: number;
}

/** A budget for one type of page. */
export interface PageBudget {
  type: string;
  /** At most this much JavaScript, gzip, KiB. */
  kib: number;
  /** At most this many script files. */
  files: number;
}

/**
 * A little above what each type loaded in December 2026: 192, 165 and 136 KiB in 14, 14 and 8 files.
 * (Chapters loaded 7 files until the docs layout's dozen small chunks stopped being merged into one:
 * the merge saved 1.3 to 5 KiB and no measurable time, see website/README.md.)
 */
export const PAGE_BUDGETS = {
  /** A chapter with many listings, such as chapter 7. */
  listings: { type: 'a chapter with listings', kib: 200, files: 16 },
  /** A chapter with a diagram (the diagram library loads only once a diagram comes near). */
  diagram: { type: 'a chapter with a diagram', kib: 200, files: 16 },
  /** A page of the API's problem types. */
  problem: { type: 'a problem-type page', kib: 150, files: 9 },
} satisfies Record<string, PageBudget>;

/** Loads `url` in a fresh context and adds up the scripts it transferred once the network is quiet. */
export async function measurePage(browser: Browser, url: string, route: string): Promise<PageWeight> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const sizes: Promise<{ bytes: number; prefetch: boolean }>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script' && !new URL(request.url()).pathname.endsWith('.js')) return;
      const purpose = request.headers()['sec-purpose'] ?? request.headers()['purpose'] ?? '';
      // A request that finishes as the context closes has no sizes any more: not part of the load.
      sizes.push(request.sizes().then((s) => ({ bytes: s.responseBodySize, prefetch: /prefetch/i.test(purpose) }), () => ({ bytes: 0, prefetch: true })));
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    // Scripts that start after the load (prefetching waits for idle time) have had their chance.
    await page.waitForTimeout(1500);
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    const kib = (list: typeof all) => Number((list.reduce((sum, s) => sum + s.bytes, 0) / 1024).toFixed(1));
    const needed = all.filter((s) => !s.prefetch);
    return { route, kib: kib(needed), files: needed.length, prefetchedKib: kib(all.filter((s) => s.prefetch)) };
  } finally {
    await context.close();
  }
}

/** What is over budget, one line each naming the page and the figure; empty when all is within. */
export function overBudget(weight: PageWeight, budget: PageBudget): string[] {
  const over: string[] = [];
  if (weight.kib > budget.kib) over.push(`/${weight.route} (${budget.type}) loads ${weight.kib} KiB of JavaScript (gzip), over its budget of ${budget.kib} KiB`);
  if (weight.files > budget.files) over.push(`/${weight.route} (${budget.type}) loads ${weight.files} script files, over its budget of ${budget.files}`);
  return over;
}
