import { useMemo } from 'react';
import { useDocsSidebar } from '@docusaurus/plugin-content-docs/client';
import type { PropSidebarItem } from '@docusaurus/plugin-content-docs';
import { DRAFT, type BookPageProps } from '../../plugins/book-page-props';

export interface BookPageLink {
  href: string;
  label: string;
  number: string;
  draft: boolean;
}

function pagesOf(items: readonly PropSidebarItem[], into: BookPageLink[] = []): BookPageLink[] {
  for (const item of items) {
    if (item.type === 'category') pagesOf(item.items, into);
    else if (item.type === 'link') {
      const props = item.customProps as BookPageProps | undefined;
      if (props?.number) into.push({ href: item.href, label: item.label, number: props.number, draft: props.status === DRAFT });
    }
  }
  return into;
}

/**
 * The book's pages in sidebar order, with their numbers and whether they are written, from the
 * sidebar the docs plugin built out of each page's front matter (plugins/book-pages.ts). Empty
 * outside the book.
 */
export function useBookPages(): BookPageLink[] {
  const sidebar = useDocsSidebar();
  return useMemo(() => (sidebar ? pagesOf(sidebar.items) : []), [sidebar]);
}

/** The unfinished page a link points to, if it points to one. */
export function useDraftTarget(href: string | undefined): BookPageLink | undefined {
  const pages = useBookPages();
  if (!href) return undefined;
  const target = href.split('#')[0]!.replace(/\/$/, '');
  return pages.find((page) => page.draft && page.href.replace(/\/$/, '') === target);
}
