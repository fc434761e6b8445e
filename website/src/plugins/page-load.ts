/**
 * Docusaurus plugin: how a page loads. The server renders every page in full; this makes the browser
 * show that page at once and take it over with as little work as it can.
 *
 * - Code blocks: the token colours of both modes are one small style sheet in every page (tokenCss),
 *   the blocks carrying only Prism's class names (see theme-colors/code-themes.ts). The server build
 *   gets the tokenizer at once (tokenizer.server.ts); the browser gets it as a chunk of its own, needed
 *   only for a block it renders itself (see theme/CodeBlock/Content). theme-classic's
 *   `prism-include-languages` client module, which would put Prism and every grammar into the bundle
 *   each page loads, is replaced by an empty module; tokenize.ts adds the languages.
 * - Scripts: the entry bundle comes in several files (splitEntry), each page's HTML names the chunks
 *   the page needs (PageChunksInManifest), and the page template loads them all after the first
 *   paint (ssr-template.ts). The entry's files ask V8 to compile them whole (compileHint).
 * - Prefetching of linked pages waits for idle time and skips files already fetched
 *   (client/prefetch-when-idle.ts).
 * - After hydration, whether this is a browser and how wide its window is are set as transitions,
 *   which React renders in slices (HYDRATION_STAND_INS).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConfigureWebpackUtils, LoadContext, Plugin } from '@docusaurus/types';
import type { Compiler, Configuration } from 'webpack';
import { darkCodeTheme, lightCodeTheme, tokenCss } from '../theme-colors/code-themes';

const HERE = path.resolve(__dirname, '../code-block');

/** The entry's chunks, in the order they load (ssr-template.ts loads a page's other chunks first). */
export const ENTRY_CHUNKS = ['react-dom', 'libraries', 'runtime~main', 'main'];

/** Docusaurus's generated registry of lazily loaded modules: chunk name → module path. */
function readRegistry(generatedFilesDir: string): Map<string, string> {
  const file = path.join(generatedFilesDir, 'registry.js');
  if (!fs.existsSync(file)) return new Map();
  const entries = fs.readFileSync(file, 'utf8').matchAll(/webpackChunkName: "([^"]+)" \*\/ "[^"]*"\), "([^"]+)"/g);
  return new Map([...entries].map(([, chunkName, modulePath]) => [chunkName!, modulePath!]));
}

/**
 * The chunks that every book page loads besides its own content: the docs layout components
 * (`@theme/DocsRoot`, `DocVersionRoot`, `DocRoot`, `DocItem`) and the docs plugin's data (the
 * sidebar among it).
 */
function docsLayoutChunks(registry: Map<string, string>): RegExp | undefined {
  const names = [...registry]
    .filter(([, modulePath]) => /^@theme\/Doc(sRoot|VersionRoot|Root|Item)$/.test(modulePath) || /^@generated\/docusaurus-plugin-content-docs\/[^/]+\/(__plugin|p\/[^/]+)\.json$/.test(modulePath))
    .map(([name]) => name);
  return names.length ? new RegExp(`^(${names.join('|')})$`) : undefined;
}

/**
 * The entry bundle in several files: React DOM, the other libraries, the runtime, and Docusaurus
 * with the site's code; and the docs layout's chunks as one file (docsLayoutChunks). The browser
 * compiles each script in a task of its own, so the page's start-up work comes in shorter stretches
 * instead of one long one that would keep the reader's taps waiting. (Priorities below Docusaurus's
 * `styles` group, 50, so that library CSS stays in the one style sheet, in its order.)
 */
function splitEntry(config: Configuration, docsLayout: RegExp | undefined): void {
  const splitChunks = config.optimization?.splitChunks;
  if (!splitChunks || typeof splitChunks !== 'object') return;
  splitChunks.cacheGroups = {
    ...splitChunks.cacheGroups,
    reactDom: {
      test: /[\\/]node_modules[\\/](react-dom|scheduler)[\\/]/,
      name: ENTRY_CHUNKS[0],
      chunks: 'initial',
      priority: 48,
      enforce: true,
    },
    libraries: {
      test: /[\\/]node_modules[\\/](?!@docusaurus[\\/])/,
      name: ENTRY_CHUNKS[1],
      chunks: 'initial',
      priority: 45,
      enforce: true,
    },
    // Every book page needs all of these at once: one file instead of a dozen small ones, each of
    // which costs the browser a task of its own to receive and another to run.
    ...(docsLayout && {
      docsLayout: { chunks: docsLayout, name: 'docs-layout', priority: 40, enforce: true },
    }),
  };
}

