import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { DefaultParseFrontMatter } from '@docusaurus/types';
import { parse as parseYaml } from 'yaml';
import { bookFrontMatter, chapterNumber } from './book-pages';

const BOOK = path.resolve('/repo/book');

/** Docusaurus's own parser, as far as these tests need it. */
const defaultParseFrontMatter: DefaultParseFrontMatter = async ({ fileContent }) => {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(fileContent)!;
  return { frontMatter: parseYaml(match[1]!) as Record<string, unknown>, content: fileContent.slice(match[0].length) };
};

async function parse(file: string, front: string) {
  const fileContent = `---\n${front}\n---\n\nText.\n`;
  return (await bookFrontMatter(BOOK)({ filePath: path.join(BOOK, file), fileContent, defaultParseFrontMatter })).frontMatter;
}

describe('book front matter', () => {
  it('numbers chapters and appendices from the file name', () => {
    assert.equal(chapterNumber('07-dynamodb.md'), '7');
    assert.equal(chapterNumber('/x/book/18-costs-and-cleanup.md'), '18');
    assert.equal(chapterNumber('a-troubleshooting.md'), 'A');
    assert.equal(chapterNumber('README.md'), null);
  });

  it('marks a draft for the sidebar and previous/next, and nothing once the field goes', async () => {
    const draft = await parse('12-access.md', 'title: Who is calling?\nstatus: draft');
    assert.equal(draft.title, '12. Who is calling?', 'the title carries the number');
    assert.equal(draft.sidebar_class_name, 'rtr-draft');
    assert.deepEqual(draft.sidebar_custom_props, { number: '12', status: 'draft' });
    assert.match(String(draft.pagination_label), /\(draft\)$/);
    const written = await parse('12-access.md', 'title: Who is calling?');
    assert.equal(written.sidebar_class_name, undefined);
    assert.equal(written.title, '12. Who is calling?');
    assert.equal(written.pagination_label, undefined);
    assert.deepEqual(written.sidebar_custom_props, { number: '12' });
  });

  it('leaves files outside the book as they are', async () => {
    const fileContent = '---\ntitle: Other\nstatus: draft\n---\n';
    const result = await bookFrontMatter(BOOK)({ filePath: '/repo/elsewhere/12-x.md', fileContent, defaultParseFrontMatter });
    assert.deepEqual(result.frontMatter, { title: 'Other', status: 'draft' });
  });
});
