/**
 * The budgets that do not depend on the machine's speed: JavaScript (gzip) and script files per
 * page type, on a chapter with listings, a chapter with a diagram and a problem-type page.
 * Lighthouse, which does depend on it, stays a benchmark (scripts/site/benchmark.ts).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PAGE_BUDGETS, measurePage, overBudget, type PageBudget } from '../../scripts/site/lib/page-weight';
import { BUILD_DIR, bookPages, startSite, type RunningSite } from './support/site';

const pages = bookPages();
/** The chapter with the most listings, and the first chapter with a diagram. */
const listings = [...pages].filter((p) => p.code).sort((a, b) => b.embeds.length - a.embeds.length)[0];
const diagram = pages.find((p) => p.hasDiagram && p.route !== '');
/** A problem-type page, from the build. */
const problemDir = path.join(BUILD_DIR, 'problems');
const problem = fs.existsSync(problemDir)
  ? fs.readdirSync(problemDir).filter((name) => name.endsWith('.html')).sort().map((name) => `problems/${name.replace(/\.html$/, '')}`)[0]
  : undefined;

describe('JavaScript budgets per page type', () => {
  let site: RunningSite;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site?.close();
  });

  const cases: [string | undefined, PageBudget][] = [
    [listings?.route, PAGE_BUDGETS.listings],
    [diagram?.route, PAGE_BUDGETS.diagram],
    [problem, PAGE_BUDGETS.problem],
  ];
  for (const [route, budget] of cases) {
    it(`/${route ?? '?'}, ${budget.type}: at most ${budget.kib} KiB of JavaScript (gzip) in at most ${budget.files} files`, async () => {
      assert.ok(route !== undefined, `the book has ${budget.type}`);
      const weight = await measurePage(site.chromium.browser, site.url(route), route);
      console.log(`/${route}: ${weight.kib} KiB of JavaScript (gzip) in ${weight.files} files; ${weight.prefetchedKib} KiB prefetched`);
      assert.ok(weight.files > 0, `/${route} loads scripts`);
      assert.deepEqual(overBudget(weight, budget), [], `/${route} is over budget`);
    });
  }
});
