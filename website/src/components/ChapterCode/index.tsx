import type { ReactNode } from 'react';
import CodeBlock from '@theme/CodeBlock';
import type { LocalRun } from '../../remark/chapters';
import { useRepo } from '../repo';
import styles from './styles.module.css';

export interface Props {
  data: {
    folder: string;
    scripts: Record<string, string>;
    dev: LocalRun;
  };
}

/** The scripts every chapter folder may offer, in the order a reader uses them. */
const SCRIPTS: { name: string; command: string; what?: string }[] = [
  { name: 'dev', command: 'npm run dev' }, // described by DEV, per chapter
  { name: 'invoke', command: 'npm run invoke', what: 'runs the function locally with a sample event' },
  { name: 'test', command: 'npm test', what: 'runs the tests' },
  { name: 'package', command: 'npm run package', what: 'builds the deployment package without deploying' },
  { name: 'deploy', command: 'npm run deploy', what: 'deploys to your own AWS account' },
  { name: 'remove', command: 'npm run remove', what: 'removes everything it deployed' },
];

/** What `npm run dev` does, by what the chapter runs locally. */
const DEV: Record<LocalRun, string> = {
  function: 'runs the function on the sample events, and again whenever you save; Ctrl-C stops it',
  api: 'runs the API on your laptop; Ctrl-C stops it',
  'api-and-dynamodb': 'runs the API and a local DynamoDB on your laptop; Ctrl-C stops both',
};

/** "Code for this chapter": where the chapter's folder is, how to fetch only it, and how to run it. */
export default function ChapterCode({ data }: Props): ReactNode {
  const repo = useRepo();
  const path = `chapters-code/${data.folder}`;
  const titleId = `chapter-code-${data.folder}`;
  const scripts = SCRIPTS.filter((s) => s.name in data.scripts);
  const degit = [`npx tiged ${repo.slug}/${path}#${repo.branch} ${data.folder}`, `cd ${data.folder}`, 'npm install'];
  const sparse = [
    `git clone --depth 1 --filter=blob:none --sparse ${repo.url}.git`,
    `cd ${repo.slug.split('/')[1]}`,
    // Not cone mode: only the folder, without the repository's root package.json, so npm treats
    // the folder as the self-contained project it is rather than as a workspace of the root.
    `git sparse-checkout set --no-cone /${path}/`,
    `cd ${path}`,
    'npm install',
  ];
  return (
    <aside className={styles.box} aria-labelledby={titleId} data-chapter-code={data.folder}>
      <p className={styles.title} id={titleId}>
        Code for this chapter
      </p>
      <p>
        The whole service as it stands at the end of this chapter is in{' '}
        <a href={`${repo.url}/tree/${repo.branch}/${path}`}>
          <code>{path}</code>
        </a>
        . Fetch only that folder:
      </p>
      <CodeBlock language="bash">{degit.join('\n')}</CodeBlock>
      <details className={styles.more}>
        <summary>Or with git sparse checkout</summary>
        <CodeBlock language="bash">{sparse.join('\n')}</CodeBlock>
      </details>
      {scripts.length ? (
        <>
          <p>Inside the folder:</p>
          <ul className={styles.scripts}>
            {scripts.map((s) => (
              <li key={s.name}>
                <code>{s.command}</code> {s.what ?? DEV[data.dev]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
