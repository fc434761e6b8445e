import MDXComponents from '@theme-original/MDXComponents';
import UnfinishedChapters from '../../components/Unfinished';

/** Docusaurus's MDX components, plus the book's own that a page may use without an import. */
export default {
  ...MDXComponents,
  UnfinishedChapters,
};
