import type { Config, PluginConfig } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { bookMarkdown } from './src/plugins/book-markdown';
import problemTypes from './src/plugins/problem-types';
import pageLoad from './src/plugins/page-load';
import chapterCosts from './src/plugins/chapter-costs';
import { classOnlyCodeTheme } from './src/theme-colors/code-themes';
import { SSR_TEMPLATE } from './src/plugins/ssr-template';
import { bookFrontMatter } from './src/plugins/book-pages';
import { BASE_URL, BOOK_DIR, CODE_DIR, LINK_CHECKS, REPO, REPO_URL, ROOT_DIR, SITE_URL } from './site-settings';

const book = bookMarkdown({ rootDir: ROOT_DIR, codeDir: CODE_DIR });

const config = {
  title: 'Rate the Ride',
  tagline: 'Build a production-ready serverless API on AWS, step by step, in TypeScript.',
  favicon: 'img/favicon.svg',
  url: SITE_URL,
  baseUrl: BASE_URL,
  organizationName: REPO.owner,
  projectName: REPO.name,
  trailingSlash: false,
  // The scripts run after the first paint (src/plugins/ssr-template.ts).
  ssrTemplate: SSR_TEMPLATE,

  onBrokenLinks: LINK_CHECKS.onBrokenLinks,
  onBrokenAnchors: LINK_CHECKS.onBrokenAnchors,
  onDuplicateRoutes: 'throw',

  future: {
    v4: {
      removeLegacyPostBuildHeadAttribute: true,
      // Off: the CSS minifier rewrites layers into specificity hacks that outrank custom.css.
      useCssCascadeLayers: false,
      siteStorageNamespacing: true,
      fasterByDefault: true,
      mdx1CompatDisabledByDefault: true,
    },
    faster: true,
  },

  i18n: { defaultLocale: 'en', locales: ['en'] },

  markdown: {
    mermaid: true,
    // Book files are MDX; keep <!-- comments -->, ":::tip Title" and {#custom-id} headings working.
    mdx1Compat: { comments: true, admonitions: true, headingIds: true },
    hooks: LINK_CHECKS.markdownHooks,
    // A book page's number (its file name's prefix) and whether it is written (`status: draft`).
    parseFrontMatter: bookFrontMatter(BOOK_DIR),
  },

  customFields: {
    repo: { url: REPO_URL, slug: `${REPO.owner}/${REPO.name}`, branch: REPO.branch },
  },

  presets: [
    [
      'classic',
      {
        docs: {
          path: '../book',
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          // Keep "07-dynamodb" in ids and URLs so chapter 7 and chapters-code/07-dynamodb match.
          numberPrefixParser: false,
          editUrl: ({ docPath }) => `${REPO_URL}/edit/${REPO.branch}/book/${docPath}`,
          // Docusaurus's defaults (partials, tests) plus notes and images that are not chapters.
          exclude: ['**/_*.{js,jsx,ts,tsx,md,mdx}', '**/_*/**', '**/*.test.{js,jsx,ts,tsx}', '**/__tests__/**', '**/README.md', 'img/**'],
          remarkPlugins: book.remarkPlugins,
        },
        blog: false,
        theme: { customCss: ['./src/css/custom.css', './src/css/raster-icons.css'] },
      } satisfies Preset.Options,
    ],
  ],

  plugins: [book.plugin, [problemTypes, { codeDir: CODE_DIR }] as PluginConfig, pageLoad, chapterCosts],

  themes: [
    '@docusaurus/theme-mermaid',
    [
      '@easyops-cn/docusaurus-search-local',
      {
        indexDocs: true,
        indexPages: false,
        docsRouteBasePath: '/',
        // The problem-type pages (src/plugins/problem-types.ts) are no docs, and with the book at the
        // site's root every route counts as a docs route, so the plugin would skip them. It indexes
        // the pages under its blog path before it looks at docs: the problem types are that path
        // (each type's page; the list at /problems itself, as a blog's list, is left out). The blog
        // plugin is off; no Markdown of a blog goes into the index's hash.
        indexBlog: true,
        blogRouteBasePath: ['problems'],
        blogDir: [],
        docsDir: '../book',
        hashed: true,
        language: ['en'],
        explicitSearchResultPath: true,
        searchBarShortcutHint: false,
        // Index the prose and its listings, not the boxes every code chapter repeats.
        ignoreCssSelectors: ['[data-what-changed]', '[data-chapter-code]'],
      },
    ],
  ],

  themeConfig: {
    image: 'img/social-card.png',
    metadata: [
      { name: 'keywords', content: 'serverless, AWS, Lambda, API Gateway, DynamoDB, TypeScript, book' },
    ],
    colorMode: { respectPrefersColorScheme: true },
    docs: { sidebar: { hideable: true } },
    tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
    navbar: {
      title: 'Rate the Ride',
      // A PNG of img/logo.svg (96 px): an SVG image costs the browser a document of its own to build
      // before the page's first paint; a PNG is decoded off the main thread.
      logo: { alt: '', src: 'img/logo.png', width: 32, height: 32 },
      items: [
        { type: 'docSidebar', sidebarId: 'book', position: 'left', label: 'Book' },
        {
          href: REPO_URL,
          position: 'right',
          className: 'header-github-link',
          'aria-label': 'The book and its code on GitHub',
        },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Book',
          items: [
            { label: 'Welcome', to: '/' },
            { label: 'Your first function', to: '/05-first-function' },
            { label: 'Troubleshooting', to: '/a-troubleshooting' },
            { label: 'API problem types', to: '/problems' },
            // Printed from the built site after `docusaurus build` (scripts/pdf/build.ts); a plain
            // link, not the router's (the file is no page of the site), that opens in a new tab.
            { label: 'The whole book as a PDF', href: 'pathname:///rate-the-ride.pdf' },
          ],
        },
        {
          title: 'Code',
          items: [
            { label: 'Repository', href: REPO_URL },
            { label: 'Chapter code', href: `${REPO_URL}/tree/${REPO.branch}/chapters-code` },
            { label: 'Report a problem', href: `${REPO_URL}/issues` },
          ],
        },
      ],
      copyright: `Rate the Ride. Text and code under the MIT licence.`,
    },
    prism: {
      // Colours come from a style sheet for both modes (src/plugins/page-load.ts).
      theme: classOnlyCodeTheme,
      darkTheme: classOnlyCodeTheme,
      additionalLanguages: ['bash', 'diff'],
    },
    mermaid: {
      theme: { light: 'neutral', dark: 'dark' },
    },
  } satisfies Preset.ThemeConfig,
} satisfies Config;

export default config;
