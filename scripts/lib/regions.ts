/**
 * Named regions in code files: the one parser behind the book's listings check
 * (scripts/book/listings.ts) and the website, which embeds a region as a code block
 * (website/src/remark/code-from-file.ts and its bundler loader).
 *
 * A region starts at a line holding only a start marker and ends at the matching end marker:
 *
 *   // #region store        (TypeScript, JavaScript)
 *   // #endregion store     (the name after #endregion is optional)
 *   # #region service       (YAML, shell, Dockerfile)
 *   <!-- #region x -->      (HTML, Markdown)
 *   /* #region x *\/        (CSS)
 *
 * An end marker with a name closes that region; without a name it closes the innermost open one.
 * Regions may nest or overlap; a name is used once per file. The lines shown never contain a
 * marker of any region. Lines end in \n, \r\n or \r.
 */

export class RegionError extends Error {
  override name = 'RegionError';
}

export interface Region {
  name: string;
  /** 0-based line of the `#region` marker. */
  start: number;
  /** 0-based line of the matching `#endregion` marker. */
  end: number;
}

export interface Extracted {
  /** The text shown: the region's lines without any marker, common indentation removed. */
  code: string;
  /** 1-based line numbers in the file of the first and last line shown (0 when nothing is shown). */
  startLine: number;
  endLine: number;
}

const MARKER =
  /^\s*(?:\/\/|#|<!--|\/\*)\s*#(region|endregion)\b[ \t]*([A-Za-z0-9_.-]*)[ \t]*(?:-->|\*\/)?\s*$/;

interface Marker {
  kind: 'region' | 'endregion';
  name: string;
}

export function parseMarker(line: string): Marker | undefined {
  const match = MARKER.exec(line);
  if (!match) return undefined;
  return { kind: match[1] as Marker['kind'], name: match[2] ?? '' };
}

export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** Every region of a file by name, in order of their start; throws on an unbalanced or repeated marker. */
export function findRegions(text: string, fileLabel = 'file'): Map<string, Region> {
  const open: { name: string; start: number }[] = [];
  const done: Region[] = [];
  splitLines(text).forEach((line, index) => {
    const marker = parseMarker(line);
    if (!marker) return;
    if (marker.kind === 'region') {
      if (!marker.name) {
        throw new RegionError(`${fileLabel}:${index + 1}: "#region" needs a name`);
      }
      if (done.some((r) => r.name === marker.name) || open.some((o) => o.name === marker.name)) {
        throw new RegionError(`${fileLabel}:${index + 1}: region "${marker.name}" is opened twice`);
      }
      open.push({ name: marker.name, start: index });
      return;
    }
    const at = marker.name ? open.findIndex((o) => o.name === marker.name) : open.length - 1;
    if (at < 0) {
      const what = marker.name ? `"#endregion ${marker.name}"` : '"#endregion"';
      throw new RegionError(`${fileLabel}:${index + 1}: ${what} has no matching "#region"`);
    }
    const [closed] = open.splice(at, 1);
    done.push({ name: closed!.name, start: closed!.start, end: index });
  });
  const unclosed = open[0];
  if (unclosed) {
    throw new RegionError(`${fileLabel}:${unclosed.start + 1}: region "${unclosed.name}" is never closed`);
  }
  return new Map(done.sort((a, b) => a.start - b.start).map((region) => [region.name, region]));
}

/**
 * The text of `region` in `text` (the whole file when `region` is empty), with every marker line
 * of every region removed and the common indentation stripped. Throws a RegionError naming the
 * file and its regions when the region does not exist.
 */
export function extractRegion(text: string, region: string | undefined, fileLabel = 'file'): Extracted {
  const lines = splitLines(text);
  const regions = findRegions(text, fileLabel);
  let from = 0;
  let to = lines.length; // exclusive
  if (region) {
    const range = regions.get(region);
    if (!range) {
      const known = [...regions.keys()].sort();
      const hint = known.length ? `; regions in it: ${known.join(', ')}` : '; it has no regions';
      throw new RegionError(`region "${region}" not found in ${fileLabel}${hint}`);
    }
    from = range.start + 1;
    to = range.end;
  }
  const kept: { text: string; line: number }[] = [];
  for (let index = from; index < to; index += 1) {
    const line = lines[index]!;
    if (parseMarker(line)) continue;
    kept.push({ text: line, line: index + 1 });
  }
  // Blank lines at either end (the newline that ends a file, a gap before a marker) are not shown.
  while (kept.length && kept[0]!.text.trim() === '') kept.shift();
  while (kept.length && kept[kept.length - 1]!.text.trim() === '') kept.pop();
  return {
    code: dedent(kept.map((k) => k.text)).join('\n'),
    startLine: kept.length ? kept[0]!.line : 0,
    endLine: kept.length ? kept[kept.length - 1]!.line : 0,
  };
}

/** Splits `chapters-code/07-dynamodb/src/x.ts#region-name` into its path and optional region. */
export function splitFileReference(reference: string): { path: string; region: string | undefined } {
  const hash = reference.indexOf('#');
  if (hash === -1) return { path: reference, region: undefined };
  return { path: reference.slice(0, hash), region: reference.slice(hash + 1) || undefined };
}

function dedent(lines: string[]): string[] {
  let common: number | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)![0].length;
    common = common === undefined ? indent : Math.min(common, indent);
  }
  if (!common) return lines;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(common)));
}
