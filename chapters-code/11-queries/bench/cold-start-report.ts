/**
 * The shape of bench/cold-start.json and the Markdown written from it. Kept apart from
 * the benchmark so that the repository's book test can rebuild the Markdown from the
 * committed JSON, and fail if the book's table no longer matches the figures.
 */

/** Median and quartiles of one measure over the fresh processes of one variant. */
export interface Spread {
  median: number;
  p25: number;
  p75: number;
}

export interface VariantResult {
  function: string;
  variant: string;
  bundleBytes: number;
  /** The bundle deflated as a zip holds it: what Lambda fetches on a cold start. */
  zippedBytes: number;
  /** Loading the SDK packages the function imports; null when the bundle carries its own. */
  sdk: Spread | null;
  handler: Spread;
  total: Spread;
  /** Processor time of the whole load: less sensitive than wall time to a busy machine. */
  totalCpu: Spread;
}

export interface VariantDescription {
  id: string;
  /** How the variant bundles, in a few words, for the table. */
  label: string;
}

export interface ColdStartResults {
  measuredAt: string;
  machine: { node: string; platform: string; cpus: string; loadAverageBefore: number; loadAverageAfter: number };
  runsPerVariant: number;
  /** The variant every other is compared with: the chapter's bundling before this benchmark. */
  baseline: string;
  /** The variant serverless.yml's custom.esbuild uses, if any. */
  configured: string | null;
  /** The function of the main table. */
  headline: string;
  variants: VariantDescription[];
  results: VariantResult[];
}

const ms = (value: number) => `${Math.round(value)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const change = (value: number, reference: number) => {
  const percent = Math.round((value / reference - 1) * 100);
  return percent === 0 ? '0 %' : `${percent > 0 ? '+' : '−'}${Math.abs(percent)} %`;
};

function find(results: ColdStartResults, fn: string, variant: string): VariantResult {
  const found = results.results.find((result) => result.function === fn && result.variant === variant);
  if (!found) throw new Error(`cold-start.json has no result for ${fn} with ${variant}`);
  return found;
}

/**
 * The main table: every variant for the headline function. Wall time is what Lambda
 * reports as Init Duration; processor time is the steadier figure on a shared machine.
 */
export function headlineTable(results: ColdStartResults): string {
  const today = find(results, results.headline, results.baseline);
  const rows = results.variants.map(({ id, label }) => {
    const result = find(results, results.headline, id);
    const vsToday = (value: number, reference: number) => (id === results.baseline ? '—' : change(value, reference)); // an empty cell breaks the book's table lint
    return [
      id === results.configured ? `**${label} (chosen)**` : label,
      kb(result.bundleBytes),
      result.sdk ? ms(result.sdk.median) : 'in the bundle',
      ms(result.handler.median),
      `${ms(result.total.median)} (${Math.round(result.total.p25)}–${Math.round(result.total.p75)})`,
      vsToday(result.total.median, today.total.median),
      ms(result.totalCpu.median),
      vsToday(result.totalCpu.median, today.totalCpu.median),
    ];
  });
  return [
    '| bundling | bundle | SDK init | handler init | total (p25–p75) | vs today | CPU | vs today |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

/** Every function, today's bundling against the one serverless.yml uses. */
export function functionsTable(results: ColdStartResults): string {
  const chosen = results.configured ?? results.baseline;
  const functions = [...new Set(results.results.map((result) => result.function))];
  return [
    '| function | zip today | zip now | total today | total now | vs today | CPU today | CPU now | vs today |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...functions.map((fn) => {
      const today = find(results, fn, results.baseline);
      const now = find(results, fn, chosen);
      return `| ${[
        fn,
        kb(today.zippedBytes),
        kb(now.zippedBytes),
        ms(today.total.median),
        ms(now.total.median),
        change(now.total.median, today.total.median),
        ms(today.totalCpu.median),
        ms(now.totalCpu.median),
        change(now.totalCpu.median, today.totalCpu.median),
      ].join(' | ')} |`;
    }),
  ].join('\n');
}

/** bench/cold-start.md: the two tables and what they were measured on. */
export function markdown(results: ColdStartResults): string {
  const { machine } = results;
  return [
    `Cold-start init of \`${results.headline}\`, median of ${results.runsPerVariant} fresh Node.js processes per variant, all variants interleaved in one run (wall time, then processor time):`,
    '',
    headlineTable(results),
    '',
    "Every function, today's bundling against this chapter's serverless.yml:",
    '',
    functionsTable(results),
    '',
    `Measured ${results.measuredAt} with Node.js ${machine.node} on ${machine.platform}, ${machine.cpus}; load average ${machine.loadAverageBefore.toFixed(1)} before, ${machine.loadAverageAfter.toFixed(1)} after.`,
    '',
  ].join('\n');
}
