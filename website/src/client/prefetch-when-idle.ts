/**
 * Route prefetching, in idle time and only for the routes the page's own text links to.
 *
 * Docusaurus prefetches a route's chunks the moment a link to it scrolls into view. Right after a
 * page hydrates, that is every link on screen at once: on a chapter page the sidebar alone links to
 * every other chapter, so each page fetched the scripts of some fifteen pages the reader was not
 * about to open (170 KB), adding their <link rel="prefetch"> elements in one long task just when the
 * reader starts to scroll. This client module wraps `window.docusaurus` (which Docusaurus sets after
 * the client modules have run) so that a prefetch waits in a queue, runs a few milliseconds at a
 * time when the browser is idle, and happens only for a route linked from the page's <main>: the
 * chapter's own links and its previous and next pages, not the sidebar, the navbar or the footer.
 * A preload (the reader points at or touches any link) still fetches that route at once, and also
 * fetches the code tokenizer, so the next page's listings are highlighted as soon as they render.
 *
 * `window.docusaurus` is not part of Docusaurus's documented client API; test/site/prefetch.test.ts
 * fails if it stops being the object this wraps, with `prefetch` and `preload`.
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

/** The other pages the page's main content links to (its text, its previous and next links). */
function pathsLinkedFromMain(): Set<string> {
  const links = document.querySelectorAll<HTMLAnchorElement>('main a[href]');
  const paths = new Set(Array.from(links, (link) => link.pathname));
  // Links to a heading of this page: its scripts are here already.
  paths.delete(window.location.pathname);
  return paths;
}

function spreadOut(docusaurus: Docusaurus): Docusaurus {
  const queue: string[] = [];
  let scheduled = false;
  const run = () => {
    scheduled = false;
    // Read once per idle period: the page may have changed since the route was queued.
    const linked = pathsLinkedFromMain();
    const until = performance.now() + SLICE_MS;
    do {
      const target = queue.shift();
      // A link's target may carry a fragment (`/08-validation#schemas`); the route is its path.
      if (target !== undefined && linked.has(target.split(/[?#]/)[0]!)) void docusaurus.prefetch(target);
    } while (queue.length && performance.now() < until);
    if (queue.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    whenIdle(run);
  };
  return Object.freeze({
    prefetch(target: string) {
      queue.push(target);
      schedule();
      return false as const;
    },
    preload(target: string) {
      void loadTokenizer();
      return docusaurus.preload(target);
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
