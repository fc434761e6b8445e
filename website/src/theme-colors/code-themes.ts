/**
 * The code block colours: prism-react-renderer's GitHub (light) and Dracula (dark) themes with
 * every token colour adjusted, where needed, to at least 4.6:1 contrast on the block background.
 */
import { themes, type PrismTheme } from 'prism-react-renderer';
import { withContrast } from './contrast';

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
