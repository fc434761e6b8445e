import { Children, isValidElement, type ReactNode } from 'react';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';
import type { Props } from '@theme/CodeBlock';

/** The children as one string when they are only text, so the block can be highlighted and copied. */
function stringify(children: ReactNode): ReactNode {
  if (Children.toArray(children).some((child) => isValidElement(child))) return children;
  return Array.isArray(children) ? children.join('') : children;
}

/**
 * Docusaurus's CodeBlock without its second rendering: the original gives each block a new `key` once
 * the page has hydrated, so that colours rendered inline for the light theme are redrawn for the
 * reader's mode. That throws away and rebuilds every block on the page, the largest part of a long
 * chapter's start-up work. The site's blocks carry no inline colours (theme-colors/code-themes.ts),
 * so the server's rendering is right in either mode and is kept.
 */
export default function CodeBlock({ children, ...props }: Props): ReactNode {
  const content = stringify(children);
  return typeof content === 'string' ? (
    <StringContent {...props}>{content}</StringContent>
  ) : (
    <ElementContent {...props}>{content}</ElementContent>
  );
}