/**
 * V8 compiles a function the first time it runs, on the main thread, in the middle of whatever
 * called it: React DOM's hydration, for one. This comment at the top of the entry's files asks it
 * to compile all their functions with the script instead (V8's explicit compile hints), which for a
 * script fetched over the network happens off the main thread. Added after minification, which
 * would drop it, and before the content hash is computed.
 */
function compileHint(bundler: ConfigureWebpackUtils['currentBundler']['instance']) {
  return new bundler.BannerPlugin({
    banner: '//# allFunctionsCalledOnLoad',
    raw: true,
    test: new RegExp(`(^|/)(${ENTRY_CHUNKS.filter((name) => name !== 'runtime~main').join('|')})\\.[^/]*\\.js$`),
    stage: bundler.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1,
  });
}

/**
 * Lets each page's HTML name the chunks the page needs, so they load with the entry scripts instead
 * of one round trip later, and are installed before the entry runs (no script elements to create
 * then). Docusaurus already asks for them: it renders each page's lazily loaded modules and looks
 * their files up in the client manifest, but the manifest lists chunks by chunk name while the
 * lookup uses module paths, so only the entry's files are found. After the client build, this adds
 * to the manifest each module path with the chunks of its group (from the registry Docusaurus
 * generates: chunk name → module path).
 */
class PageChunksInManifest {
  constructor(private readonly generatedFilesDir: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.done.tap('rtr-page-chunks', (stats) => {
      const manifestFile = path.join(this.generatedFilesDir, 'client-manifest.json');
      if (!fs.existsSync(manifestFile)) return;
      const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { origins: Record<string, (string | number)[]> };
      const groups = stats.toJson({ all: false, chunkGroups: true }).namedChunkGroups ?? {};
      for (const [chunkName, modulePath] of readRegistry(this.generatedFilesDir)) {
        const chunks = groups[chunkName]?.chunks;
        if (chunks?.length) manifest.origins[modulePath] = [...chunks];
      }
      fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    });
  }
}

/** Matches a package's file once resolved, whichever the path separator. */
export function resolvedFile(pkg: string, file: string): RegExp {
  const parts = [...pkg.split('/'), ...file.split('/')].map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`[\\\\/]${parts.join('[\\\\/]')}$`);
}

/**
 * Docusaurus's modules that set state right after the page has hydrated, and the site's stand-ins,
 * which set it as a transition (see each in src/client/). React renders a plain update from an
 * effect in one go; together these re-rendered much of a chapter page on a phone in one task.
 */
export const HYDRATION_STAND_INS = [
  { pkg: '@docusaurus/core', file: 'lib/client/browserContext.js', standIn: path.resolve(__dirname, '../client/browser-context.tsx') },
  { pkg: '@docusaurus/theme-common', file: 'lib/hooks/useWindowSize.js', standIn: path.resolve(__dirname, '../client/window-size.ts') },
];

export default function pageLoadPlugin({ generatedFilesDir }: LoadContext): Plugin {
  const css = tokenCss({ light: lightCodeTheme, dark: darkCodeTheme });
  return {
    name: 'rtr-page-load',
    configureWebpack(config, isServer, { currentBundler }) {
      const { NormalModuleReplacementPlugin } = currentBundler.instance;
      // Both match the resolved file (the request strings never end in ".js"/".ts").
      const plugins: { apply(compiler: Compiler): void }[] = [
        new NormalModuleReplacementPlugin(
          resolvedFile('@docusaurus/theme-classic', 'lib/prism-include-languages.js'),
          path.join(HERE, 'no-prism-client-module.ts'),
        ),
        ...HYDRATION_STAND_INS.map(({ pkg, file, standIn }) => new NormalModuleReplacementPlugin(resolvedFile(pkg, file), standIn)),
      ];
      if (isServer) {
        plugins.push(
          new NormalModuleReplacementPlugin(/[\\/]code-block[\\/]tokenizer\.ts$/, path.join(HERE, 'tokenizer.server.ts')),
        );
      }
      if (!isServer) {
        splitEntry(config, docsLayoutChunks(readRegistry(generatedFilesDir)));
        plugins.push(compileHint(currentBundler.instance));
      }
      if (!isServer && config.mode === 'production') plugins.push(new PageChunksInManifest(generatedFilesDir));
      return { plugins };
    },
    getClientModules() {
      return [path.resolve(__dirname, '../client/prefetch-when-idle.ts')];
    },
    injectHtmlTags() {
      return { headTags: [{ tagName: 'style', attributes: { 'data-code-colours': '' }, innerHTML: css }] };
    },
  };
}
