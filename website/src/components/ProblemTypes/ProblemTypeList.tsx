import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import type { ProblemTypesContent } from '../../plugins/problem-types';
import InlineCode from './InlineCode';
import styles from './styles.module.css';

/** Every problem type the API can answer with: where the type URIs' common base leads. */
export default function ProblemTypeList({ content }: { content: ProblemTypesContent }): ReactNode {
  return (
    <Layout title="Problem types" description="Every problem document the Rate the Ride driver-ratings API can send: status, type and when.">
      <main className={`container margin-vert--lg ${styles.page}`}>
        <div className="markdown">
          <Heading as="h1">Problem types</Heading>
          <p>
            Every failure of the driver-ratings API is a problem document (RFC 9457) whose <code>type</code> is one of
            the addresses below. <Link to="/08-validation">Chapter 8</Link> explains the format; each page says when
            the API sends that type and what a client should do.
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Type</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {content.pages.map((page) => (
                <tr key={page.slug}>
                  <td>{page.status}</td>
                  <td>
                    <Link to={`/problems/${page.slug}`}>{page.title}</Link>
                  </td>
                  <td>
                    <InlineCode text={page.when} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </main>
    </Layout>
  );
}
