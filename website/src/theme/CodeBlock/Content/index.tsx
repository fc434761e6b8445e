import { useEffect, useId, useState, type CSSProperties, type ReactNode } from 'react';
import clsx from 'clsx';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import type { Props } from '@theme/CodeBlock/Content';
import { loadTokenizer, loadedTokenizer, type Token, type Tokenize } from '../../../code-block/tokenizer';
import { CONSOLE_PROMPT, consoleLines, type ConsoleLine } from '../../../code-block/console';
import styles from './styles.module.css';

const ATTRIBUTE = 'data-code-lines';

/**
 * The lines the server rendered for this block, while the page hydrates; null otherwise. Hydration
 * then keeps them as they are instead of tokenizing the code again to build the same elements, and
 * the browser never needs Prism for a page it loaded.
 */
function serverLines(id: string, hydrating: boolean): string | null {
  if (!hydrating || typeof document === 'undefined') return null;
  return document.querySelector(`code[${ATTRIBUTE}="${CSS.escape(id)}"]`)?.innerHTML ?? null;
}

/** The code's lines, unhighlighted, as one token each (what the tokenizer returns for plain text). */
function plainLines(code: string): Token[][] {
  return code.split(/\r\n|\r|\n/).map((line) => [{ types: ['plain'], content: line }]);
}

interface Run {
  /** The token's classes, or null for plain text. */
  className: string | null;
  text: string;
}

/**
 * A line's tokens as few elements as they can be: plain text needs no element, and neighbours of
 * the same kind (a run of punctuation, say) share one. A long chapter's listings are most of its
 * elements, and every element costs the browser work to parse, style and lay out.
 */
function runs(line: Token[]): Run[] {
  const result: Run[] = [];
  for (const token of line) {
    if (!token.content || token.empty) continue;
    const plain = token.types.length === 1 && token.types[0] === 'plain';
    const className = plain ? null : clsx('token', ...token.types);
    const last = result[result.length - 1];
    if (last && last.className === className) last.text += token.content;
    else result.push({ className, text: token.content });
  }
  return result;
}

/** A console command line's runs with its `$ ` prompt as a run of its own, to show it apart. */
function withPrompt(parts: Run[]): Run[] {
  const first = parts[0];
  if (!first?.text.startsWith(CONSOLE_PROMPT)) return parts;
  const rest = { ...first, text: first.text.slice(CONSOLE_PROMPT.length) };
  return [{ className: styles.prompt!, text: CONSOLE_PROMPT }, ...(rest.text ? [rest] : []), ...parts.slice(1)];
}

/** The class of a console block's line: a command (or its continuation) or its output. */
const CONSOLE_CLASS: Record<ConsoleLine, string> = {
  command: clsx('console-command', styles.command),
  continuation: clsx('console-command', styles.command),
  output: clsx('console-output', styles.output),
};

function CodeLine({ line, className: given, numbered, part }: { line: Token[]; className: string | undefined; numbered: boolean; part?: ConsoleLine }): ReactNode {
  const className = part ? clsx(given, CONSOLE_CLASS[part]) : given;
  const lineRuns = part === 'command' ? withPrompt(runs(line)) : runs(line);
  const parts = lineRuns.map((run, i) =>
    run.className === null ? (
      run.text
    ) : (
      <span key={i} className={run.className}>
        {run.text}
      </span>
    ),
  );
  if (numbered) {
    return (
      <div className={clsx('token-line', className, styles.codeLine)}>
        <span className={styles.codeLineNumber} />
        <span className={styles.codeLineContent}>{parts}</span>
        <br />
      </div>
    );
  }
  // An empty line needs the <br> to keep its height; a line with text does not.
  return <div className={clsx('token-line', className)}>{parts.length ? parts : <br />}</div>;
}

/**
 * A code block's lines. The server renders them highlighted. A page that hydrates keeps those
 * elements (`dangerouslySetInnerHTML` with their own markup, so React neither compares nor rebuilds
 * them); a block first rendered in the browser shows its lines plain until the tokenizer's chunk is
 * there, then highlighted. Docusaurus's own markup, less the inline colours and the elements that
 * plain text and line ends do not need.
 */
export default function CodeBlockContent({ className }: Props): ReactNode {
  const { metadata, wordWrap } = useCodeBlockContext();
  const { code, language, lineNumbersStart, lineClassNames } = metadata;
  const id = useId();
  const isBrowser = useIsBrowser();
  const [kept] = useState(() => serverLines(id, !isBrowser));
  const [tokenize, setTokenize] = useState<Tokenize | null>(loadedTokenizer);
  useEffect(() => {
    if (kept !== null || tokenize) return undefined;
    let live = true;
    void loadTokenizer().then((loaded) => {
      if (live) setTokenize(() => loaded);
    });
    return () => {
      live = false;
    };
  }, [kept, tokenize]);

  const numbered = lineNumbersStart !== undefined;
  const codeProps = {
    [ATTRIBUTE]: id,
    className: clsx(styles.codeBlockLines, numbered && styles.codeBlockLinesWithNumbering),
    style: numbered ? { counterReset: `line-count ${lineNumbersStart - 1}` } : undefined,
  };
  let body: ReactNode;
  if (kept !== null) {
    body = <code {...codeProps} dangerouslySetInnerHTML={{ __html: kept }} />;
  } else {
    const lines = tokenize ? tokenize(code, language) : plainLines(code);
    const parts = consoleLines(code, language);
    body = (
      <code {...codeProps}>
        {lines.map((line, i) => (
          <CodeLine key={i} line={line} className={lineClassNames[i]?.join(' ')} numbered={numbered} part={parts?.[i]} />
        ))}
      </code>
    );
  }
  // Its height before it is laid out: the browser skips the lines of a block away from the screen.
  const size = { '--code-lines': code.split('\n').length } as CSSProperties;
  return (
    <pre
      ref={wordWrap.codeBlockRef}
      // A scrollable region must be reachable by keyboard.
      tabIndex={0}
      className={clsx(className, `prism-code language-${language}`, styles.codeBlock, 'thin-scrollbar')}
      style={size}
    >
      {body}
    </pre>
  );
}
