import type { ReactNode } from 'react';
import Admonition from '@theme/Admonition';
import { useBookPages, type BookPageLink } from './drafts';
import styles from './styles.module.css';

export { useBookPages, useDraftTarget } from './drafts';

/** "12 to 18", "12 and 14", "3, 5 and 7 to 9": runs of consecutive numbers or letters. */
export function describeRuns(values: string[]): string {
  const order = (value: string) => (/^\d+$/.test(value) ? Number(value) : value.charCodeAt(0));
  const runs: string[][] = [];
  for (const value of values) {
    const run = runs[runs.length - 1];
    if (run && order(value) === order(run[run.length - 1]!) + 1) run.push(value);
    else runs.push([value]);
  }
  const parts = runs.map((run) => (run.length === 1 ? run[0]! : run.length === 2 ? `${run[0]} and ${run[1]}` : `${run[0]} to ${run[run.length - 1]}`));
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "chapters 12 to 18 and appendices A to C", or null when every page is written. */
export function describeDrafts(pages: BookPageLink[]): string | null {
  const drafts = pages.filter((page) => page.draft).map((page) => page.number);
  const chapters = drafts.filter((n) => /^\d+$/.test(n));
  const appendices = drafts.filter((n) => !/^\d+$/.test(n));
  const parts = [
    chapters.length ? `${chapters.length === 1 ? 'chapter' : 'chapters'} ${describeRuns(chapters)}` : '',
    appendices.length ? `${appendices.length === 1 ? 'appendix' : 'appendices'} ${describeRuns(appendices)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' and ') : null;
}

/**
 * Which pages of the book are not written yet, said where it is written (Welcome), from the pages'
 * own `status: draft`; nothing once every page is written.
 */
export default function UnfinishedChapters(): ReactNode {
  const drafts = describeDrafts(useBookPages());
  if (!drafts) return null;
  return (
    <div data-unfinished-chapters>
      <Admonition type="info" title="Still being written">
        <p>
          The book is being written in order, and {drafts} are not written yet. Until they are, each of their pages only says what it will
          cover, and the sidebar and the links to them mark them <span className={styles.badge}>draft</span>. Everything up to them is complete and
          runs as shown.
        </p>
      </Admonition>
    </div>
  );
}
