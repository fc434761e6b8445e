import type { ReactNode } from 'react';
import CodeBlock from '@theme/CodeBlock';
import { useRepo } from '../repo';
import PathText from '../PathText';
import styles from './styles.module.css';

export interface EmbeddedCode {
  code: string;
  startLine: number;
  endLine: number;
}

export interface Props {
  data: EmbeddedCode;
  language: string;
  /** Path from the repository root. */
  file: string;
  region?: string;
  /** What else the fence's meta said ({1,3}, showLineNumbers, …). */
  metastring?: string;
}

/** A listing taken from a real file in the repository, titled with its path and linked to GitHub. */
export default function CodeFromFile({ data, language, file, region, metastring }: Props): ReactNode {
  const repo = useRepo();
  const lines = region && data.startLine ? `#L${data.startLine}-L${data.endLine}` : '';
  const href = `${repo.url}/blob/${repo.branch}/${file}${lines}`;
  const where = lines ? `, lines ${data.startLine} to ${data.endLine}` : '';
  const title = (
    <a className={styles.source} href={href} aria-label={`${file}${where}, on GitHub`}>
      <PathText path={file} />
    </a>
  );
  return (
    <div className={styles.embed} data-embed-file={file} data-embed-region={region ?? ''}>
      <CodeBlock language={language} title={title} metastring={metastring}>
        {data.code}
      </CodeBlock>
    </div>
  );
}
