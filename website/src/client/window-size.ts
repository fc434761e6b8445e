/**
 * Stands in for @docusaurus/theme-common's `useWindowSize` (page-load.ts swaps it in): "desktop" or
 * "mobile" by the window's width, and "ssr" until the page has hydrated, so that the first render
 * in the browser matches the server's HTML.
 *
 * After hydration the size is measured, and on a phone the layout swaps the desktop sidebar for the
 * menu's and the table of contents for its collapsible form. Docusaurus sets it with a plain state
 * update in an effect, which React renders in one go; this sets it as a transition, which React
 * renders in slices of a few milliseconds. Later changes, when the window is resized, stay plain
 * updates.
 */
import { startTransition, useEffect, useState } from 'react';

type WindowSize = 'desktop' | 'mobile' | 'ssr';

/** Infima's breakpoint between the mobile and the desktop layout, Docusaurus's default here too. */
const DESKTOP_BREAKPOINT = 996;

export function useWindowSize({ desktopBreakpoint = DESKTOP_BREAKPOINT }: { desktopBreakpoint?: number } = {}): WindowSize {
  const [windowSize, setWindowSize] = useState<WindowSize>('ssr');
  useEffect(() => {
    const measure = () => setWindowSize(window.innerWidth > desktopBreakpoint ? 'desktop' : 'mobile');
    startTransition(measure);
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [desktopBreakpoint]);
  return windowSize;
}
