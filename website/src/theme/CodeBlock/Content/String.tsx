import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useThemeConfig } from '@docusaurus/theme-common';
import { CodeBlockContextProvider, createCodeBlockMetadata } from '@docusaurus/theme-common/internal';
import CodeBlockLayout from '@theme/CodeBlock/Layout';
import type { Props } from '@theme/CodeBlock/Content/String';
import { CodeBlockEngaged } from '../../../code-block/engaged';

type WordWrap = Parameters<typeof CodeBlockContextProvider>[0]['wordWrap'];

/**
 * Docusaurus's word-wrap state (useCodeWordWrap), measured only when the reader reaches for the
 * block. The original measures every block as the page hydrates (is the code wider than the
 * block?), which makes the browser lay out every listing of the page, those far off screen
 * included, while the reader waits. The copy and word-wrap buttons are invisible until the block is
 * pointed at, touched or focused anyway, so that is when this measures it and shows them (see
 * theme/CodeBlock/Buttons), and again on resizes from then on. `engaged`: that has happened.
 */
function useLazyCodeWordWrap(): { wordWrap: WordWrap; engaged: boolean } {
  const [isEnabled, setIsEnabled] = useState(false);
  const [isCodeScrollable, setIsCodeScrollable] = useState(false);
  const [engaged, setEngaged] = useState(false);
  const codeBlockRef = useRef<HTMLPreElement | null>(null);

  const measure = useCallback(() => {
    const pre = codeBlockRef.current;
    if (!pre) return;
    setIsCodeScrollable(pre.scrollWidth > pre.clientWidth || Boolean(pre.querySelector('code')?.hasAttribute('style')));
  }, []);

  const toggle = useCallback(() => {
    const code = codeBlockRef.current?.querySelector('code');
    if (!code) return;
    if (isEnabled) {
      code.removeAttribute('style');
    } else {
      code.style.whiteSpace = 'pre-wrap';
      // Even a very long word or string wraps, so no scrollbar remains.
      code.style.overflowWrap = 'anywhere';
    }
    setIsEnabled((value) => !value);
  }, [isEnabled]);

  // The block's content box holds the code and the buttons: a pointer or focus anywhere in it.
  useEffect(() => {
    const box = codeBlockRef.current?.parentElement;
    if (!box || engaged) return undefined;
    const engage = () => setEngaged(true);
    box.addEventListener('pointerenter', engage);
    box.addEventListener('focusin', engage);
    return () => {
      box.removeEventListener('pointerenter', engage);
      box.removeEventListener('focusin', engage);
    };
  }, [engaged]);

  useEffect(() => {
    if (!engaged) return undefined;
    window.addEventListener('resize', measure, { passive: true });
    return () => window.removeEventListener('resize', measure);
  }, [engaged, measure]);

  useEffect(() => {
    if (engaged) measure();
  }, [engaged, isEnabled, measure]);

  const wordWrap = useMemo(() => ({ codeBlockRef, isEnabled, isCodeScrollable, toggle }), [isEnabled, isCodeScrollable, toggle]);
  return { wordWrap, engaged };
}

/**
 * Docusaurus's CodeBlock/Content/String, with the lazy word-wrap measure, the metadata computed once
 * rather than on every render, and whether the reader has reached for the block.
 */
export default function CodeBlockString(props: Props): ReactNode {
  const { prism } = useThemeConfig();
  const { children, className, metastring, language, title, showLineNumbers } = props;
  const metadata = useMemo(
    () =>
      createCodeBlockMetadata({
        code: children,
        className,
        metastring,
        magicComments: prism.magicComments,
        defaultLanguage: prism.defaultLanguage,
        language,
        title,
        showLineNumbers,
      }),
    [children, className, metastring, language, title, showLineNumbers, prism],
  );
  const { wordWrap, engaged } = useLazyCodeWordWrap();
  return (
    <CodeBlockContextProvider metadata={metadata} wordWrap={wordWrap}>
      <CodeBlockEngaged.Provider value={engaged}>
        <CodeBlockLayout />
      </CodeBlockEngaged.Provider>
    </CodeBlockContextProvider>
  );
}
