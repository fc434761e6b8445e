/**
 * Route prefetching, spread out over idle time and without repeats.
 *
 * Docusaurus prefetches a route's chunks the moment a link to it scrolls into view. Right after a
 * page hydrates, that is every link on screen at once (on a phone, some twenty routes), each adding a
 * <link rel="prefetch"> per chunk the route needs, in one long task just when the reader starts to
 * scroll. Most of those chunks are shared by every chapter: a chapter page added some 400 elements
 * for 23 different files. This client module wraps `window.docusaurus` (which Docusaurus sets after
 * the client modules have run) so that prefetches wait in a queue, run a few milliseconds at a time
 * when the browser is idle, and add only links to files not already asked for (by an earlier
 * prefetch or by the page's own scripts). A preload (the reader points at or touches a link) also
 * fetches the code tokenizer, so the next page's listings are highlighted as soon as they render.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import { loadTokenizer } from '../code-block/tokenizer';

type Docusaurus = Window['docusaurus'];

/** Longest stretch of prefetching in one idle period, in milliseconds. */
const SLICE_MS = 8;

function whenIdle(callback: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(callback, { timeout: 5000 });
  else window.setTimeout(callback, 200);
}

/** Files already fetched or asked for: the page's scripts, then every prefetched file. */
const requested = new Set<string>();
let seeded = false;

/**
 * Runs Docusaurus's prefetch of one route, leaving out the <link rel="prefetch"> elements of files
 * already requested. Docusaurus adds them to <head> synchronously, inside the call; a link left out
 * is never loaded, and nothing waits on it.
 */
function prefetchNew(docusaurus: Docusaurus, url: string): void {
  const head = document.head;
  const append = head.appendChild;
  head.appendChild = function <T extends Node>(this: HTMLHeadElement, node: T): T {
    if (node instanceof HTMLLinkElement && node.rel === 'prefetch') {
      if (requested.has(node.href)) return node;
      requested.add(node.href);
    }
    return append.call(this, node) as T;
  };
  try {
    void docusaurus.prefetch(url);
  } finally {
    // The own property goes; HTMLHeadElement's appendChild is back.
    delete (head as Partial<Pick<HTMLHeadElement, 'appendChild'>>).appendChild;
  }
}

function spreadOut(docusaurus: Docusaurus): Docusaurus {
  const queue: string[] = [];
  let scheduled = false;
  const run = () => {
    scheduled = false;
    if (!seeded) {
      seeded = true;
      for (const script of Array.from(document.scripts)) if (script.src) requested.add(script.src);
    }
    // A few milliseconds of it per idle period: short tasks, yet done soon after the page is up.
    const until = performance.now() + SLICE_MS;
    do {
      const url = queue.shift();
      if (url !== undefined) prefetchNew(docusaurus, url);
    } while (queue.length && performance.now() < until);
    if (queue.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    whenIdle(run);
  };
  return Object.freeze({
    prefetch(url: string) {
      queue.push(url);
      schedule();
      return false as const;
    },
    preload(url: string) {
      void loadTokenizer();
      return docusaurus.preload(url);
    },
  });
}

if (ExecutionEnvironment.canUseDOM) {
  let current: Docusaurus | undefined = window.docusaurus ? spreadOut(window.docusaurus) : undefined;
  Object.defineProperty(window, 'docusaurus', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value: Docusaurus | undefined) => {
      current = value ? spreadOut(value) : value;
    },
  });
}
