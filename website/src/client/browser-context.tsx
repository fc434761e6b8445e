/**
 * Stands in for @docusaurus/core's `client/browserContext` (page-load.ts swaps it in): the context
 * behind `useIsBrowser()`, false while the page hydrates and true right after, so that the first
 * render in the browser matches the server's HTML.
 *
 * Docusaurus flips it with a plain state update in an effect. React renders such an update in one
 * go, and this one reaches every component that reads the context (each link among them) and
 * makes React walk the whole tree to find them: on a long chapter one task of about 35 ms on a
 * desktop CPU, right after hydration. As a transition the same render is done in slices of a few
 * milliseconds, between which the browser can handle the reader's input.
 */
import React, { startTransition, useEffect, useState, type ReactNode } from 'react';

export const Context = React.createContext(false);

export function BrowserContextProvider({ children }: { children: ReactNode }) {
  const [isBrowser, setIsBrowser] = useState(false);
  useEffect(() => {
    startTransition(() => setIsBrowser(true));
  }, []);
  return <Context.Provider value={isBrowser}>{children}</Context.Provider>;
}
