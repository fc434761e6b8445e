/**
 * The page template: Docusaurus's own (@docusaurus/core, lib/ssg/ssgTemplate.html.js) except for
 * how the scripts load.
 *
 * Docusaurus writes the entry scripts as `<script defer>`, and a deferred script runs as soon as the
 * HTML is parsed, before the browser has painted anything: the reader waits for the bundle to be
 * compiled and run (on a long chapter, with a first layout of the whole page) before seeing the page
 * the server already rendered. Here the scripts are requested only after the first contentful paint
 * and the end of parsing, then run in order, each in a task of its own, so the server-rendered page
 * is on screen first and React hydrates it right after.
 *
 * The page's own chunks (listed since PageChunksInManifest in page-load.ts) come first, and the
 * entry's files are requested only once those have run. The browser compiles the entry's files
 * whole on its other threads (compileHint in page-load.ts); on a two-core machine that slowed down
 * whatever the main thread ran meanwhile: running the docs layout's chunk took 24 to 64 ms, against
 * 6 ms without it. The page's chunks are installed when the entry runs, which neither waits for
 * them nor adds script elements. (Not preloaded: the page's network activity then runs on without
 * a pause until it has hydrated, which is what a test waiting for the network to go idle counts
 * on.) Where the browser cannot report paints, the scripts load as deferred scripts would; in a
 * page opened in the background, after five seconds.
 */
import { ENTRY_CHUNKS } from './page-load';

const LOAD_AFTER_FIRST_PAINT = `(function (pageChunks, entry) {
  var started = false;
  // One script element per task: adding one costs the browser a little work, a page's dozen at
  // once a long task. async = false: they still run in this order.
  function add(scripts, index, onLoad) {
    if (index >= scripts.length) return;
    var script = document.createElement('script');
    script.src = scripts[index];
    script.async = false;
    if (onLoad) script.onload = script.onerror = onLoad;
    document.head.appendChild(script);
    setTimeout(add, 0, scripts, index + 1, onLoad);
  }
  function start() {
    if (started) return;
    started = true;
    var waiting = pageChunks.length;
    if (!waiting) return add(entry, 0);
    // On error too: the entry then loads the missing chunk itself and reports it if it fails again.
    add(pageChunks, 0, function () {
      if (--waiting === 0) add(entry, 0);
    });
  }
  function whenParsed() {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
  var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (!types || types.indexOf('paint') < 0) return whenParsed();
  new PerformanceObserver(function (list, observer) {
    if (!list.getEntriesByName('first-contentful-paint').length) return;
    observer.disconnect();
    whenParsed();
  }).observe({ type: 'paint', buffered: true });
  setTimeout(whenParsed, 5000);
})`;

/** The entry's files (see splitEntry in page-load.ts), e.g. assets/js/main.1a2b3c4d.js. */
const ENTRY_FILE = `/(^|\\/)(${ENTRY_CHUNKS.join('|')})\\.[0-9a-f]+\\.js$/`;

export const SSR_TEMPLATE = `
<!DOCTYPE html>
<html <%~ it.htmlAttributes %>>
  <head>
    <meta charset="UTF-8">
    <meta name="generator" content="Docusaurus v<%= it.version %>">
    <% it.metaAttributes.forEach((metaAttribute) => { %>
      <%~ metaAttribute %>
    <% }); %>
    <%~ it.headTags %>
    <% it.stylesheets.forEach((stylesheet) => { %>
      <link rel="stylesheet" href="<%= it.baseUrl %><%= stylesheet %>" />
    <% }); %>
    <% const entry = it.scripts.filter((script) => ${ENTRY_FILE}.test(script)); %>
    <% const pageChunks = it.scripts.filter((script) => !entry.includes(script)); %>
    <script>${LOAD_AFTER_FIRST_PAINT}(<%~ JSON.stringify(pageChunks.map((script) => it.baseUrl + script)) %>, <%~ JSON.stringify(entry.map((script) => it.baseUrl + script)) %>)</script>
  </head>
  <body <%~ it.bodyAttributes %>>
    <%~ it.preBodyTags %>
    <div id="__docusaurus"><%~ it.appHtml %></div>
    <%~ it.postBodyTags %>
  </body>
</html>
`;
