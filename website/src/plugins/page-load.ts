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
 * - Prefetching waits for idle time and covers only the pages the page's text links to
 *   (client/prefetch-when-idle.ts).
 *
 * Each of these was measured against a build without it (website/README.md, "What each override is
 * worth"); what did not show a clear gain was taken out. Where one relies on a Docusaurus internal,
 * the build or a test fails when that internal changes (ReplacementsUsed, readRegistry, the manifest).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConfigureWebpackUtils, LoadContext, Plugin } from '@docusaurus/types';
import type { Compiler, Configuration } from 'webpack';
import { darkCodeTheme, lightCodeTheme, tokenCss } from '../theme-colors/code-themes';

const HERE = path.resolve(__dirname, '../code-block');

/** The entry's chunks, in the order they load (ssr-template.ts loads a page's other chunks first). */
export const ENTRY_CHUNKS = ['react-dom', 'libraries', 'runtime~main', 'main'];

/**
 * Docusaurus's generated registry of lazily loaded modules: chunk name → module path. The file is
 * generated code, not an API, so it is read with a pattern; a registry that no longer matches it is
 * an error, not an empty map (PageChunksInManifest would then do nothing, silently).
 */
export function readRegistry(generatedFilesDir: string): Map<string, string> {
  const file = path.join(generatedFilesDir, 'registry.js');
  const source = fs.readFileSync(file, 'utf8');
  const entries = [...source.matchAll(/webpackChunkName: "([^"]+)" \*\/ "[^"]*"\), "([^"]+)"/g)];
  if (entries.length === 0) {
    throw new Error(`${file} no longer has the shape page-load.ts reads (webpackChunkName comments beside module paths): Docusaurus has changed how it writes its registry.`);
  }
  return new Map(entries.map(([, chunkName, modulePath]) => [chunkName!, modulePath!]));
}

/**
 * The entry bundle in several files: React DOM, the other libraries, the runtime, and Docusaurus
 * with the site's code. The browser compiles each script in a task of its own, so the page's
 * start-up work comes in shorter stretches instead of one long one that would keep the reader's
 * taps waiting. (Priorities below Docusaurus's `styles` group, 50, so that library CSS stays in the
 * one style sheet, in its order.)
 */
function splitEntry(config: Configuration): void {
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
      const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { origins?: Record<string, (string | number)[]> };
      if (!manifest.origins || typeof manifest.origins !== 'object') {
        throw new Error(`${manifestFile} has no "origins" map: Docusaurus has changed its client manifest, which page-load.ts adds each page's chunks to.`);
      }
      const groups = stats.toJson({ all: false, chunkGroups: true }).namedChunkGroups ?? {};
      let added = 0;
      for (const [chunkName, modulePath] of readRegistry(this.generatedFilesDir)) {
        const chunks = groups[chunkName]?.chunks;
        if (!chunks?.length) continue;
        manifest.origins[modulePath] = [...chunks];
        added += 1;
      }
      if (added === 0) {
        throw new Error(`No chunk group of the client build is named as in ${path.join(this.generatedFilesDir, 'registry.js')}: Docusaurus has changed how it names its chunks, and pages would no longer list their own.`);
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
 * Fails the build when a replacement above replaced nothing. Each matches a file inside a Docusaurus
 * package, and a release that moves or renames that file would otherwise leave Docusaurus's module
 * in place without a word: the site would still build, only do more work on every page. A module
 * that was swapped in is among the files the compilation read; one that was not, is not.
 */
class ReplacementsUsed {
  constructor(private readonly replacements: { original: string; standIn: string }[]) {}

  apply(compiler: Compiler): void {
    compiler.hooks.afterCompile.tap('rtr-replacements-used', (compilation) => {
      for (const { original, standIn } of this.replacements) {
        if (compilation.fileDependencies.has(standIn)) continue;
        compilation.errors.push(
          new compiler.webpack.WebpackError(
            `${original} was not replaced by ${path.relative(process.cwd(), standIn)}: Docusaurus has moved or renamed it. Find the module's new place and update website/src/plugins/page-load.ts.`,
          ),
        );
      }
    });
  }
}

/**
 * Docusaurus modules the site replaces (no public extension point reaches them): theme-classic's
 * `prism-include-languages` client module would put Prism and every grammar into the bundle every
 * page loads (29 KiB of gzip); the site's tokenizer loads them where a block needs them (see the
 * header). ReplacementsUsed fails the build when one no longer replaces anything; page-load.test.ts
 * checks that each stand-in still exports what the original does.
 */
export const REPLACED_MODULES = [
  { pkg: '@docusaurus/theme-classic', file: 'lib/prism-include-languages.js', standIn: path.join(HERE, 'no-prism-client-module.ts') },
];

export default function pageLoadPlugin({ generatedFilesDir }: LoadContext): Plugin {
  const css = tokenCss({ light: lightCodeTheme, dark: darkCodeTheme });
  return {
    name: 'rtr-page-load',
    configureWebpack(config, isServer, { currentBundler }) {
      const { NormalModuleReplacementPlugin } = currentBundler.instance;
      // Each matches the resolved file (the request strings never end in ".js"/".ts").
      const plugins: { apply(compiler: Compiler): void }[] = [
        ...REPLACED_MODULES.map(({ pkg, file, standIn }) => new NormalModuleReplacementPlugin(resolvedFile(pkg, file), standIn)),
        new ReplacementsUsed(REPLACED_MODULES.map(({ pkg, file, standIn }) => ({ original: `${pkg}/${file}`, standIn }))),
      ];
      if (isServer) {
        plugins.push(
          new NormalModuleReplacementPlugin(/[\\/]code-block[\\/]tokenizer\.ts$/, path.join(HERE, 'tokenizer.server.ts')),
        );
      }
      if (!isServer) {
        splitEntry(config);
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
