/**
 * The code block colours: prism-react-renderer's GitHub (light) and Dracula (dark) themes with
 * every token colour adjusted, where needed, to at least 4.6:1 contrast on the block background.
 *
 * The blocks do not carry these colours inline. Docusaurus would render them into every token's
 * `style` for the light theme, then render every block a second time in the browser to apply the
 * reader's mode. Instead the site hands Docusaurus `classOnlyCodeTheme` (no colours, so tokens keep
 * only Prism's class names) and `tokenCss` turns both themes into one style sheet keyed on
 * `data-theme`: the server-rendered blocks are right in either mode and are never rendered twice.
 */
import { themes, type PrismTheme } from 'prism-react-renderer';
import { parseColor, withContrast } from './contrast';

export function readable(theme: PrismTheme): PrismTheme {
  const background = theme.plain.backgroundColor ?? '#ffffff';
  const fix = (color: string | undefined) => (color ? withContrast(color, background) : color);
  return {
    plain: { ...theme.plain, color: fix(theme.plain.color) },
    styles: theme.styles.map((entry) => ({
      ...entry,
      style: { ...entry.style, ...(entry.style.color ? { color: fix(entry.style.color) } : {}) },
    })),
  };
}

export const lightCodeTheme = readable(themes.github);
export const darkCodeTheme = readable(themes.dracula);

/** The theme Docusaurus renders with: no colours at all, so nothing depends on the reader's mode. */
export const classOnlyCodeTheme: PrismTheme = { plain: {}, styles: [] };

/** CSS property for each key of a Prism theme entry. */
const PROPERTIES: Record<string, string> = {
  color: 'color',
  background: 'background',
  backgroundColor: 'background-color',
  backgroundImage: 'background-image',
  cursor: 'cursor',
  fontStyle: 'font-style',
  fontWeight: 'font-weight',
  opacity: 'opacity',
  textDecorationLine: 'text-decoration-line',
  textShadow: 'text-shadow',
};

function declarations(style: Record<string, unknown>): string {
  return Object.entries(style)
    .filter(([key, value]) => PROPERTIES[key] && value !== undefined && value !== '')
    .map(([key, value]) => `${PROPERTIES[key]}:${String(value)}`)
    .join(';');
}

/**
 * One style sheet for both modes. The block's colours become the custom properties Docusaurus's
 * own CSS reads (`--prism-color`, `--prism-background-color`); each theme entry becomes a rule on
 * Prism's token classes, in the theme's order, so a later entry wins as it does in the theme.
 */
export function tokenCss(modes: { light: PrismTheme; dark: PrismTheme }): string {
  const rules: string[] = [];
  for (const [mode, theme] of Object.entries(modes)) {
    const scope = `[data-theme='${mode}']`;
    const plain: string[] = [];
    if (theme.plain.color) plain.push(`--prism-color:${theme.plain.color}`);
    if (theme.plain.backgroundColor) plain.push(`--prism-background-color:${theme.plain.backgroundColor}`);
    if (plain.length) rules.push(`${scope}{${plain.join(';')}}`);
    for (const entry of theme.styles) {
      const body = declarations(entry.style as Record<string, unknown>);
      if (!body) continue;
      const blocks = entry.languages?.length ? entry.languages.map((l) => `.prism-code.language-${l}`) : ['.prism-code'];
      const selectors = blocks.flatMap((block) => entry.types.map((type) => `${scope} ${block} .token.${type}`));
      rules.push(`${selectors.join(',')}{${body}}`);
    }
  }
  return rules.join('\n');
}

function sameColour(a: string, b: string | undefined): boolean {
  return b !== undefined && parseColor(a).join() === parseColor(b).join();
}

/**
 * The token types that look different from plain text in at least one of the themes. A token of
 * other types only (punctuation and operators in both the site's themes, say) looks exactly like
 * plain text, so it can be rendered as plain text, without an element of its own.
 */
export function styledTypes(themes: PrismTheme[]): Set<string> {
  const styled = new Set<string>();
  for (const theme of themes) {
    for (const entry of theme.styles) {
      const looksPlain = Object.entries(entry.style).every(
        ([key, value]) => value === undefined || (key === 'color' && sameColour(String(value), theme.plain.color)),
      );
      // Entries for some languages only are kept as styled everywhere, to be safe.
      if (!looksPlain || entry.languages?.length) for (const type of entry.types) styled.add(type);
    }
  }
  return styled;
}
