import { Fragment, type ReactNode } from 'react';

/** Text from the code's status table, where `backticks` mark code, rendered as such. */
export default function InlineCode({ text }: { text: string }): ReactNode {
  return text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : <Fragment key={index}>{part}</Fragment>));
}
