/**
 * The site's few settings that other code needs too (tests, benchmark scripts). Set them here once.
 */
import path from 'node:path';

/**
 * Where the book's repository lives: code listings, "What changed" and the "Code for this
 * chapter" box link to files on this repository and branch.
 */
export const REPO = {
  owner: 'rate-the-ride',
  name: 'rate-the-ride',
  branch: 'main',
} as const;
export const REPO_URL = `https://github.com/${REPO.owner}/${REPO.name}`;

/** The published address. CI may override both (see .github/workflows/pages.yml). */
export const SITE_URL = process.env.SITE_URL ?? `https://${REPO.owner}.github.io`;
export const BASE_URL = normaliseBase(process.env.BASE_URL ?? `/${REPO.name}/`);

/** The repository root, the book's Markdown and the chapter code. */
export const ROOT_DIR = path.resolve(__dirname, '..');
export const BOOK_DIR = path.join(ROOT_DIR, 'book');
export const CODE_DIR = path.join(ROOT_DIR, 'chapters-code');
export const BUILD_DIR = path.join(__dirname, 'build');

/** Broken links, anchors and images fail the build (shared with the test fixture site). */
export const LINK_CHECKS = {
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdownHooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
} as const;

function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
