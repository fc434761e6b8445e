/**
 * The PDF reader that the PDF build and its test rely on (scripts/pdf/lib/pdf-file.ts), on a small
 * PDF made here byte by byte: a page tree with a level below the root, named destinations in the
 * catalog and in a name tree, links, an outline with a UTF-16 title and an escaped one, and text
 * drawn in two colours through a ToUnicode map with single codes, ranges and ligatures.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { parseToUnicode, PdfFile } from '../../scripts/pdf/lib/pdf-file';

type PdfObject = string | { dict: string; stream: Buffer };

/** A PDF 1.4 file of these objects, with its cross-reference table and trailer. */
function pdfOf(objects: Record<number, PdfObject>, trailer: string): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xd3\xeb\xe9\xe1\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets = new Map<number, number>();
  for (const [num, object] of Object.entries(objects)) {
    offsets.set(Number(num), length);
    const body =
      typeof object === 'string'
        ? Buffer.from(`${num} 0 obj\n${object}\nendobj\n`, 'latin1')
        : Buffer.concat([
            Buffer.from(`${num} 0 obj\n<<${object.dict} /Length ${object.stream.length}>> stream\n`, 'latin1'),
            object.stream,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ]);
    parts.push(body);
    length += body.length;
  }
  const size = Math.max(...offsets.keys()) + 1;
  const rows = ['0000000000 65535 f '];
  for (let num = 1; num < size; num++) {
    const offset = offsets.get(num);
    rows.push(offset === undefined ? '0000000000 65535 f ' : `${String(offset).padStart(10, '0')} 00000 n `);
  }
  parts.push(Buffer.from(`xref\n0 ${size}\n${rows.join('\n')}\ntrailer\n<<${trailer} /Size ${size}>>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const CMAP = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0001> <0048>
<0003> <0020>
endbfchar
2 beginbfrange
<0010> <0012> <0061>
<0020> <0021> [<00660069> <2014>]
endbfrange
endcmap
end
end`;

const flate = (text: string) => ({ dict: '/Filter /FlateDecode', stream: deflateSync(Buffer.from(text, 'latin1')) });

const TINY = pdfOf(
  {
    1: '<</Type /Catalog /Pages 2 0 R /Dests 10 0 R /Outlines 11 0 R /Names <</Dests 13 0 R>>>>',
    2: '<</Type /Pages /Kids [3 0 R 5 0 R] /Count 2>>',
    3: '<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 7 0 R>>>> /Contents 6 0 R /Annots [8 0 R 9 0 R]>>',
    4: '<</Type /Page /Parent 5 0 R /Resources <</Font <</F1 7 0 R>>>> /Contents [14 0 R]>>',
    5: '<</Type /Pages /Parent 2 0 R /Kids [4 0 R] /Count 1>>',
    // "H abc" in black, on one line as two placed pieces; then, on the next line, "fi—" in red.
    6: flate(
      [
        '0 0 0 rg',
        'BT /F1 12 Tf 1 0 0 -1 10 20 Tm <00010003> Tj ET',
        'BT /F1 12 Tf 1 0 0 -1 40 20 Tm [<0010> -120 <0011>] TJ 6 0 Td <0012> Tj ET',
        '.8 .1 .1 rg',
        'BT /F1 12 Tf 1 0 0 -1 10 40 Tm <00200021> Tj ET',
      ].join('\n'),
    ),
    7: '<</Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Test /Encoding /Identity-H /ToUnicode 12 0 R>>',
    8: '<</Type /Annot /Subtype /Link /Rect [0 0 10 10] /Dest /chapter-2>>',
    9: '<</Type /Annot /Subtype /Link /Rect [0 0 10 10] /A <</Type /Action /S /URI /URI (https://example.com/a\\)b)>>>>',
    10: '<</chapter-2 [4 0 R /XYZ 0 800 0]>>',
    11: '<</Type /Outlines /First 15 0 R /Count 2>>',
    12: { dict: '', stream: Buffer.from(CMAP, 'latin1') },
    13: '<</Names [(by-tree) [4 0 R /Fit]]>>',
    14: flate('0 0 0 rg BT /F1 12 Tf 1 0 0 -1 10 20 Tm <0001> Tj ET'),
    15: '<</Title <FEFF00480069> /Parent 11 0 R /Dest /chapter-2 /Next 16 0 R /First 17 0 R>>',
    16: '<</Title (Second \\(one\\)) /Parent 11 0 R /Dest [3 0 R /XYZ 0 0 0]>>',
    17: '<</Title (Below) /Parent 15 0 R /Dest (by-tree)>>',
    18: '<</Title (Tiny)>>',
  },
  '/Root 1 0 R /Info 18 0 R',
);

describe('the PDF reader', () => {
  const pdf = new PdfFile(TINY);

  it('finds every page through the page tree, and the title', () => {
    assert.equal(pdf.pageCount, 2);
    assert.equal(pdf.title(), 'Tiny');
  });

  it('finds named destinations in the catalog and in a name tree, as page indexes', () => {
    assert.deepEqual(Object.fromEntries(pdf.namedDestinations()), { 'chapter-2': 1, 'by-tree': 1 });
  });

  it('reads internal and external links, with escapes in strings', () => {
    assert.deepEqual(pdf.links(), [
      { page: 0, dest: 'chapter-2' },
      { page: 0, uri: 'https://example.com/a)b' },
    ]);
  });

  it('reads the outline depth first, with UTF-16 and escaped titles', () => {
    assert.deepEqual(pdf.outline(), [
      { title: 'Hi', depth: 0, page: 1 },
      { title: 'Below', depth: 1, page: 1 },
      { title: 'Second (one)', depth: 0, page: 0 },
    ]);
  });

  it('reads the text of each page as lines of placed pieces, with their colours', () => {
    assert.deepEqual(pdf.pageLines(0), [['H ', 'abc'], ['fi\u2014']]);
    assert.equal(pdf.pageText(0), 'H abc\nfi\u2014');
    assert.deepEqual(
      pdf.pageTextRuns(0).map((run) => run.color),
      [
        [0, 0, 0],
        [0, 0, 0],
        [0.8, 0.1, 0.1],
      ],
    );
    assert.equal(pdf.pageText(1), 'H');
  });

  it('maps codes to text from bfchar and bfrange entries, ranges and arrays alike', () => {
    const map = parseToUnicode(CMAP);
    assert.deepEqual([1, 3, 0x10, 0x11, 0x12, 0x20, 0x21].map((code) => map.get(code)), ['H', ' ', 'a', 'b', 'c', 'fi', '\u2014']);
  });

  it('refuses what it cannot read rather than guessing', () => {
    assert.throws(() => new PdfFile(Buffer.from('<html>')), /not a PDF/);
    const withXrefStream = Buffer.from('%PDF-1.5\n1 0 obj\n<</Type /XRef>>\nendobj\nstartxref\n9\n%%EOF\n', 'latin1');
    assert.throws(() => new PdfFile(withXrefStream), /cross-reference is a stream/);
    assert.throws(() => pdf.pageText(5), /no page 6/);
  });
});
