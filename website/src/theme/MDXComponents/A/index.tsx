import type { ReactNode } from 'react';
import A from '@theme-original/MDXComponents/A';
import type AType from '@theme/MDXComponents/A';
import type { WrapperProps } from '@docusaurus/types';
import { useDraftTarget } from '../../../components/Unfinished/drafts';
import styles from '../../../components/Unfinished/styles.module.css';

type Props = WrapperProps<typeof AType>;

/** A link in the prose, marked "draft" when it leads to a page that is not written yet. */
export default function DraftAwareLink(props: Props): ReactNode {
  const draft = useDraftTarget(props.href);
  if (!draft) return <A {...props} />;
  return (
    <>
      <A {...props} data-draft-link="" />
      <span className={styles.badge}>draft</span>
    </>
  );
}
