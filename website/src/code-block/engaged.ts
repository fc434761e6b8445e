import { createContext, useContext } from 'react';

/**
 * Whether the reader has pointed at, touched or focused a code block yet (set by
 * theme/CodeBlock/Content/String). What only such a reader needs, the block's buttons, waits for it.
 */
export const CodeBlockEngaged = createContext(false);

export function useCodeBlockEngaged(): boolean {
  return useContext(CodeBlockEngaged);
}
