/**
 * Bundler loader (webpack and Rspack) behind the site's remark plugins. It answers imports of
 * `chapter-data.js` by their query and registers every file it reads as a dependency, so
 * `npm start` refreshes a page when that file changes and a warm persistent-cache build never
 * reuses an old answer:
 *
 *   ?embed=PATH[&region=NAME]          { code, startLine, endLine } of a file or region
 *   ?whatChanged=NN-slug[&from=MM-slug] the files that differ from the previous chapter's folder,
 *                                       with loadPatches(): the diffs, in a chunk of their own
 *   ?whatChangedPatches=NN-slug&from=…  those diffs, { path: unified diff }
 *   ?chapterCode=NN-slug                { folder, scripts, dev } for the "Code for this chapter" box
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LoaderContext } from 'webpack';
import { chapterLocalRun, chapterScripts, assertChapterFolder, previousChapterFolder } from '../remark/chapters';
import { resolveInRoot } from '../remark/code-from-file';
import { diffFolders } from '../remark/folder-diff';
import { extractRegion } from '../../../scripts/lib/regions';

export interface ChapterDataLoaderOptions {
  /** Repository root: `embed` paths are relative to it. */
  rootDir: string;
  /** The chapters-code/ folder. */
  codeDir: string;
}

type Context = Pick<
  LoaderContext<ChapterDataLoaderOptions>,
  'getOptions' | 'resourcePath' | 'resourceQuery' | 'addDependency' | 'addContextDependency' | 'addMissingDependency'
>;

/** The loader's work, without the bundler: returns the module's source text. */
export function loadChapterData(context: Context): string {
  const { rootDir, codeDir } = context.getOptions();
  const query = new URLSearchParams(context.resourceQuery.replace(/^\?/, ''));
  const embed = query.get('embed');
  const changed = query.get('whatChanged') ?? query.get('whatChangedPatches');
  const box = query.get('chapterCode');
  let data: unknown;
  if (embed !== null) {
    const region = query.get('region') ?? undefined;
    const label = region ? `${embed}#${region}` : embed;
    const absolute = resolveInRoot(rootDir, embed);
    if (!fs.existsSync(absolute)) {
      context.addMissingDependency(absolute);
      throw new Error(`Cannot embed "${label}": file ${embed} does not exist`);
    }
    context.addDependency(absolute);
    try {
      data = extractRegion(fs.readFileSync(absolute, 'utf8'), region, embed);
    } catch (error) {
      throw new Error(`Cannot embed "${label}": ${(error as Error).message}`);
    }
  } else if (changed !== null) {
    // The folder list decides which folder is "previous"; the plugin puts it in the cache version.
    const toDir = assertChapterFolder(codeDir, changed, 'What changed');
    const from = query.get('from') ?? previousChapterFolder(codeDir, changed);
    const fromDir = from ? assertChapterFolder(codeDir, from, 'What changed') : null;
    const result = diffFolders({ fromDir, toDir, fromLabel: from, toLabel: changed });
    for (const file of result.files) context.addDependency(file);
    for (const dir of result.dirs) context.addContextDependency(dir);
    if (query.has('whatChangedPatches')) {
      data = Object.fromEntries(result.changes.map((c) => [c.path, c.patch]));
    } else {
      // The page gets the list; the diffs, often most of the bytes, load when a reader opens one.
      const summary = {
        from: result.from,
        to: result.to,
        unchanged: result.unchanged,
        changes: result.changes.map(({ patch: _patch, ...rest }) => rest),
      };
      const patches = new URLSearchParams({ whatChangedPatches: changed });
      if (from) patches.set('from', from);
      const request = `${context.resourcePath}?${patches.toString()}`;
      return (
        `const data = ${JSON.stringify(summary)};\n` +
        `export default { ...data, loadPatches: () => import(${JSON.stringify(request)}).then((m) => m.default) };\n`
      );
    }
  } else if (box !== null) {
    const dir = assertChapterFolder(codeDir, box, 'Code for this chapter');
    context.addDependency(path.join(dir, 'package.json'));
    data = { folder: box, scripts: chapterScripts(codeDir, box), dev: chapterLocalRun(codeDir, box) };
  } else {
    throw new Error(`chapter-data.js was imported without a known query: "${context.resourceQuery}"`);
  }
  return `export default ${JSON.stringify(data)};\n`;
}

export default function chapterDataLoader(this: LoaderContext<ChapterDataLoaderOptions>): string {
  return loadChapterData(this);
}
