import type { ReactNode } from 'react';
import Buttons from '@theme-original/CodeBlock/Buttons';
import type ButtonsType from '@theme/CodeBlock/Buttons';
import type { WrapperProps } from '@docusaurus/types';
import { useCodeBlockEngaged } from '../../../code-block/engaged';

type Props = WrapperProps<typeof ButtonsType>;

/**
 * The copy and word-wrap buttons, once the reader points at, touches or focuses their block.
 * Docusaurus adds them to every block as soon as the page has hydrated: on a long chapter, dozens
 * of buttons with their icons built at once, all invisible until their block is pointed at. A
 * block is focusable and the buttons follow it, so a keyboard reader reaches them with the next Tab.
 */
export default function ButtonsWhenEngaged(props: Props): ReactNode {
  return useCodeBlockEngaged() ? <Buttons {...props} /> : null;
}
