import type { ComponentProps, ReactNode } from 'react';
import MDXComponents from '@theme-original/MDXComponents';
import UnfinishedChapters from '../../components/Unfinished';
import ChapterCost from '../../components/ChapterCost';

/**
 * A table in the prose: a box that scrolls sideways when the table is wider than the column
 * (css/custom.css), focusable so that a keyboard can scroll it too.
 */
function Table(props: ComponentProps<'table'>): ReactNode {
  return <table tabIndex={0} {...props} />;
}

/** Docusaurus's MDX components, plus the book's own that a page may use without an import. */
export default {
  ...MDXComponents,
  table: Table,
  UnfinishedChapters,
  ChapterCost,
};
