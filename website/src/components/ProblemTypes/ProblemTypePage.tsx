import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import CodeBlock from '@theme/CodeBlock';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import type { ProblemTypePage } from '../../plugins/problem-types';
import { adviceFor } from './advice';
import InlineCode from './InlineCode';
import styles from './styles.module.css';

const chapterNumber = (folder: string) => Number(folder.slice(0, 2));

/** The page a problem document's `type` URI leads to. */
export default function ProblemTypePage({ page }: { page: ProblemTypePage }): ReactNode {
  const example = { type: page.type, title: page.title, status: page.status, detail: '…' };
  return (
    <Layout title={`${page.title} (${page.status})`} description={`The ${page.slug} problem type of the Rate the Ride API: when it is sent and what a client should do.`}>
      <main className={`container margin-vert--lg ${styles.page}`}>
        {/* An <article>, as a book page is: the search index reads a page's title and sections from it. */}
        <article className="markdown">
          <p className={styles.kicker}>
            <Link to="/problems">Problem types</Link> of the driver-ratings API
          </p>
          <Heading as="h1">{page.title}</Heading>
          <dl className={styles.facts}>
            <dt>Status</dt>
            <dd>{page.status}</dd>
            <dt>Type</dt>
            <dd>
              <code>{page.type}</code>
            </dd>
            <dt>Introduced in</dt>
            <dd>
              <Link to={`/${page.introducedIn}`}>chapter {chapterNumber(page.introducedIn)}</Link>
            </dd>
          </dl>
          <Heading as="h2">When the API sends it</Heading>
          <p>
            <InlineCode text={page.when} />
          </p>
          <Heading as="h2">What a client should do</Heading>
          <p>
            <InlineCode text={adviceFor(page.slug, page.status)} />
          </p>
          <Heading as="h2">What it looks like</Heading>
          <p>
            The body is sent as <code>application/problem+json</code> (RFC 9457); <code>detail</code> explains this
            occurrence. Clients should branch on <code>type</code>, never on the English text.
          </p>
          <CodeBlock language="json">{JSON.stringify(example, null, 2)}</CodeBlock>
          <p className={styles.source}>
            Generated from <code>chapters-code/{page.describedBy}/src/http/problems.ts</code> and <code>statuses.ts</code>.
          </p>
        </article>
      </main>
    </Layout>
  );
}
