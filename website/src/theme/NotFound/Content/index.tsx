import type { ReactNode } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import type { Props } from '@theme/NotFound/Content';
import styles from './styles.module.css';

/** The 404 page: say what happened and offer the way back into the book. */
export default function NotFoundContent({ className }: Props): ReactNode {
  return (
    <main className={clsx('container margin-vert--xl', className)}>
      <div className={styles.box}>
        <Heading as="h1">This page is not in the book</Heading>
        <p>
          The address may be mistyped, or the page may have moved when the chapters were renumbered. The
          search box at the top of the page finds any chapter by a word it contains.
        </p>
        <p>
          <Link className="button button--primary" to="/">
            Go to the first chapter
          </Link>
        </p>
      </div>
    </main>
  );
}
