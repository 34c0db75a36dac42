/**
 * The PDF reader from the outside: the fixture PDFs (made by scripts/make-pdf-fixtures.mjs) give the tables and
 * blocks read by hand from them; bad input gives typed errors naming the file. Small PDFs for the edge cases are
 * written here byte by byte (no font file needed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ExtractedDocument, type Table, tableToGrid } from '@shiryo/model';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractDocument, readPdf } from '../src/index.js';
import { failure, scratchFiles } from './helpers.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const RULED = join(ROOT, 'fixtures/pdf-ruled-services/source.pdf');
const DATA = new URL('./data/', import.meta.url).pathname;
const STREAM = join(ROOT, 'fixtures/pdf-stream-services/source.pdf');
const { file } = scratchFiles('shiryo-pdf-');

const grid = (t: Table) => tableToGrid(t).map((row) => row.map((c) => c?.text ?? null));

/** A PDF from its objects (1 0 obj is the catalog), with a correct xref table. */
function miniPdf(objects: string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
const stream = (s: string) => `<< /Length ${Buffer.byteLength(s, 'latin1')} >>\nstream\n${s}\nendstream`;
const PAGES = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const page = (extra = '') => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${extra}/Contents 4 0 R >>`;
const ucs2 = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');

describe('ruled fixture (lattice)', () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await extractDocument(RULED);
  });

  it('reads one page with its size, rulings and lines in reading order', () => {
    expect(doc.mediaType).toBe('application/pdf');
    expect(doc.meta).toMatchObject({ pages: '1', title: '川越市 第7期障害福祉計画 サービス見込量' });
    expect(doc.issues).toEqual([]);
    const p = doc.pages[0]!;
    expect(p).toMatchObject({ index: 1, width: 595.28, height: 841.89, rotation: 0 });
    expect(p.needsOcr).toBeUndefined();
    // 5 horizontal (the one under the header is a filled bar) + 5 vertical (frame sides from a scaled rectangle).
    expect(p.rulings).toHaveLength(10);
    expect(p.rulings).toContainEqual({ x0: 60, y0: 198, x1: 535, y1: 198 });
    expect(p.rulings).toContainEqual({ x0: 205, y0: 174, x1: 535, y1: 174 });
    expect(p.rulings).toContainEqual({ x0: 535, y0: 150, x1: 535, y1: 246 });
    expect(p.lines).toEqual([
      '川越市 第7期障害福祉計画・第3期障害児福祉計画',
      '資料1',
      '(1) 訪問系・日中活動系サービスの見込量',
      '・見込量は月平均の実利用者数です。',
      '区分 令和6年度 令和7年度 令和5年度',
      '(人/月) (見込) (見込) 実績',
      '居宅介護 412 428 397',
      '生活介護 1,046 1,071 1,018',
      '※令和5年度は見込みを含む実績です。',
    ]);
  });

  it('gives spans in top-left coordinates, and joins the glyph stack 資料1 into one vertical span', () => {
    const spans = doc.pages[0]!.spans;
    const title = spans.find((s) => s.text.startsWith('川越市'))!;
    expect(title).toMatchObject({ dir: 'h', size: 16, origin: 'pdf', confidence: 1 });
    expect(title.bbox.x0).toBeCloseTo(60, 1);
    expect(title.bbox.y0).toBeGreaterThan(55);
    expect(title.bbox.y1).toBeLessThan(76);
    const v = spans.filter((s) => s.dir === 'v');
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ text: '資料1', orig: '資料1' });
    expect(v[0]!.bbox.x0).toBeCloseTo(555, 0);
    expect(v[0]!.bbox.y1 - v[0]!.bbox.y0).toBeGreaterThan(30);
  });

  it('finds the lattice table with the merged corner cell and two header rows', () => {
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t).toMatchObject({ page: 1, index: 0, method: 'lattice', nRows: 4, nCols: 4, headerRows: 2 });
    expect(t.bbox).toEqual({ x0: 60, y0: 150, x1: 535, y1: 246 });
    expect(grid(t)).toEqual([
      ['区分 (人/月)', '令和6年度', '令和7年度', '令和5年度'],
      ['区分 (人/月)', '(見込)', '(見込)', '実績'],
      ['居宅介護', '412', '428', '397'],
      ['生活介護', '1,046', '1,071', '1,018'],
    ]);
    const corner = t.cells.find((c) => c.row === 0 && c.col === 0)!;
    expect(corner).toMatchObject({ rowSpan: 2, colSpan: 1, orig: '区分\n(人/月)', role: 'header' });
    expect(corner.bbox).toEqual({ x0: 60, y0: 150, x1: 205, y1: 198 });
    expect(t.cells.find((c) => c.row === 2 && c.col === 0)!.role).toBe('stub');
    expect(t.cells.find((c) => c.row === 3 && c.col === 1)).toMatchObject({
      role: 'body',
      bbox: { x0: 205, y0: 222, x1: 315, y1: 246 },
    });
    expect(t.quality.score).toBeGreaterThan(0.9);
    expect(t.quality.emptyRatio).toBe(0);
  });

  it('reads the text around the table as blocks sharing one seq order with it', () => {
    const items = [
      ...doc.blocks.map((b) => ({ seq: b.seq, what: `${b.kind}${b.level ?? ''}:${b.text}` })),
      ...doc.tables.map((t) => ({ seq: t.seq, what: `table:${t.method}` })),
    ].sort((a, b) => a.seq - b.seq);
    expect(items.map((i) => i.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(items.map((i) => i.what)).toEqual([
      'heading1:川越市 第7期障害福祉計画・第3期障害児福祉計画',
      'paragraph:資料1',
      'heading2:(1) 訪問系・日中活動系サービスの見込量',
      'bullet:見込量は月平均の実利用者数です。',
      'table:lattice',
      'note:※令和5年度は見込みを含む実績です。',
    ]);
    expect(doc.blocks.every((b) => b.page === 1 && b.line === undefined)).toBe(true);
  });

  it('finds no table with tables: none, and the same one by name', async () => {
    const bytes = readFileSync(RULED);
    const none = await readPdf(bytes, RULED, { settings: { tables: 'none' } });
    expect(none.tables).toEqual([]);
    expect(none.blocks.length).toBeGreaterThan(5);
    const lattice = await readPdf(bytes, RULED, { settings: { tables: 'lattice' } });
    expect(lattice.tables.map((t) => t.method)).toEqual(['lattice']);
  });
});

describe('stream fixture (no rulings)', () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await extractDocument(STREAM);
  });

  it('finds the borderless table with its two header rows by position', () => {
    expect(doc.pages[0]!.rulings).toEqual([]);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t).toMatchObject({ method: 'stream', nRows: 6, nCols: 4, headerRows: 2 });
    expect(grid(t)).toEqual([
      ['区分', '令和6年度', '令和7年度', '令和5年度'],
      ['(人/月)', '(見込)', '(見込)', '実績'],
      ['居宅介護', '388', '402', '371'],
      ['重度訪問介護', '27', '29', '25'],
      ['生活介護', '932', '951', '910'],
      ['短期入所', '154', '160', '147'],
    ]);
    expect(t.cells.every((c) => c.bbox && c.rowSpan === 1 && c.colSpan === 1)).toBe(true);
    expect(t.bbox!.x0).toBeCloseTo(66, 0);
    expect(t.bbox!.x1).toBeCloseTo(529, 0);
    expect(t.quality.score).toBeGreaterThan(0.9);
  });

  it('keeps the two-line paragraph after the table as one paragraph', () => {
    const kinds = doc.blocks.map((b) => `${b.kind}${b.level ?? ''}`);
    expect(kinds).toEqual(['heading1', 'heading2', 'bullet', 'paragraph']);
    const p = doc.blocks.at(-1)!;
    expect(p.text).toBe(
      '訪問系サービスは、障害のある人が地域で暮らし続けるための基盤となるサービスであり、ヘルパーの確保とあわせて提供体制の充実を図ります。',
    );
    expect(p.orig.split('\n')).toHaveLength(2);
    expect(p.seq).toBeGreaterThan(doc.tables[0]!.seq);
  });

  it('reads the same table when stream is asked for by name, and none as lattice (no rulings)', async () => {
    const bytes = readFileSync(STREAM);
    const s = await readPdf(bytes, STREAM, { settings: { tables: 'stream' } });
    expect(grid(s.tables[0]!)).toEqual(grid(doc.tables[0]!));
    const l = await readPdf(bytes, STREAM, { settings: { tables: 'lattice' } });
    expect(l.tables).toEqual([]);
  });
});

describe('text layers', () => {
  it('reads vertical CJK text through a predefined CMap from the package, without the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const content = `BT /F1 12 Tf 1 0 0 1 500 700 Tm <${ucs2('障害福祉')}> Tj ET`;
    const pdf = miniPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      PAGES,
      page('/Resources << /Font << /F1 5 0 R >> >> '),
      stream(content),
      '<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UCS2-V /DescendantFonts [6 0 R] >>',
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
      '<< /Type /FontDescriptor /FontName /HeiseiKakuGo-W5 /Flags 4 /FontBBox [-92 -250 1010 922] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 737 /StemV 69 >>',
    ]);
    try {
      const doc = await readPdf(pdf, 'vertical.pdf');
      const spans = doc.pages[0]!.spans;
      expect(spans).toHaveLength(1);
      expect(spans[0]).toMatchObject({ text: '障害福祉', dir: 'v', size: 12 });
      // Top-left origin: the run starts 142 pt below the top (842 − 700) and goes down 48 pt.
      expect(spans[0]!.bbox).toEqual({ x0: 494, y0: 142, x1: 506, y1: 190 });
      expect(doc.pages[0]!.lines).toEqual(['障害福祉']);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('keeps a page without text, marked needsOcr with a PAGE_NEEDS_OCR issue', async () => {
    const pdf = miniPdf(['<< /Type /Catalog /Pages 2 0 R >>', PAGES, page(), stream('0 0 1 rg 50 50 200 100 re f')]);
    const doc = await readPdf(pdf, 'scan.pdf');
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0]).toMatchObject({ index: 1, needsOcr: true, spans: [] });
    expect(doc.issues).toEqual([
      expect.objectContaining({ code: 'PAGE_NEEDS_OCR', severity: 'warn', where: 'page 1' }),
    ]);
    expect(doc.tables).toEqual([]);
  });

  it('reads a file without %%EOF that pdf.js can still repair, with a PDF_TRUNCATED warning', async () => {
    const good = miniPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      PAGES,
      page('/Resources << /Font << /F1 5 0 R >> >> '),
      stream('BT /F1 12 Tf 72 700 Td (Total 42) Tj ET'),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]);
    // Cut after the trailer: the startxref pointer and %%EOF are gone, pdf.js rebuilds the xref by scanning.
    const cut = good.subarray(0, good.indexOf('startxref'));
    const doc = await readPdf(cut, 'cut.pdf');
    expect(doc.pages[0]!.lines).toEqual(['Total 42']);
    expect(doc.issues.map((i) => i.code)).toEqual(['PDF_TRUNCATED']);
  });
});

describe('bad PDFs give typed errors naming the file', () => {
  const cases: [string, () => string, string, RegExp][] = [
    [
      'a truncated copy of the ruled fixture',
      () => {
        const b = readFileSync(RULED);
        return file('truncated.pdf', b.subarray(0, Math.floor(b.length / 2)));
      },
      'PDF_CORRUPT',
      /truncated/,
    ],
    [
      'a password-protected PDF',
      () => {
        const h = 'ab'.repeat(32);
        return file(
          'encrypted.pdf',
          miniPdf(
            [
              '<< /Type /Catalog /Pages 2 0 R >>',
              PAGES,
              page(),
              stream('BT ET'),
              `<< /Filter /Standard /V 1 /R 2 /O <${h}> /U <${h}> /P -4 >>`,
            ],
            '/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ',
          ),
        );
      },
      'PDF_ENCRYPTED',
      /password/,
    ],
    [
      'a PDF with no pages',
      () => file('nopages.pdf', miniPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'])),
      'EMPTY_DOCUMENT',
      /no pages/,
    ],
    ['an empty .pdf', () => file('empty.pdf', ''), 'EMPTY_DOCUMENT', /0 bytes/],
    [
      'an HTML error page saved as .pdf',
      () => file('download.pdf', '<html><body>404 Not Found</body></html>'),
      'UNSUPPORTED_MEDIA',
      /not a PDF/,
    ],
    ['a bare %PDF- header', () => file('header.pdf', '%PDF-1.4\n'), 'PDF_CORRUPT', /pdf\.js cannot read it/],
  ];
  for (const [what, make, code, reason] of cases) {
    it(`${what} → ${code}`, async () => {
      const path = make();
      const e = await failure(extractDocument(path));
      expect(e.code).toBe(code);
      expect(e.file).toBe(path);
      expect(e.message).toContain(path);
      expect(e.reason).toMatch(reason);
    });
  }

  it('a PDF that needs a user password (qpdf, AES-256) → PDF_ENCRYPTED naming the file', async () => {
    const path = join(DATA, 'user-password.pdf');
    const e = await failure(extractDocument(path));
    expect(e.code).toBe('PDF_ENCRYPTED');
    expect(e.message).toContain(path);
  });

  it('reads a PDF encrypted with an owner password only (empty user password) like the original', async () => {
    const plain = await extractDocument(RULED);
    const locked = await extractDocument(join(DATA, 'owner-password-only.pdf'));
    expect(locked.tables.map(grid)).toEqual(plain.tables.map(grid));
    expect(locked.blocks.map((b) => b.text)).toEqual(plain.blocks.map((b) => b.text));
  });

  it('reads a PDF whose startxref points nowhere (pdf.js rebuilds the xref from the objects)', async () => {
    const text = readFileSync(RULED, 'latin1');
    const broken = text.replace(/startxref\s+\d+/, 'startxref\n99999999');
    expect(broken).not.toBe(text);
    const path = file('bad-xref.pdf', Buffer.from(broken, 'latin1'));
    const doc = await extractDocument(path);
    const plain = await extractDocument(RULED);
    expect(doc.tables.map(grid)).toEqual(plain.tables.map(grid));
  });

  it('leaves the caller’s bytes alone (pdf.js gets a copy)', async () => {
    const bytes = new Uint8Array(readFileSync(RULED));
    await readPdf(bytes, RULED);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
  });
});

afterAll(() => {
  vi.restoreAllMocks();
});
