/**
 * Docusaurus plugin: registers the chapter-data loader that the remark plugins' imports go through
 * (embedded code, "What changed", "Code for this chapter"), and keeps the persistent cache honest:
 * the site's own build code is a build dependency, and the list of chapter folders is part of the
 * cache version (adding a folder changes which chapter is "previous").
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { listChapterFolders } from '../remark/chapters';
import type { ChapterDataLoaderOptions } from '../loaders/chapter-data-loader';

export const DATA_MODULE = path.resolve(__dirname, '../loaders/chapter-data.js');
const LOADER = path.resolve(__dirname, '../loaders/chapter-data-loader.cjs');

/** Files whose change must evict the persistent cache: the code that writes pages' data. */
const BUILD_CODE = [
  LOADER,
  path.resolve(__dirname, '../loaders/chapter-data-loader.ts'),
  ...['chapters', 'chapter-code', 'code-from-file', 'folder-diff', 'mdx-nodes', 'what-changed'].map(
    (name) => path.resolve(__dirname, `../remark/${name}.ts`),
  ),
  // The region parser is shared with the book's listings check.
  path.resolve(__dirname, '../../../scripts/lib/regions.ts'),
  __filename,
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface CacheConfig {
  version?: string;
  buildDependencies?: string[] | { [name: string]: string[] };
}

export default function chapterDataPlugin(
  _context: LoadContext,
  options: ChapterDataLoaderOptions,
): Plugin<void> {
  return {
    name: 'rtr-chapter-data',
    configureWebpack(config) {
      const folders = listChapterFolders(options.codeDir).join(',');
      const stamp = crypto.createHash('sha256').update(folders).digest('hex').slice(0, 12);
      // Rspack: experiments.cache; webpack: cache. Either may be absent (cache disabled).
      const caches = [
        (config as { experiments?: { cache?: CacheConfig } }).experiments?.cache,
        typeof config.cache === 'object' ? (config.cache as CacheConfig) : undefined,
      ];
      for (const cache of caches) {
        if (!cache || typeof cache !== 'object') continue;
        cache.version = `${cache.version ?? ''}-chapters-${stamp}`;
        if (Array.isArray(cache.buildDependencies)) cache.buildDependencies.push(...BUILD_CODE);
        else if (cache.buildDependencies) (cache.buildDependencies.rtr ??= []).push(...BUILD_CODE);
      }
      // Docusaurus gathers modules shared by half the chunks into a "common" chunk that every page
      // loads. Mermaid's many lazily loaded diagram chunks share a large parser, which then lands
      // there too. Count only named chunks (pages, layouts; Mermaid's are unnamed) so the diagram
      // library loads only on pages that draw one.
      const splitChunks = config.optimization?.splitChunks;
      const common = splitChunks && typeof splitChunks === 'object' ? splitChunks.cacheGroups?.common : undefined;
      if (common && typeof common === 'object' && !(common instanceof RegExp)) {
        common.chunks = (chunk: { name?: string | null }) => Boolean(chunk.name);
      }
      return {
        module: {
          rules: [
            {
              test: new RegExp(`^${escape(DATA_MODULE)}$`),
              resourceQuery: /\S/,
              enforce: 'pre',
              use: [{ loader: LOADER, options }],
            },
          ],
        },
      };
    },
  };
}
