/**
 * Chapter 10's page shows the cold-start table that chapter 11's benchmark measured.
 * The table is typed into the page (the site renders Markdown tables, not embedded
 * files), so these tests tie it to the committed figures: the page's table must be
 * the one in bench/cold-start.md, and that file must be what bench/cold-start.json
 * gives. Re-running the benchmark without updating the page fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { type ColdStartResults, headlineTable, markdown } from '../../chapters-code/11-queries/bench/cold-start-report';
import { ROOT } from './helpers.js';

const bench = join(ROOT, 'chapters-code', '11-queries', 'bench');
const results = JSON.parse(readFileSync(join(bench, 'cold-start.json'), 'utf8')) as ColdStartResults;
const page = readFileSync(join(ROOT, 'book', '10-testing.md'), 'utf8');

/** Every Markdown table of a text: runs of consecutive lines that start with "|". */
function tables(text: string): string[] {
  const found: string[][] = [];
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) {
      if (!current) found.push((current = []));
      current.push(line);
    } else {
      current = undefined;
    }
  }
  return found.map((lines) => lines.join('\n'));
}

describe('the cold-start table', () => {
  test('bench/cold-start.md is what bench/cold-start.json gives', () => {
    assert.equal(readFileSync(join(bench, 'cold-start.md'), 'utf8'), markdown(results));
  });

  test("chapter 10's page shows the committed table, figure for figure", () => {
    const expected = headlineTable(results);
    const onPage = tables(page).filter((table) => table.startsWith(expected.split('\n')[0]!));
    assert.equal(onPage.length, 1, 'book/10-testing.md should hold the cold-start table once');
    assert.equal(onPage[0], expected);
  });

  test('the page names the month and the machine the table was measured on', () => {
    assert.match(page, new RegExp(`Node\\.js ${results.machine.node.replace(/^v/, '').replace(/\./g, '\\.')}`));
    const [year, month] = results.measuredAt.split('-').map(Number);
    const monthName = new Date(Date.UTC(year!, month! - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    assert.match(page, new RegExp(`${monthName} ${year}`));
  });
});
