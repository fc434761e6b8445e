/**
 * What the site derives from a book page's file name and front matter, in one place:
 *
 * - its number: the file name's prefix, "07-dynamodb" → "7", "a-troubleshooting" → "A". The site
 *   shows it before the title, in the page's heading, the sidebar, breadcrumbs and previous/next.
 * - whether it is written: `status: draft` in the front matter marks a page that only says what it
 *   will cover. The sidebar, previous/next, the page itself and links to it say so until the field
 *   goes (theme/DocItem/Content, theme/MDXComponents, components/Unfinished, css/custom.css).
 *
 * Both reach the docs plugin through Docusaurus's `markdown.parseFrontMatter` hook (bookFrontMatter),
 * so the sidebar, breadcrumbs and pagination get them from Docusaurus's own front matter fields.
 */
import path from 'node:path';
import type { ParseFrontMatter } from '@docusaurus/types';
import { DRAFT, DRAFT_CLASS, type BookPageProps } from './book-page-props';

export { DRAFT, DRAFT_CLASS, type BookPageProps };

/** The number or letter a book file's name starts with, as a reader sees it; null for other files. */
export function chapterNumber(fileName: string): string | null {
  const base = path.basename(fileName).replace(/\.mdx?$/, '');
  const digits = /^(\d{2})-[a-z0-9]/.exec(base);
  if (digits) return String(Number(digits[1]));
  const letter = /^([a-z])-[a-z0-9]/.exec(base);
  return letter ? letter[1]!.toUpperCase() : null;
}

/** The title a page is shown with: "7. Storing ratings in DynamoDB". */
export function numberedTitle(number: string | null, title: string): string {
  return number ? `${number}. ${title}` : title;
}

/**
 * Adds the number and the draft mark to the front matter of the pages in `bookDir`, as Docusaurus's
 * own fields: `title` (the heading, the tab's title, search, previous/next), `sidebar_class_name`,
 * `sidebar_custom_props` and, for a draft, `pagination_label`. Fields the page sets itself win.
 */
export function bookFrontMatter(bookDir: string): ParseFrontMatter {
  const root = path.resolve(bookDir);
  return async (params) => {
    const result = await params.defaultParseFrontMatter(params);
    if (path.dirname(path.resolve(params.filePath)) !== root) return result;
    const number = chapterNumber(params.filePath);
    const front = result.frontMatter;
    if (!number || typeof front.title !== 'string') return result;
    const draft = front.status === DRAFT;
    const title = numberedTitle(number, front.title);
    const props: BookPageProps = draft ? { number, status: DRAFT } : { number };
    return {
      ...result,
      frontMatter: {
        ...(draft ? { sidebar_class_name: DRAFT_CLASS, pagination_label: `${title} (draft)` } : {}),
        sidebar_custom_props: props,
        ...front,
        title,
      },
    };
  };
}
