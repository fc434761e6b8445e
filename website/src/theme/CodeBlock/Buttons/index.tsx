import { useMemo, type ReactNode } from 'react';
import Buttons from '@theme-original/CodeBlock/Buttons';
import type ButtonsType from '@theme/CodeBlock/Buttons';
import type { WrapperProps } from '@docusaurus/types';
import { CodeBlockContextProvider, useCodeBlockContext } from '@docusaurus/theme-common/internal';
import { useCodeBlockEngaged } from '../../../code-block/engaged';
import { consoleCommands, consoleLines } from '../../../code-block/console';

type Props = WrapperProps<typeof ButtonsType>;

/**
 * The buttons of a console block copy its commands only: Docusaurus's copy button copies the
 * context's `metadata.code`, so the buttons get a context whose code is the commands.
 */
function ConsoleButtons(props: Props): ReactNode {
  const context = useCodeBlockContext();
  const { metadata } = context;
  const commands = useMemo(() => {
    const kinds = consoleLines(metadata.code, metadata.language);
    return kinds ? { ...metadata, code: consoleCommands(metadata.code, kinds) } : null;
  }, [metadata]);
  if (!commands) return <Buttons {...props} />;
  return (
    <CodeBlockContextProvider metadata={commands} wordWrap={context.wordWrap}>
      <Buttons {...props} />
    </CodeBlockContextProvider>
  );
}

/**
 * The copy and word-wrap buttons, once the reader points at, touches or focuses their block.
 * Docusaurus adds them to every block as soon as the page has hydrated: on a long chapter, dozens
 * of buttons with their icons built at once, all invisible until their block is pointed at. A
 * block is focusable and the buttons follow it, so a keyboard reader reaches them with the next Tab.
 */
export default function ButtonsWhenEngaged(props: Props): ReactNode {
  return useCodeBlockEngaged() ? <ConsoleButtons {...props} /> : null;
}
