/**
 * Prism, with the languages the site configures, cutting code into lines of tokens as
 * prism-react-renderer's <Highlight> does, except that a token whose types the code themes do not
 * colour is plain text. It is a chunk of its own in the browser (see tokenizer.ts).
 */
import { Prism, normalizeTokens, type Token } from 'prism-react-renderer';
import prismIncludeLanguages from '@theme/prism-include-languages';
import { darkCodeTheme, lightCodeTheme, styledTypes } from '../theme-colors/code-themes';

prismIncludeLanguages(Prism);

/**
 * In bash a `#` starts a comment only at the start of a word; Prism's grammar also takes one inside
 * a word, so `npx tiged owner/repo/folder#main folder` would show `#main folder` as a comment. The
 * comment rule is one object that Prism shares with the grammar's nested parts, so this fixes all.
 */
const bashComment = Prism.languages.bash?.comment as { pattern: RegExp; lookbehind?: boolean } | undefined;
if (bashComment) bashComment.pattern = /(^|[\s;&|(])#.*/;

/** Types that change a token's look; a token with none of them is rendered as plain text. */
const STYLED = styledTypes([lightCodeTheme, darkCodeTheme]);

function simplify(lines: Token[][]): Token[][] {
  for (const line of lines) {
    for (const token of line) if (!token.types.some((type) => STYLED.has(type))) token.types = ['plain'];
  }
  return lines;
}

export type { Token };

export function tokenize(code: string, language: string): Token[][] {
  const grammar = Prism.languages[language];
  if (!grammar) return normalizeTokens([code]);
  const env = { code, grammar, language, tokens: [] as (string | Prism.Token)[] };
  Prism.hooks.run('before-tokenize', env);
  env.tokens = Prism.tokenize(code, grammar);
  Prism.hooks.run('after-tokenize', env);
  return simplify(normalizeTokens(env.tokens));
}
