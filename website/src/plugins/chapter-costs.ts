/**
 * Docusaurus plugin: computes every code chapter's cost at build time (scripts/cost: the chapter's
 * packaged template, the dated price table of book/prices/ and the units measured per route) and
 * hands the totals to <ChapterCost />, so a page's figure can never disagree with its template.
 * Packaging takes about 40 s; with RTR_PACKAGED_CHAPTERS set, the packages there are read instead.
 */
import type { LoadContext, Plugin } from '@docusaurus/types';
import { allChapterCosts } from '../../../scripts/cost/lib/chapter-costs';

/** What a page shows: the totals, not every line (global data ships with every page). */
export interface ChapterCostSummary {
  chapter: string;
  region: string;
  /** `2026-12` */
  pricesRead: string;
  idleUsdPerMonth: number;
  routes: Array<{ route: string; usdPerMillion: number; readUnits: number; writeUnits: number }>;
}

export const CHAPTER_COSTS_PLUGIN = 'rtr-chapter-costs';

export default function chapterCostsPlugin(_context: LoadContext): Plugin<unknown> {
  return {
    name: CHAPTER_COSTS_PLUGIN,
    async loadContent(): Promise<ChapterCostSummary[]> {
      const costs = await allChapterCosts();
      const unpriced = costs.filter((cost) => cost.unpriced.length > 0);
      if (unpriced.length > 0) {
        throw new Error(`The price table (book/prices/) does not know: ${unpriced.map((cost) => `${cost.chapter}: ${cost.unpriced.join(', ')}`).join('; ')}`);
      }
      return costs.map((cost) => ({
        chapter: cost.chapter,
        region: cost.prices.region,
        pricesRead: cost.prices.read,
        idleUsdPerMonth: cost.idle.usdPerMonth,
        routes: cost.routes.map(({ route, usdPerMillion, readUnits, writeUnits }) => ({ route, usdPerMillion, readUnits, writeUnits })),
      }));
    },
    async contentLoaded({ content, actions }) {
      actions.setGlobalData({ costs: content });
    },
  };
}
