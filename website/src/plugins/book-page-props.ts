/**
 * What the theme reads from a book page's sidebar item (set by book-pages.ts). No Node.js imports:
 * the browser bundle uses this file too.
 */

/** The value of `status` that marks an unfinished page. */
export const DRAFT = 'draft';
/** The sidebar item's class for an unfinished page (its "draft" badge, css/custom.css). */
export const DRAFT_CLASS = 'rtr-draft';

/** What the sidebar item of a book page carries for the theme (`customProps`). */
export interface BookPageProps {
  /** "7", or "A" for an appendix. */
  number: string;
  status?: typeof DRAFT;
}
