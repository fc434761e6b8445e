/**
 * The book's Markdown conventions as one bundle of remark plugins plus the Docusaurus plugin that
 * serves their data, so the site and the test fixture site configure them the same way.
 */
import path from 'node:path';
import type { PluginConfig } from '@docusaurus/types';
import chapterCode from '../remark/chapter-code';
import codeFromFile from '../remark/code-from-file';
import whatChanged from '../remark/what-changed';
import chapterDataPlugin, { DATA_MODULE } from './chapter-data';

export interface BookPaths {
  /** Repository root: embedded file paths are relative to it. */
  rootDir: string;
  /** The chapters-code/ folder; defaults to ROOT/chapters-code. */
  codeDir?: string;
}

export function bookMarkdown({ rootDir, codeDir = path.join(rootDir, 'chapters-code') }: BookPaths) {
  const dataModule = DATA_MODULE;
  return {
    /** For the docs plugin's `remarkPlugins`. */
    remarkPlugins: [
      [codeFromFile, { rootDir, dataModule }],
      [whatChanged, { codeDir, dataModule }],
      [chapterCode, { codeDir, dataModule }],
    ] as [unknown, unknown][],
    /** For the site's `plugins`. */
    plugin: [chapterDataPlugin, { rootDir, codeDir }] as PluginConfig,
  };
}
