import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useRepo } from '../repo';
import { usePrint, whenDrawn } from '../print';
import PathText from '../PathText';
import styles from './styles.module.css';

export interface FileChange {
  path: string;
  status: 'added' | 'removed' | 'changed';
  additions: number;
  deletions: number;
  binary: boolean;
}

export interface Props {
  data: {
    from: string | null;
    to: string;
    changes: FileChange[];
    unchanged: number;
    /** The unified diff of each file, by path; a chunk of its own, loaded on first use. */
    loadPatches: () => Promise<Record<string, string>>;
  };
}

const LABEL: Record<FileChange['status'], string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
};

/**
 * A unified diff, one element per line, coloured by kind. Deliberately not a syntax-highlighted
 * code block: a chapter's diff can run to thousands of lines.
 */
function Patch({ patch }: { patch: string }): ReactNode {
  return (
    <pre className={styles.patch} tabIndex={0}>
      <code>
        {patch.split('\n').map((line, index) => (
          <span key={index} className={lineClass(line)}>
            {line}
            {'\n'}
          </span>
        ))}
      </code>
    </pre>
  );
}

function lineClass(line: string): string | undefined {
  if (line.startsWith('@@')) return styles.hunk;
  if (line.startsWith('+++') || line.startsWith('---')) return styles.header;
  if (line.startsWith('+')) return styles.add;
  if (line.startsWith('-')) return styles.remove;
  return undefined;
}

/** The body of an opened file: its diff, or why there is none yet. */
function FileBody({ change, patch, failed }: { change: FileChange; patch: string | null; failed: boolean }): ReactNode {
  if (change.binary) return <p className={styles.note}>Binary file; no diff shown.</p>;
  // A file whose only change is a region marker, which listings and diffs leave out.
  if (patch !== null && change.status === 'changed' && !/^@@/m.test(patch)) {
    return <p className={styles.note}>Only its region markers changed; the listings do not show them.</p>;
  }
  if (patch !== null) return <Patch patch={patch} />;
  return <p className={styles.note}>{failed ? 'The diff could not be loaded.' : 'Loading the diff…'}</p>;
}

/**
 * One file: a row that opens to its diff. The row is as few elements as it can be (a chapter lists
 * dozens of files, and every element is work for the browser as the page starts), and the body is
 * rendered only once the reader opens the file.
 */
function FileDiff({ change, load }: { change: FileChange; load: () => Promise<Record<string, string>> }): ReactNode {
  const [opened, setOpened] = useState(false);
  const [patch, setPatch] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  const loadIfOpen = () => {
    // Once per file, or again after a failed load.
    if (!details.current?.open || patch !== null || (opened && !failed)) return;
    setOpened(true);
    setFailed(false);
    if (change.binary) return;
    load()
      .then((patches) => setPatch(patches[change.path] ?? ''))
      .catch(() => setFailed(true));
  };
  // A reader may open a file before the page's scripts have run: the browser opens <details> on its
  // own, and React, which attaches later, never sees that toggle. So look once it has.
  useEffect(loadIfOpen, []);
  const counts = change.binary ? 'binary file' : `+${change.additions} −${change.deletions}`;
  return (
    <details
      ref={details}
      className={styles.file}
      data-path={change.path}
      data-status={change.status}
      onToggle={loadIfOpen}
    >
      <summary className={styles.summary}>
        <span className={`${styles.badge} ${styles[change.status]}`}>{LABEL[change.status]}</span>
        <code className={styles.path}>
          <PathText path={change.path} />
        </code>
        <span className={styles.counts}>{counts}</span>
      </summary>
      {opened && <FileBody change={change} patch={patch} failed={failed} />}
    </details>
  );
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The files a chapter's code adds, changes and removes, each with a collapsible unified diff. */
export default function WhatChanged({ data }: Props): ReactNode {
  const repo = useRepo();
  const root = useRef<HTMLDivElement>(null);
  // Printed open, every file with its diff; after printing, the files the reader had closed close.
  const openedForPrint = useRef<HTMLDetailsElement[]>([]);
  usePrint({
    prepare: () => {
      const element = root.current;
      if (!element) return Promise.resolve();
      const files = Array.from(element.querySelectorAll<HTMLDetailsElement>('details[data-path]'));
      for (const details of files) {
        if (details.open) continue;
        details.open = true;
        openedForPrint.current.push(details);
      }
      const shown = (details: HTMLDetailsElement) =>
        details.querySelector(':scope > pre') !== null || Array.from(details.querySelectorAll(':scope > p')).some((p) => !p.textContent?.startsWith('Loading'));
      return whenDrawn(element, () => files.every(shown));
    },
    restore: () => {
      for (const details of openedForPrint.current) details.open = false;
      openedForPrint.current = [];
    },
  });
  const by = (status: FileChange['status']) => data.changes.filter((c) => c.status === status).length;
  const folder = (name: string) => (
    <a href={`${repo.url}/tree/${repo.branch}/chapters-code/${name}`}>
      <code>chapters-code/{name}</code>
    </a>
  );
  return (
    <div ref={root} className={styles.whatChanged} data-what-changed={data.to} data-from={data.from ?? ''}>
      <p>
        {data.from ? (
          <>
            From {folder(data.from)} to {folder(data.to)}:{' '}
          </>
        ) : (
          <>Every file of {folder(data.to)} is new: </>
        )}
        {count(by('added'), 'file')} added, {by('changed')} changed, {by('removed')} removed
        {data.from ? `, ${data.unchanged} unchanged` : ''}.
      </p>
      {data.changes.length === 0 ? <p>No file changed.</p> : null}
      {data.changes.map((change) => (
        <FileDiff key={change.path} change={change} load={data.loadPatches} />
      ))}
    </div>
  );
}
