/**
 * Every code chapter's cost, from its package: what the site shows and the report prints. Packages
 * the chapters itself unless RTR_PACKAGED_CHAPTERS names a folder where they are packaged already.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packagedChapter, type PackagedChapter } from '../../lib/packaged-chapters';
import { codeChapters } from '../../lib/repo';
import { estimateChapter, type ChapterCost } from './estimate';
import type { ChapterMeasurement } from '../measure';
import { readPriceTable } from './prices';

export const measuredFolder = join(__dirname, '..', 'measured');

export function readMeasurement(chapter: string): ChapterMeasurement {
  const file = join(measuredFolder, `${chapter}.json`);
  if (!existsSync(file)) throw new Error(`no measurement for ${chapter}: run npx tsx scripts/cost/measure.ts --only ${chapter}`);
  return JSON.parse(readFileSync(file, 'utf8')) as ChapterMeasurement;
}

/** Bytes a deployment uploads: the zips and the create and update templates. */
export const uploadedBytes = (packaged: PackagedChapter) =>
  Object.values(packaged.zips).reduce((sum, size) => sum + size, 0) + packaged.templates.reduce((sum, file) => sum + statSync(file).size, 0);

export async function chapterCost(chapter: string): Promise<ChapterCost> {
  const packaged = await packagedChapter(chapter);
  return estimateChapter({ chapter, template: packaged.template, uploadedBytes: uploadedBytes(packaged) }, readPriceTable(), readMeasurement(chapter));
}

/** The chapters that have a measurement: those the book shows a cost for. */
export const costedChapters = () => codeChapters().filter((chapter) => existsSync(join(measuredFolder, `${chapter}.json`)));

export const allChapterCosts = () => Promise.all(costedChapters().map(chapterCost));
