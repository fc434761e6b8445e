import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// Docusaurus's own template compiler, so the test renders the template exactly as a build does.
import { compileSSGTemplate } from '@docusaurus/core/lib/ssg/ssgTemplate';
// Docusaurus's own page template, which SSR_TEMPLATE copies but for the scripts.
import docusaurusTemplate from '@docusaurus/core/lib/ssg/ssgTemplate.html';
import { SSR_TEMPLATE } from './ssr-template';

async function render(scripts: string[]): Promise<string> {
  const template = await compileSSGTemplate(SSR_TEMPLATE);
  return template({
    appHtml: '<main>page</main>',
    baseUrl: '/base/',
    htmlAttributes: 'lang="en"',
    bodyAttributes: '',
    headTags: '<style data-code-colours></style>',
    preBodyTags: '',
    postBodyTags: '',
    metaAttributes: ['<title>Title</title>'],
    scripts,
    stylesheets: ['assets/css/styles.abc.css'],
    noIndex: false,
    version: '3.0.0',
  } as never);
}

describe('page template', () => {
  it("is Docusaurus's own but for how the scripts load: fails when Docusaurus changes its template", () => {
    // Docusaurus's scripts, one deferred <script> each, in place of the loader's three lines.
    const ownScripts = /    <% const entry = [\s\S]*?<\/script>\n/;
    assert.match(SSR_TEMPLATE, ownScripts);
    const docusaurusScripts = [
      '    <% it.scripts.forEach((script) => { %>',
      '      <script src="<%= it.baseUrl %><%= script %>" defer></script>',
      '    <% }); %>',
      '',
    ].join('\n');
    assert.equal(
      SSR_TEMPLATE.replace(ownScripts, docusaurusScripts),
      docusaurusTemplate,
      'Docusaurus has changed its page template (@docusaurus/core/lib/ssg/ssgTemplate.html.js): bring the change into src/plugins/ssr-template.ts',
    );
  });

  const scripts = [
    'assets/js/react-dom.11111111.js',
    'assets/js/libraries.22222222.js',
    'assets/js/runtime~main.33333333.js',
    'assets/js/main.44444444.js',
    'assets/js/5e95c892.55555555.js',
    'assets/js/4150.66666666.js',
  ];

  it('keeps what Docusaurus puts in a page', async () => {
    const html = await render(scripts);
    for (const part of ['<html lang="en">', '<title>Title</title>', '<style data-code-colours></style>', 'href="/base/assets/css/styles.abc.css"', '<div id="__docusaurus"><main>page</main></div>']) {
      assert.ok(html.includes(part), part);
    }
  });

  it('has no script tag of its own but one loader, given the page chunks and then the entry', async () => {
    const html = await render(scripts);
    assert.doesNotMatch(html, /<script[^>]*\bsrc=/);
    const loader = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    assert.match(loader, /first-contentful-paint/);
    const lists = JSON.parse(`[${/\((\[[^\]]*\],\s*\[[^\]]*\])\)\s*$/.exec(loader)?.[1] ?? ''}]`) as string[][];
    assert.deepEqual(lists, [
      ['/base/assets/js/5e95c892.55555555.js', '/base/assets/js/4150.66666666.js'],
      [
        '/base/assets/js/react-dom.11111111.js',
        '/base/assets/js/libraries.22222222.js',
        '/base/assets/js/runtime~main.33333333.js',
        '/base/assets/js/main.44444444.js',
      ],
    ]);
  });

  it('loads the page chunks once the page has painted, and the entry once they have run', async () => {
    const html = await render(scripts);
    const loader = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    type Script = { src: string; async: boolean; onload?: () => void; onerror?: () => void };
    const added: Script[] = [];
    const listeners: Record<string, () => void> = {};
    let observer: ((list: { getEntriesByName(name: string): unknown[] }, o: { disconnect(): void }) => void) | undefined;
    const timers: { ms: number; callback: () => void }[] = [];
    const run = (supportsPaint: boolean) => {
      added.length = 0;
      const document = {
        readyState: 'interactive',
        addEventListener: (type: string, listener: () => void) => (listeners[type] = listener),
        createElement: () => ({}) as Script,
        head: { appendChild: (script: Script) => { assert.equal(script.async, false); added.push(script); } },
      };
      const PerformanceObserver = Object.assign(
        function (callback: typeof observer) { observer = callback; return { observe() {}, disconnect() {} }; },
        { supportedEntryTypes: supportsPaint ? ['paint'] : [] },
      );
      const setTimeout = (callback: (...args: unknown[]) => void, ms: number, ...args: unknown[]) => timers.push({ ms, callback: () => callback(...args) });
      new Function('window', 'document', 'PerformanceObserver', 'setTimeout', loader)({ PerformanceObserver }, document, PerformanceObserver, setTimeout);
    };
    /** Runs the timers due at once (the loader's next-task steps), or with `later`, every timer. */
    const drain = (later = false) => {
      for (let due = timers.findIndex((t) => later || t.ms === 0); due >= 0; due = timers.findIndex((t) => later || t.ms === 0)) timers.splice(due, 1)[0]!.callback();
    };
    const sources = () => added.map((script) => script.src);
    const pageChunks = ['/base/assets/js/5e95c892.55555555.js', '/base/assets/js/4150.66666666.js'];

    run(true);
    drain();
    assert.equal(added.length, 0, 'nothing before the first paint');
    observer!({ getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : []) }, { disconnect() {} });
    drain();
    assert.deepEqual(sources(), pageChunks, 'the page chunks first, the entry not yet');
    added[1]!.onload!();
    drain();
    assert.equal(added.length, 2, 'the entry waits for every page chunk');
    added[0]!.onerror!();
    drain();
    assert.deepEqual(sources().slice(2), [
      '/base/assets/js/react-dom.11111111.js',
      '/base/assets/js/libraries.22222222.js',
      '/base/assets/js/runtime~main.33333333.js',
      '/base/assets/js/main.44444444.js',
    ], 'then the entry, in order, even after a chunk failed to load');

    run(false);
    drain();
    assert.deepEqual(sources(), pageChunks, 'without paint timing, at once (the document is parsed)');

    timers.length = 0;
    run(true);
    drain(true);
    assert.deepEqual(sources(), pageChunks, 'in a page that never paints (opened in the background), after the fallback timer');
  });
});
