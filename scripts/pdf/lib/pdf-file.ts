/**
 * Reads the PDFs that Chromium writes (Skia's PDF back end), without a dependency: its pages, the
 * named destinations that its internal links point at, the links on each page, the outline and the
 * text of each page.
 *
 * It is not a general PDF reader. It relies on what Skia writes: a classic cross-reference table,
 * objects that are not in object streams, content streams compressed with Flate only, and text as
 * `Tj`/`TJ` strings of two-byte glyph ids in Type0 fonts with a `ToUnicode` map. Anything else
 * throws, naming what it met, rather than reading a wrong answer.
 */
import { inflateSync } from 'node:zlib';

export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
export class Name {
  constructor(readonly name: string) {}
}
/** A PDF string, as its raw bytes. */
export class PdfString {
  constructor(readonly bytes: Buffer) {}
  /** As text: UTF-16BE with its byte-order mark, else PDFDocEncoding read as Latin-1. */
  text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      const swapped = Buffer.from(b.subarray(2));
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    return b.toString('latin1');
  }
}
export type PdfValue = number | boolean | null | Name | PdfString | Ref | PdfValue[] | PdfDict;
export type PdfDict = Map<string, PdfValue>;
interface PdfObject {
  value: PdfValue;
  stream?: Buffer;
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** A reader of PDF tokens and objects over a buffer, from a position. */
class Lexer {
  constructor(
    private readonly data: Buffer,
    public pos = 0,
  ) {}

