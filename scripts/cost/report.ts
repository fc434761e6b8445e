/**
 * `tsx scripts/cost/report.ts [--json] [--only 07-dynamodb,…] [--lines]`: every code chapter's
 * cost, computed from its package, the price table and the measured units. Prints a table: the
 * idle cost per month and the cost of a million requests to each route.
 */
import { listOption, parseCli, type CliSpec } from '../lib/cli';
import { chapterCost, costedChapters } from './lib/chapter-costs';
import type { ChapterCost } from './lib/estimate';

const spec: CliSpec = {
  command: 'tsx scripts/cost/report.ts',
  summary: 'Prints what each code chapter costs in AWS: idle per month, and per million requests of each route.',
  options: {
    only: { type: 'string', multiple: true, value: '<a,b>', description: 'only these chapters' },
    json: { type: 'boolean', description: 'print the full figures as JSON' },
    lines: { type: 'boolean', description: 'print every line of each figure' },
  },
  footer: 'Packages each chapter first (about 40 s), unless RTR_PACKAGED_CHAPTERS names a folder of packages.',
};

export const usd = (value: number) => (value === 0 ? '0' : value < 0.01 ? value.toPrecision(2) : value.toFixed(2));

function table(costs: ChapterCost[], lines: boolean): string {
  const rows = ['| chapter | idle per month (USD) | route | per million requests (USD) | DynamoDB units (read / write) |', '| --- | ---: | --- | ---: | ---: |'];
  for (const cost of costs) {
    cost.routes.forEach((route, index) => {
      rows.push(`| ${index === 0 ? cost.chapter : ''} | ${index === 0 ? usd(cost.idle.usdPerMonth) : ''} | \`${route.route}\` | ${usd(route.usdPerMillion)} | ${route.readUnits} / ${route.writeUnits} |`);
      if (lines) for (const line of route.lines) rows.push(`| | | ${line.what} | ${usd(line.usd)} | |`);
    });
  }
  return rows.join('\n');
}

async function main(): Promise<number> {
  const values = parseCli(spec);
  const chapters = listOption(spec, values, 'only', costedChapters()) ?? costedChapters();
  const costs = await Promise.all(chapters.map(chapterCost));
  const unpriced = costs.filter((cost) => cost.unpriced.length > 0);
  if (values.json) console.log(JSON.stringify(costs, null, 2));
  else console.log(table(costs, values.lines === true));
  for (const cost of unpriced) console.error(`${cost.chapter}: the price table does not know ${cost.unpriced.join(', ')}`);
  return unpriced.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`cost report failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
