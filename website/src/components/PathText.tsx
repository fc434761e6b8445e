import { Fragment, type ReactNode } from 'react';

/**
 * A file path that a narrow screen wraps after a slash, never inside a name: each name is kept
 * whole (a browser would otherwise break `get-ratings.json` after its hyphen), with `<wbr>` after
 * each `/`.
 */
export default function PathText({ path }: { path: string }): ReactNode {
  const parts = path.split('/');
  return parts.map((part, i) => (
    <Fragment key={i}>
      <span style={{ whiteSpace: 'nowrap' }}>{part}</span>
      {i < parts.length - 1 ? (
        <>
          /<wbr />
        </>
      ) : null}
    </Fragment>
  ));
}
