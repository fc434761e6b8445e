// Named regions in code files, the markers editors fold and the website strips:
//   // #region name … // #endregion [name]     (TypeScript, JavaScript)
//   # #region name … # #endregion [name]       (YAML, shell)
//   <!-- #region name --> … <!-- #endregion --> (HTML, Markdown)
// The same rules as the site's remark plugin (website/src/remark/regions.ts), which renders them:
// a named #endregion closes that region, an unnamed one the innermost open region; a region name
// is used once per file. This copy only answers "does the region exist?", fast, before a build.

const MARKER = /^\s*(?:\/\/|#|<!--|\/\*)\s*#(region|endregion)\b[ \t]*([\w.-]*)[ \t]*(?:-->|\*\/)?\s*$/;

export interface Region {
  name: string;
  /** 0-based line of the `#region` marker. */
  start: number;
  /** 0-based line of the matching `#endregion` marker. */
  end: number;
}

/** Finds the regions of a file, in order of their start. Throws on an unbalanced or repeated marker. */
export function findRegions(text: string): Region[] {
  const regions: Region[] = [];
  const open: Array<{ name: string; start: number }> = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const marker = MARKER.exec(line);
    if (!marker) return;
    const [, kind, name = ''] = marker;
    if (kind === 'region') {
      if (!name) throw new Error(`line ${index + 1}: #region needs a name`);
      if (regions.some((r) => r.name === name) || open.some((o) => o.name === name)) {
        throw new Error(`line ${index + 1}: region "${name}" is opened twice`);
      }
      open.push({ name, start: index });
      return;
    }
    const at = name ? open.findIndex((o) => o.name === name) : open.length - 1;
    if (at < 0) throw new Error(`line ${index + 1}: #endregion${name ? ` ${name}` : ''} without a matching #region`);
    const [closed] = open.splice(at, 1);
    regions.push({ name: closed!.name, start: closed!.start, end: index });
  });
  const unclosed = open[0];
  if (unclosed) throw new Error(`line ${unclosed.start + 1}: #region ${unclosed.name} has no #endregion`);
  return regions.sort((a, b) => a.start - b.start);
}

/** Splits `chapters-code/07-dynamodb/src/x.ts#region-name` into its path and optional region. */
export function splitFileReference(reference: string): { path: string; region: string | undefined } {
  const hash = reference.indexOf('#');
  if (hash === -1) return { path: reference, region: undefined };
  return { path: reference.slice(0, hash), region: reference.slice(hash + 1) || undefined };
}
