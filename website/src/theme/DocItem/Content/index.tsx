import type { ReactNode } from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type { WrapperProps } from '@docusaurus/types';
import Admonition from '@theme/Admonition';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import { DRAFT, type BookPageProps } from '../../../plugins/book-page-props';

type Props = WrapperProps<typeof ContentType>;

/** A page, with a banner above it while its front matter says `status: draft`. */
export default function ContentWithStatus(props: Props): ReactNode {
  const { frontMatter } = useDoc();
  if ((frontMatter as { status?: unknown }).status !== DRAFT) return <Content {...props} />;
  const number = (frontMatter.sidebar_custom_props as BookPageProps | undefined)?.number ?? '';
  const what = /^\d+$/.test(number) ? 'chapter' : 'appendix';
  return (
    <>
      <div data-unfinished-page>
        <Admonition type="caution" title={`This ${what} is not written yet`}>
          <p>
            For now it only says what it will cover. The chapters before it are complete, and the sidebar marks the pages still to come{' '}
            <em>draft</em>.
          </p>
        </Admonition>
      </div>
      <Content {...props} />
    </>
  );
}
