/**
 * `serverless package` for the code chapters, as the repo tests read it: the real CLI, no AWS
 * credentials, a HOME of its own, and the output (`--package`) in a folder outside the repository.
 *
 * Packaging is the slow part of the repo tests, and several test files read the same templates.
 * Node's test runner runs each test file in its own process, so `npm test` (scripts/run-checks.ts)
 * packages every chapter once, into one folder, before the repo tests, and names that folder in
 * RTR_PACKAGED_CHAPTERS; a test file then only reads. Run without it (one test file on its own),
 * a test file packages the chapters it asks for itself, into a folder removed when it exits.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Template } from './cloudformation';
import { environmentWithoutAwsCredentials, repoRoot } from './repo';

/** The environment variable that names a folder of chapters packaged by packageChapters(). */
export const PACKAGED_CHAPTERS_VARIABLE = 'RTR_PACKAGED_CHAPTERS';

/**
 * How many `serverless package` run at once: each is a Node process busy on about one core (the
 * CLI, then esbuild, then zipping). Measured on 2 shared cores (8 chapters, load average 13-16,
 * December 2026): 113 s two at a time, 131 s one at a time, 195 s all eight at once.
 */
export const packagingConcurrency = Math.max(1, Math.min(2, availableParallelism()));

export interface PackagedChapter {
  chapter: string;
  /** The `--package` folder: the templates, serverless-state.json and the zips. */
  folder: string;
  /** The update-stack template: the one every deployment after the first sends. */
  template: Template;
  /** The files CloudFormation receives: the create-stack and the update-stack templates. */
  templates: string[];
  /** The stack it deploys to: `<service>-<stage>`. */
  stack: string;
  /** What the CLI resolved from serverless.yml, variables included. */
  provider: { region: string; runtime: string; stage: string };
  esbuildTarget: string | undefined;
  /** Each zip the package holds, and its size in bytes. */
  zips: Record<string, number>;
}

const run = promisify(execFile);
const failureFile = (root: string, chapter: string) => join(root, `${chapter}.failed.txt`);

/**
 * Packages one chapter into `<root>/<chapter>`. A failure is written beside it, as
 * `<chapter>.failed.txt`, for the tests to report, rather than thrown: one chapter that does not
 * package fails that chapter's tests, not the others'.
 */
async function packageInto(root: string, chapter: string): Promise<void> {
  const folder = join(repoRoot, 'chapters-code', chapter);
  try {
    const cli = require.resolve('serverless/bin/serverless.js', { paths: [folder] });
    await run(process.execPath, [cli, 'package', '--package', join(root, chapter)], {
      cwd: folder,
      env: environmentWithoutAwsCredentials({ HOME: root }),
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { message, stdout } = error as Error & { stdout?: string };
    writeFileSync(failureFile(root, chapter), `serverless package failed in chapters-code/${chapter}: ${message}${stdout ? `\n${stdout}` : ''}`);
  }
}

/**
 * A gate that runs at most `concurrency` tasks at a time, the others waiting in the order they
 * came: the chapters asked for first are ready first. A finishing task hands its slot on.
 */
function limiter(concurrency: number) {
  let free = concurrency;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}

/** Packages the given chapters into `root`, `concurrency` at a time. Never throws for a chapter. */
export async function packageChapters(chapters: string[], root: string, concurrency = packagingConcurrency): Promise<void> {
  const limit = limiter(concurrency);
  await Promise.all(chapters.map((chapter) => limit(() => packageInto(root, chapter))));
}

/** Reads what packageChapters() wrote for one chapter; throws the packaging's failure, if any. */
export function readPackagedChapter(root: string, chapter: string): PackagedChapter {
  if (existsSync(failureFile(root, chapter))) throw new Error(readFileSync(failureFile(root, chapter), 'utf8'));
  const folder = join(root, chapter);
  if (!existsSync(join(folder, 'serverless-state.json'))) throw new Error(`${root} holds no package of chapters-code/${chapter}`);
  const templates = ['create', 'update'].map((kind) => join(folder, `cloudformation-template-${kind}-stack.json`));
  const { service } = JSON.parse(readFileSync(join(folder, 'serverless-state.json'), 'utf8')) as {
    service: { service: string; provider: PackagedChapter['provider']; custom?: { esbuild?: { target?: string } } };
  };
  const zips = Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.zip'))
      .map((name) => [name, statSync(join(folder, name)).size]),
  );
  return {
    chapter,
    folder,
    template: JSON.parse(readFileSync(templates[1]!, 'utf8')) as Template,
    templates,
    stack: `${service.service}-${service.provider.stage}`,
    provider: service.provider,
    esbuildTarget: service.custom?.esbuild?.target,
    zips,
  };
}

// In a test process run without RTR_PACKAGED_CHAPTERS: a folder of its own, made on first use.
let ownRoot: string | undefined;
const packageHere = limiter(packagingConcurrency);
const packagings = new Map<string, Promise<PackagedChapter>>();

function ownFolder(): string {
  if (ownRoot === undefined) {
    const root = mkdtempSync(join(tmpdir(), 'rtr-package-'));
    // The cfn-lint test reads the templates from disk until the last test has run.
    process.on('exit', () => rmSync(root, { recursive: true, force: true }));
    ownRoot = root;
  }
  return ownRoot;
}

/**
 * The package of one chapter, for a test: read from the folder RTR_PACKAGED_CHAPTERS names, or,
 * without it, packaged by this process (once, however many tests ask).
 */
export function packagedChapter(chapter: string): Promise<PackagedChapter> {
  let packaging = packagings.get(chapter);
  if (packaging === undefined) {
    const shared = process.env[PACKAGED_CHAPTERS_VARIABLE];
    packaging = shared
      ? Promise.resolve().then(() => readPackagedChapter(shared, chapter))
      : packageHere(async () => {
          const root = ownFolder();
          await packageInto(root, chapter);
          return readPackagedChapter(root, chapter);
        });
    packagings.set(chapter, packaging);
    // A chapter that fails to package fails each test that awaits it, and nothing else.
    packaging.catch(() => undefined);
  }
  return packaging;
}
