/**
 * The difference between two chapter code folders, as the "What changed" block shows it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { parseMarker, splitLines } from '../../../scripts/lib/regions';

/** Names skipped wherever they appear: dependencies, build output, local data, lock files. */
export const IGNORED_NAMES: ReadonlySet<string> = new Set([
  'node_modules',
  '.serverless',
  '.esbuild',
  '.build',
  'dist',
  'coverage',
  '.dynamodb',
  'test-output',
  '.DS_Store',
  'package-lock.json',
  // Answers to a chapter's exercises (exercises/, test/unit/exercises/): not part of the service,
  // so not part of what the next chapter changes.
  'exercises',
]);
export const IGNORED_SUFFIXES: readonly string[] = ['.log', '.tsbuildinfo'];

export function isIgnored(name: string): boolean {
  return IGNORED_NAMES.has(name) || IGNORED_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

export interface FolderListing {
  /** Files, relative POSIX paths, sorted. */
  files: string[];
  /** Directories walked (absolute paths), the folder itself first. */
  dirs: string[];
}

export function listFolder(root: string): FolderListing {
  const files: string[] = [];
  const dirs: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    dirs.push(dir);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (isIgnored(entry.name)) continue;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else if (entry.isFile()) files.push(rel);
    }
  };
  walk(root, '');
  files.sort();
  return { files, dirs };
}

export type ChangeStatus = 'added' | 'removed' | 'changed';

export interface FileChange {
  path: string;
  status: ChangeStatus;
  additions: number;
  deletions: number;
  binary: boolean;
  /** Unified diff (no "Index:" header); empty for binary files. */
  patch: string;
}

export interface FolderDiff {
  from: string | null;
  to: string;
  changes: FileChange[];
  unchanged: number;
}

export interface DiffInput {
  /** Absolute path of the older folder, or null when there is none (every file is added). */
  fromDir: string | null;
  toDir: string;
  /** Labels used in the patch headers, e.g. the folder names. */
  fromLabel: string | null;
  toLabel: string;
}

export interface DiffResult extends FolderDiff {
  /** Every file and directory read, so a bundler can watch them. */
  files: string[];
  dirs: string[];
}

export function diffFolders({ fromDir, toDir, fromLabel, toLabel }: DiffInput): DiffResult {
  const before = fromDir ? listFolder(fromDir) : { files: [], dirs: [] };
  const after = listFolder(toDir);
  const all = [...new Set([...before.files, ...after.files])].sort();
  const oldSet = new Set(before.files);
  const newSet = new Set(after.files);
  const changes: FileChange[] = [];
  const read: string[] = [];
  let unchanged = 0;
  for (const rel of all) {
    const oldPath = oldSet.has(rel) && fromDir ? path.join(fromDir, rel) : null;
    const newPath = newSet.has(rel) ? path.join(toDir, rel) : null;
    if (oldPath) read.push(oldPath);
    if (newPath) read.push(newPath);
    const oldBytes = oldPath ? fs.readFileSync(oldPath) : null;
    const newBytes = newPath ? fs.readFileSync(newPath) : null;
    if (oldBytes && newBytes && oldBytes.equals(newBytes)) {
      unchanged += 1;
      continue;
    }
    const status: ChangeStatus = !oldBytes ? 'added' : !newBytes ? 'removed' : 'changed';
    const binary = isBinary(oldBytes) || isBinary(newBytes);
    if (binary) {
      changes.push({ path: rel, status, additions: 0, deletions: 0, binary, patch: '' });
      continue;
    }
    const oldText = oldBytes ? withoutMarkers(oldBytes.toString('utf8')) : '';
    const newText = newBytes ? withoutMarkers(newBytes.toString('utf8')) : '';
    const patch = createTwoFilesPatch(
      oldBytes ? `${fromLabel}/${rel}` : '/dev/null',
      newBytes ? `${toLabel}/${rel}` : '/dev/null',
      oldText,
      newText,
      undefined,
      undefined,
      { context: 3 },
    )
      // The first line is a row of "=" that says nothing.
      .replace(/^=+\n/, '')
      .trimEnd();
    let additions = 0;
    let deletions = 0;
    for (const line of patch.split('\n')) {
      if (line.startsWith('+') && !line.startsWith('+++')) additions += 1;
      else if (line.startsWith('-') && !line.startsWith('---')) deletions += 1;
    }
    changes.push({ path: rel, status, additions, deletions, binary, patch });
  }
  return {
    from: fromLabel,
    to: toLabel,
    changes,
    unchanged,
    files: read,
    dirs: [...before.dirs, ...after.dirs],
  };
}

function isBinary(bytes: Buffer | null): boolean {
  if (!bytes) return false;
  return bytes.subarray(0, 8000).includes(0);
}

/**
 * The file as its listings show it: `#region` and `#endregion` marker lines dropped (the region
 * parser's own test for a marker), line ends as \n. A file whose only change is a marker then has
 * an empty diff.
 */
function withoutMarkers(text: string): string {
  return splitLines(text)
    .filter((line) => !parseMarker(line))
    .join('\n');
}