  private skipSpace(): void {
    const d = this.data;
    while (this.pos < d.length) {
      if (WHITESPACE.has(d[this.pos]!)) this.pos++;
      else if (d[this.pos] === 0x25 /* % */) {
        while (this.pos < d.length && d[this.pos] !== 0x0a && d[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  private word(): string {
    const start = this.pos;
    const d = this.data;
    while (this.pos < d.length && !WHITESPACE.has(d[this.pos]!) && !DELIMITERS.has(d[this.pos]!)) this.pos++;
    return d.toString('latin1', start, this.pos);
  }

  /** The next word (a number, a keyword or an operator), without consuming it. */
  peekWord(): string {
    this.skipSpace();
    const saved = this.pos;
    const word = this.word();
    this.pos = saved;
    return word;
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.data.length;
  }

  /**
   * The next value; in a content stream an operator comes back as a Name-less string token
   * (`{ operator }`), which `value` reports through `onOperator`.
   */
  value(onOperator?: (operator: string) => void): PdfValue | undefined {
    this.skipSpace();
    const d = this.data;
    const c = d[this.pos];
    if (c === undefined) return undefined;
    if (c === 0x2f /* / */) {
      this.pos++;
      return new Name(this.word().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
    }
    if (c === 0x28 /* ( */) return this.literalString();
    if (c === 0x3c /* < */) {
      if (d[this.pos + 1] === 0x3c) {
        this.pos += 2;
        const dict: PdfDict = new Map();
        for (;;) {
          this.skipSpace();
          if (d[this.pos] === 0x3e && d[this.pos + 1] === 0x3e) {
            this.pos += 2;
            return dict;
          }
          const key = this.value();
          if (!(key instanceof Name)) throw new Error(`PDF: a dictionary key at byte ${this.pos} is not a name`);
          dict.set(key.name, this.value() ?? null);
        }
      }
      const end = d.indexOf(0x3e, this.pos);
      const hex = d.toString('latin1', this.pos + 1, end).replace(/\s+/g, '');
      this.pos = end + 1;
      return new PdfString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
    }
    if (c === 0x5b /* [ */) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (d[this.pos] === 0x5d) {
          this.pos++;
          return items;
        }
        const item = this.value(onOperator);
        if (item === undefined) throw new Error('PDF: an array does not end');
        items.push(item);
      }
    }
    const word = this.word();
    if (word === '') throw new Error(`PDF: unexpected byte ${c} at ${this.pos}`);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      const number = Number(word);
      // `N G R`: a reference.
      const saved = this.pos;
      if (/^\d+$/.test(word)) {
        const gen = this.peekWord();
        if (/^\d+$/.test(gen)) {
          this.skipSpace();
          this.word();
          if (this.peekWord() === 'R') {
            this.skipSpace();
            this.word();
            return new Ref(number, Number(gen));
          }
        }
        this.pos = saved;
      }
      return number;
    }
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (onOperator) {
      onOperator(word);
      return this.value(onOperator);
    }
    throw new Error(`PDF: unexpected keyword "${word}" at byte ${this.pos}`);
  }

  private literalString(): PdfString {
    const d = this.data;
    const out: number[] = [];
    let depth = 0;
    this.pos++;
    while (this.pos < d.length) {
      const c = d[this.pos++]!;
      if (c === 0x5c /* \ */) {
        const e = d[this.pos++]!;
        const escapes: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };
        if (escapes[e] !== undefined) out.push(escapes[e]!);
        else if (e >= 0x30 && e <= 0x37) {
          let octal = String.fromCharCode(e);
          while (octal.length < 3 && d[this.pos]! >= 0x30 && d[this.pos]! <= 0x37) octal += String.fromCharCode(d[this.pos++]!);
          out.push(parseInt(octal, 8) & 0xff);
        } else if (e === 0x0d || e === 0x0a) {
          if (e === 0x0d && d[this.pos] === 0x0a) this.pos++;
        } else out.push(e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (depth === 0) break;
        depth--;
        out.push(c);
      } else out.push(c);
    }
    return new PdfString(Buffer.from(out));
  }
}

export interface PdfLink {
  /** Page index (0-based) the link is on. */
  page: number;
  /** A named destination in this document, for an internal link. */
  dest?: string;
  /** The address of an external link. */
  uri?: string;
}

export interface OutlineEntry {
  title: string;
  depth: number;
  /** Page index (0-based) it opens, when known. */
  page: number | undefined;
}

export class PdfFile {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfObject>();
  readonly trailer: PdfDict;
  /** The page objects' numbers, in order. */
  readonly pageRefs: number[];

  constructor(readonly data: Buffer) {
    if (data.toString('latin1', 0, 5) !== '%PDF-') throw new Error('not a PDF: it does not start with %PDF-');
    const startxref = data.lastIndexOf('startxref');
    if (startxref < 0) throw new Error('PDF: no startxref');
    const xrefAt = Number(/startxref\s+(\d+)/.exec(data.toString('latin1', startxref, startxref + 40))![1]);
    if (data.toString('latin1', xrefAt, xrefAt + 4) !== 'xref') {
      throw new Error('PDF: the cross-reference is a stream, which this reader does not handle');
    }
    const lexer = new Lexer(data, xrefAt + 4);
    for (;;) {
      const first = lexer.peekWord();
      if (first === 'trailer') break;
      const start = lexer.value() as number;
      const count = lexer.value() as number;
      for (let i = 0; i < count; i++) {
        const offset = lexer.value() as number;
        lexer.value();
        const kind = lexer.peekWord();
        lexer.pos = data.indexOf(kind, lexer.pos) + 1;
        if (kind === 'n') this.offsets.set(start + i, offset);
      }
    }
    lexer.pos = data.indexOf('trailer', lexer.pos) + 'trailer'.length;
    this.trailer = lexer.value() as PdfDict;
    this.pageRefs = [];
    const walk = (ref: PdfValue) => {
      const node = this.dict(ref);
      const type = (node.get('Type') as Name | undefined)?.name;
      if (type === 'Page') this.pageRefs.push((ref as Ref).num);
      else for (const kid of (node.get('Kids') as PdfValue[]) ?? []) walk(kid);
    };
    walk(this.catalog().get('Pages')!);
  }

  private object(num: number): PdfObject {
    const cached = this.cache.get(num);
    if (cached) return cached;
    const offset = this.offsets.get(num);
    if (offset === undefined) throw new Error(`PDF: object ${num} is not in the cross-reference table`);
    const lexer = new Lexer(this.data, offset);
    lexer.value();
    lexer.value();
    if (lexer.peekWord() !== 'obj') throw new Error(`PDF: object ${num} does not start with "obj"`);
    lexer.pos = this.data.indexOf('obj', lexer.pos) + 3;
    const value = lexer.value() ?? null;
    const object: PdfObject = { value };
    if (lexer.peekWord() === 'stream') {
      let start = this.data.indexOf('stream', lexer.pos) + 'stream'.length;
      if (this.data[start] === 0x0d) start++;
      if (this.data[start] === 0x0a) start++;
      const length = this.resolve((value as PdfDict).get('Length') ?? null) as number;
      object.stream = this.data.subarray(start, start + length);
    }
    this.cache.set(num, object);
    return object;
  }

  resolve(value: PdfValue): PdfValue {
    return value instanceof Ref ? this.object(value.num).value : value;
  }

  dict(value: PdfValue): PdfDict {
    const resolved = this.resolve(value);
    if (!(resolved instanceof Map)) throw new Error('PDF: expected a dictionary');
    return resolved;
  }

  /** A stream's bytes, decompressed. */
  stream(ref: PdfValue): Buffer {
    if (!(ref instanceof Ref)) throw new Error('PDF: a stream must be referenced');
    const object = this.object(ref.num);
    if (!object.stream) throw new Error(`PDF: object ${ref.num} is no stream`);
    const filter = (object.value as PdfDict).get('Filter');
    if (filter === undefined) return object.stream;
    if (filter instanceof Name && filter.name === 'FlateDecode') return inflateSync(object.stream);
    throw new Error(`PDF: object ${ref.num} uses a filter this reader does not handle`);
  }

  catalog(): PdfDict {
    return this.dict(this.trailer.get('Root')!);
  }

  get pageCount(): number {
    return this.pageRefs.length;
  }

  /** The document information's title. */
  title(): string | undefined {
    const info = this.trailer.get('Info');
    const title = info ? this.dict(info).get('Title') : undefined;
    return title instanceof PdfString ? title.text() : undefined;
  }

  /** Page index (0-based) of an explicit destination (`[page /XYZ …]`). */
  private destPage(dest: PdfValue): number | undefined {
    const array = this.resolve(dest);
    const target = Array.isArray(array) ? array[0] : undefined;
    if (!(target instanceof Ref)) return undefined;
    const index = this.pageRefs.indexOf(target.num);
    return index < 0 ? undefined : index;
  }

  /** Every named destination and the page index (0-based) it points at. */
  namedDestinations(): Map<string, number> {
    const result = new Map<string, number>();
    const add = (name: string, dest: PdfValue) => {
      let value = this.resolve(dest);
      if (value instanceof Map) value = value.get('D') ?? null;
      const page = this.destPage(value);
      if (page !== undefined) result.set(name, page);
    };
    const catalog = this.catalog();
    const dests = catalog.get('Dests');
    if (dests) for (const [name, dest] of this.dict(dests)) add(name, dest);
    // A name tree (/Names /Dests), the other place a PDF may keep them.
    const names = catalog.get('Names');
    const tree = names ? this.dict(names).get('Dests') : undefined;
    const walk = (node: PdfValue) => {
      const dict = this.dict(node);
      const pairs = (this.resolve(dict.get('Names') ?? null) as PdfValue[] | null) ?? [];
      for (let i = 0; i + 1 < pairs.length; i += 2) add((pairs[i] as PdfString).text(), pairs[i + 1]!);
      for (const kid of (this.resolve(dict.get('Kids') ?? null) as PdfValue[] | null) ?? []) walk(kid);
    };
    if (tree) walk(tree);
    return result;
  }

  /** The link annotations of every page, in page order. */
  links(): PdfLink[] {
    const links: PdfLink[] = [];
    this.pageRefs.forEach((num, page) => {
      const annots = this.resolve(this.dict(new Ref(num, 0)).get('Annots') ?? null);
      for (const ref of Array.isArray(annots) ? annots : []) {
        const annot = this.dict(ref);
        if ((annot.get('Subtype') as Name | undefined)?.name !== 'Link') continue;
        const dest = annot.get('Dest');
        const action = annot.get('A') ? this.dict(annot.get('A')!) : undefined;
        const uri = action?.get('URI');
        if (dest instanceof Name) links.push({ page, dest: dest.name });
        else if (dest instanceof PdfString) links.push({ page, dest: dest.text() });
        else if (uri instanceof PdfString) links.push({ page, uri: uri.text() });
      }
    });
    return links;
  }

  /** The outline (bookmarks), depth first. */
  outline(): OutlineEntry[] {
    const entries: OutlineEntry[] = [];
    const named = this.namedDestinations();
    const root = this.catalog().get('Outlines');
    const visit = (first: PdfValue | undefined, depth: number) => {
      for (let ref = first; ref; ) {
        const item = this.dict(ref);
        const dest = item.get('Dest');
        const page = dest instanceof Name ? named.get(dest.name) : dest instanceof PdfString ? named.get(dest.text()) : dest ? this.destPage(dest) : undefined;
        entries.push({ title: (this.resolve(item.get('Title') ?? null) as PdfString).text(), depth, page });
        visit(item.get('First'), depth + 1);
        ref = item.get('Next');
      }
    };
    if (root) visit(this.dict(root).get('First'), 0);
    return entries;
  }

  /** The glyph-to-text map of each font of a page, by resource name. */
  private fontMaps(pageNum: number): Map<string, Map<number, string>> {
    const resources = this.dict(this.dict(new Ref(pageNum, 0)).get('Resources') ?? new Map());
    const fonts = resources.get('Font') ? this.dict(resources.get('Font')!) : new Map<string, PdfValue>();
    const maps = new Map<string, Map<number, string>>();
    for (const [name, ref] of fonts) {
      const toUnicode = this.dict(ref).get('ToUnicode');
      maps.set(name, toUnicode ? parseToUnicode(this.stream(toUnicode).toString('latin1')) : new Map());
    }
    return maps;
  }

  /**
   * The text of a page, in the order it is drawn: a new line wherever drawing moves to another
   * line (a text matrix with another vertical position).
   */
  pageText(index: number): string {
    return this.pageTextRuns(index)
      .map((run, i) => `${run.newLine && i > 0 ? '\n' : ''}${run.text}`)
      .join('');
  }

  /**
   * The lines of a page, each as its runs' text: a run is text placed on its own (an element of
   * the page, such as a link or a page number), so it tells apart what the lines run together.
   */
  pageLines(index: number): string[][] {
    const lines: string[][] = [];
    for (const run of this.pageTextRuns(index)) {
      if (run.newLine || lines.length === 0) lines.push([]);
      lines[lines.length - 1]!.push(run.text);
    }
    return lines;
  }

  /**
   * The text of a page as runs, in the order drawn: a run is text placed at one position (a text
   * matrix) in one fill colour.
   */
  pageTextRuns(index: number): TextRun[] {
    const num = this.pageRefs[index];
    if (num === undefined) throw new Error(`PDF: no page ${index + 1}`);
    const page = this.dict(new Ref(num, 0));
    const contents = this.resolve(page.get('Contents') ?? null);
    const refs = Array.isArray(contents) ? contents : [page.get('Contents')!];
    const maps = this.fontMaps(num);
    const runs: TextRun[] = [];
    let map = new Map<number, string>();
    let color: [number, number, number] = [0, 0, 0];
    let lastY: number | undefined;
    let newLine = false;
    let placed = true;
    const add = (text: string) => {
      if (!text) return;
      const last = runs[runs.length - 1];
      if (!newLine && !placed && last && last.color.every((c, i) => c === color[i])) last.text += text;
      else runs.push({ text, color, newLine: newLine || runs.length === 0 });
      newLine = false;
      placed = false;
    };
    for (const ref of refs) {
      const lexer = new Lexer(this.stream(ref));
      const operands: PdfValue[] = [];
      const show = (value: PdfValue) => {
        if (!(value instanceof PdfString)) return;
        const bytes = value.bytes;
        let text = '';
        for (let i = 0; i + 1 < bytes.length; i += 2) text += map.get(bytes.readUInt16BE(i)) ?? '';
        add(text);
      };
      const onOperator = (operator: string) => {
        const numbers = operands.filter((o): o is number => typeof o === 'number');
        if (operator === 'Tf') map = maps.get((operands[0] as Name).name) ?? new Map();
        else if (operator === 'rg' && numbers.length === 3) color = [numbers[0]!, numbers[1]!, numbers[2]!];
        else if (operator === 'g' && numbers.length === 1) color = [numbers[0]!, numbers[0]!, numbers[0]!];
        else if (operator === 'Tm') {
          const y = numbers[5]!;
          if (lastY !== undefined && Math.abs(y - lastY) > 0.5) newLine = true;
          lastY = y;
          placed = true;
        } else if (operator === 'Td' || operator === 'TD') {
          if (lastY !== undefined && Math.abs(numbers[1] ?? 0) > 0.5) {
            newLine = true;
            lastY += numbers[1]!;
          }
        } else if (operator === 'Tj' || operator === "'" || operator === '"') show(operands[operands.length - 1]!);
        else if (operator === 'TJ') for (const item of operands[0] as PdfValue[]) show(item);
        else if (operator === 'BI') throw new Error('PDF: inline images are not handled');
        operands.length = 0;
      };
      while (!lexer.atEnd()) {
        const value = lexer.value(onOperator);
        if (value !== undefined) operands.push(value);
      }
      onOperator('');
    }
    return runs;
  }
}

export interface TextRun {
  text: string;
  /** Whether the run starts a line (the page's first run does). */
  newLine: boolean;
  /** The fill colour the text is drawn in, RGB from 0 to 1. */
  color: [number, number, number];
}

/** A `ToUnicode` CMap: glyph id → text (bfchar and bfrange, two-byte codes). */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const bytes = Buffer.from(hex, 'hex');
    bytes.swap16();
    return bytes.toString('utf16le');
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(code!, 16), utf16(text!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, target] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const start = parseInt(from!, 16);
      const end = parseInt(to!, 16);
      if (target!.startsWith('[')) {
        const texts = [...target!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => utf16(m[1]!));
        for (let code = start; code <= end; code++) map.set(code, texts[code - start] ?? '');
      } else {
        const base = Buffer.from(target!.slice(1, -1), 'hex');
        for (let code = start; code <= end; code++) {
          const bytes = Buffer.from(base);
          bytes.writeUInt16BE(bytes.readUInt16BE(bytes.length - 2) + (code - start), bytes.length - 2);
          map.set(code, utf16(bytes.toString('hex')));
        }
      }
    }
  }
  return map;
}
