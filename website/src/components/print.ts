/**
 * Printing a page whose parts are drawn only when a reader comes near them (diagrams) or opens
 * them ("What changed"): before the page is printed, each such part is told to draw itself.
 *
 * - When the page is laid out for print (`beforeprint`, and a change of the `print` media query,
 *   which is what a tool printing to PDF sets), every part starts drawing. Drawing takes a moment
 *   (the diagram library, the diffs' chunk): a print from the browser's menu gets what was ready.
 * - Ctrl+P or Cmd+P waits for every part (ten seconds at most), then prints: the copy is complete.
 * - After printing, each part may undo what it did for print (a file the reader had closed closes).
 */
import { useEffect, useRef } from 'react';

interface Part {
  /** Draws everything for print; resolves once drawn. */
  prepare(): Promise<void>;
  /** Back to what the reader had. */
  restore?(): void;
}

const parts = new Set<Part>();
const WAIT_MS = 10_000;

function prepareAll(): Promise<void> {
  return Promise.all([...parts].map((part) => part.prepare().catch(() => undefined))).then(() => undefined);
}

function restoreAll(): void {
  for (const part of parts) part.restore?.();
}

let installed = false;
function install(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('beforeprint', () => void prepareAll());
  window.addEventListener('afterprint', restoreAll);
  window.matchMedia('print').addEventListener('change', (event) => (event.matches ? void prepareAll() : restoreAll()));
  window.addEventListener('keydown', (event) => {
    if (event.key.toLowerCase() !== 'p' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || parts.size === 0) return;
    event.preventDefault();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, WAIT_MS));
    void Promise.race([prepareAll(), timeout]).then(() => window.print());
  });
}

/** Registers a part of the page to be drawn before it is printed, for as long as it is mounted. */
export function usePrint(part: Part): void {
  const latest = useRef(part);
  latest.current = part;
  useEffect(() => {
    install();
    const registered: Part = {
      prepare: () => latest.current.prepare(),
      restore: () => latest.current.restore?.(),
    };
    parts.add(registered);
    return () => {
      parts.delete(registered);
    };
  }, []);
}

/** Resolves once `check` is true, looking after each change below `root` (or after `timeoutMs`, rejecting). */
export function whenDrawn(root: Element, check: () => boolean, timeoutMs = WAIT_MS): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('not drawn in time'));
    }, timeoutMs);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
}
