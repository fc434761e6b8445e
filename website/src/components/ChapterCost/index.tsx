import type { ReactNode } from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import type { ChapterCostSummary } from '../../plugins/chapter-costs';
import styles from './styles.module.css';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "USD 4.06"; amounts under a cent keep two significant digits, so they never read as zero. */
export function formatUsd(value: number): string {
  if (value === 0) return 'USD 0';
  if (value < 0.01) return `USD ${Number(value.toPrecision(2)).toLocaleString('en-US', { maximumSignificantDigits: 2, maximumFractionDigits: 12 })}`;
  return `USD ${value.toFixed(2)}`;
}

/** "December 2026" from "2026-12". */
export const monthName = (read: string) => `${months[Number(read.slice(5, 7)) - 1]} ${read.slice(0, 4)}`;

/**
 * What the page's chapter costs in AWS, computed at build time from its packaged template
 * (website/src/plugins/chapter-costs.ts). `chapter` defaults to the page's `code:` front matter.
 */
export default function ChapterCost({ chapter }: { chapter?: string }): ReactNode {
  const { costs } = usePluginData('rtr-chapter-costs') as { costs: ChapterCostSummary[] };
  const { frontMatter } = useDoc();
  const name = chapter ?? String((frontMatter as { code?: string }).code ?? '');
  const cost = costs.find((candidate) => candidate.chapter === name);
  if (!cost) throw new Error(`<ChapterCost />: no computed cost for chapter "${name}" (see scripts/cost/README.md)`);
  const invocations = cost.routes.every((route) => route.route.startsWith('invoke '));
  const database = cost.routes.some((route) => route.readUnits > 0 || route.writeUnits > 0);
  return (
    <div className={styles.cost}>
      <p>
        Idle, with nobody calling, this stack costs <strong>{formatUsd(cost.idleUsdPerMonth)} a month</strong>. Each million{' '}
        {invocations ? 'invocations' : 'requests'} costs, before any free tier:
      </p>
      {/* As every table of the book: a block that scrolls sideways on a narrow screen, focusable so a keyboard can scroll it. */}
      <table tabIndex={0}>
        <thead>
          <tr>
            <th scope="col">{invocations ? 'function' : 'route'}</th>
            <th scope="col">per million</th>
            {database && <th scope="col">DynamoDB read / write units per request</th>}
          </tr>
        </thead>
        <tbody>
          {cost.routes.map((route) => (
            <tr key={route.route}>
              <td>
                <code>{route.route.replace(/^invoke /, '')}</code>
              </td>
              <td>{formatUsd(route.usdPerMillion)}</td>
              {database && (
                <td>
                  {route.readUnits} / {route.writeUnits}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.source}>
        Computed when this site was built, from this chapter&apos;s packaged CloudFormation template
        {database ? ', the units DynamoDB Local measured for each route' : ''}, a 50 ms billed duration and Lambda&apos;s own log lines per
        invocation, and <code>{cost.region}</code> prices as of {monthName(cost.pricesRead)} (<code>book/prices/</code>).
      </p>
    </div>
  );
}
