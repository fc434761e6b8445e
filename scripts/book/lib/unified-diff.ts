import { structuredPatch } from 'diff';

/**
 * A unified diff between two bodies of lines. Hunk line numbers are shifted by `firstLine - 1`,
 * so that they are line numbers in the Markdown file and an editor can jump straight to them.
 */
export function unifiedDiff(
  oldName: string,
  newName: string,
  oldLines: readonly string[],
  newLines: readonly string[],
  firstLine = 1,
): string {
  const text = (lines: readonly string[]): string => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  const patch = structuredPatch(oldName, newName, text(oldLines), text(newLines), undefined, undefined, { context: 3 });
  const shift = firstLine - 1;
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  for (const hunk of patch.hunks) {
    const range = (start: number, count: number): string => `${start + shift},${count}`;
    out.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`);
    out.push(...hunk.lines);
  }
  return out.join('\n');
}
