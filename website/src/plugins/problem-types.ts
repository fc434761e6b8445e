/**
 * Docusaurus plugin: one page per problem type the API answers with, at the URI the code puts in
 * each problem document's `type` (RFC 9457 says such a URI should lead a person to documentation).
 * The pages are generated from the newest chapter's `src/http/problems.ts` and `statuses.ts`, so
 * they list exactly what the code can send; the earliest chapter that defines a type introduces it.
 */
import fs from 'node:fs';
import path from 'node:path';
import createJiti from 'jiti';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { listChapterFolders } from '../remark/chapters';

export interface ProblemTypePage {
  slug: string;
  /** The full URI, exactly as the API sends it in `type`. */
  type: string;
  status: number;
  title: string;
  /** When the API answers with it, from the chapter's status table (Markdown code spans allowed). */
  when: string;
  /** The chapter folder whose code first defines it, e.g. 08-validation. */
  introducedIn: string;
  /** The chapter folder the page describes (the newest one). */
  describedBy: string;
}

export interface ProblemTypesContent {
  typeBase: string;
  pages: ProblemTypePage[];
}

interface ProblemModule {
  problemTypes: Record<string, { status: number; slug: string; title: string }>;
  problemTypeUri: (kind: string) => string;
}
interface StatusModule {
  statusTable: readonly { status: number; problem?: string; when: string }[];
}

const PROBLEMS = 'src/http/problems.ts';
const STATUSES = 'src/http/statuses.ts';

/** Reads the problem types of every chapter that has them; throws on anything inconsistent. */
export function readProblemTypes(codeDir: string): ProblemTypesContent | undefined {
  const load = createJiti(__filename, { interopDefault: true, cache: false, requireCache: false });
  const chapters = listChapterFolders(codeDir).filter((folder) => fs.existsSync(path.join(codeDir, folder, PROBLEMS)));
  if (chapters.length === 0) return undefined;
  const modules = chapters.map((folder) => ({ folder, problems: load(path.join(codeDir, folder, PROBLEMS)) as ProblemModule }));
  const newest = modules[modules.length - 1]!;
  const statuses = load(path.join(codeDir, newest.folder, STATUSES)) as StatusModule;

  const kinds = Object.keys(newest.problems.problemTypes);
  const bases = new Set(kinds.map((kind) => {
    const uri = newest.problems.problemTypeUri(kind);
    return uri.slice(0, uri.length - newest.problems.problemTypes[kind]!.slug.length);
  }));
  if (bases.size !== 1) throw new Error(`${newest.folder}/${PROBLEMS}: the type URIs do not share one base: ${[...bases].join(', ')}`);
  const typeBase = [...bases][0]!;
  const pages = kinds.map((kind): ProblemTypePage => {
    const { slug, status, title } = newest.problems.problemTypes[kind]!;
    const row = statuses.statusTable.find((entry) => entry.problem === kind);
    if (!row) throw new Error(`${newest.folder}/${STATUSES}: no status row for the problem type "${kind}"`);
    const first = modules.find(({ problems }) => Object.values(problems.problemTypes).some((type) => type.slug === slug))!;
    return { slug, type: newest.problems.problemTypeUri(kind), status, title, when: row.when, introducedIn: first.folder, describedBy: newest.folder };
  });
  return { typeBase, pages };
}

export default function problemTypesPlugin(context: LoadContext, options: { codeDir: string }): Plugin<ProblemTypesContent | undefined> {
  const route = (slug?: string) => `${context.baseUrl}problems${slug ? `/${slug}` : ''}`;
  return {
    name: 'rtr-problem-types',
    getPathsToWatch() {
      return [path.join(options.codeDir, '*', 'src/http/{problems,statuses}.ts')];
    },
    async loadContent() {
      const content = readProblemTypes(options.codeDir);
      const pagesAt = `${context.siteConfig.url}${route()}/`;
      // The code's `type` URIs must lead to these pages, unless a fork publishes the site elsewhere.
      const relocated = Boolean(process.env.SITE_URL || process.env.BASE_URL);
      if (content && content.typeBase !== pagesAt && !relocated) {
        throw new Error(`Problem type URIs start with ${content.typeBase}, but their pages are at ${pagesAt}`);
      }
      return content;
    },
    async contentLoaded({ content, actions }) {
      if (!content) return;
      const index = await actions.createData('problem-types.json', JSON.stringify(content));
      actions.addRoute({ path: route(), exact: true, component: '@site/src/components/ProblemTypes/ProblemTypeList.tsx', modules: { content: index } });
      for (const page of content.pages) {
        const data = await actions.createData(`problem-${page.slug}.json`, JSON.stringify(page));
        actions.addRoute({ path: route(page.slug), exact: true, component: '@site/src/components/ProblemTypes/ProblemTypePage.tsx', modules: { page: data } });
      }
    },
  };
}
