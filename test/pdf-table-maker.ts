/**
 * Tables drawn into a PDF here, with pdf-lib and IPAex Gothic (Debian fonts-ipaexfont), the way word processors set
 * tables without full rulings: ruled between rows only, or with no rulings at all. A grid of cells (`null` where a
 * cell above or to the left spans over), header rows centred, values right-aligned, labels left-aligned, every text
 * centred vertically in its cell (a label spanning three rows sits on the middle one). For tests of the PDF table
 * finders on documents in words of their own.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../packages/extractor/package.json', import.meta.url));

export const GOTHIC = '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf';
export const fontAvailable = () => existsSync(GOTHIC);

/** A cell: its text (lines split at `\n`), and how many rows and columns it covers. */
export interface DrawCell {
  text: string;
  rs?: number;
  cs?: number;
}

export interface DrawTable {
  /** Text lines above the table (a title, a unit line), one a line. */
  before?: string[];
  /** The size (pt) of the lines above the table: 10 by default; a section heading is set larger. */
  beforeSize?: number;
  /** Rows of cells, one entry a column; `null` where a spanning cell covers. */
  rows: (DrawCell | string | null)[][];
  headerRows: number;
  /** Columns that hold labels (left-aligned in the body); the rest hold values (right-aligned). */
  stubCols: number;
  /** Lines under the table (notes). */
  after?: string[];
  /** The table's width (pt): its columns widened in proportion to reach it (tables of one width, one over another). */
  width?: number;
  /** Body rows set like header rows (centred): a header repeated inside the body, opening a block of rows. */
  blockRows?: number[];
  /** The columns' widths (pt), as given: tables whose columns stand one under another. */
  widths?: number[];
  /** How body values sit in their cells: right (the default), centred, or left. */
  valueAlign?: 'right' | 'center' | 'left';
  /** Space (pt) between a cell's edge and its text: 5 by default; a small one sets the columns close together. */
  pad?: number;
}

/** Lines every page carries: a running header at the top right, a footer centred at the bottom. */
export interface DrawPage {
  header?: string;
  footer?: string;
}

interface PdfPage {
  drawText(t: string, o: Record<string, unknown>): void;
  drawLine(o: Record<string, unknown>): void;
  getHeight(): number;
}

/**
 * A one-page PDF (A4 portrait) with a heading and the tables one under the other, `ruling` `rows` (a rule over every
 * row and under the last one), `grid` (every cell boxed, a spanning cell as one box: a fully ruled table), `none`, `frame` (a rule over the
 * table, one under its header rows and one under its last row, none between body rows: a word processor's
 * three-line table),
 * or `cells` (a spreadsheet's export: the row rules, the outer sides, and each inner column border drawn cell by
 * cell, every piece stopping 4.5 pt short of the row rules it meets); written to a temporary file, whose path is
 * returned.
 */
export async function drawTablesPdf(
  heading: string,
  tables: DrawTable[],
  ruling: 'rows' | 'grid' | 'none' | 'cells' | 'frame',
  name = 'tables.pdf',
  pageLines: DrawPage = {},
): Promise<string> {
  const { PDFDocument, rgb } = require('pdf-lib');
  const fontkit = require('@pdf-lib/fontkit');
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(GOTHIC), { subset: true });
  const page: PdfPage = pdf.addPage([595.28, 841.89]);
  const H = page.getHeight();
  const black = rgb(0, 0, 0);
  const width = (s: string, size: number): number => font.widthOfTextAtSize(s, size);
  const text = (s: string, x: number, top: number, size: number) => {
    if (s) page.drawText(s, { x, y: H - top - size * 0.88, size, font, color: black });
  };
  const rule = (x0: number, x1: number, y: number) =>
    page.drawLine({ start: { x: x0, y: H - y }, end: { x: x1, y: H - y }, thickness: 0.5, color: black });
  const upright = (x: number, y0: number, y1: number) =>
    page.drawLine({ start: { x, y: H - y0 }, end: { x, y: H - y1 }, thickness: 0.5, color: black });
  if (pageLines.header) text(pageLines.header, 545 - width(pageLines.header, 8), 30, 8);
  if (pageLines.footer) text(pageLines.footer, (595.28 - width(pageLines.footer, 9)) / 2, 800, 9);
  let y = 60;
  text(heading, 50, y, 12);
  y += 28;
  const size = 9;
  const lh = size * 1.3;
  for (const t of tables) {
    const pad = t.pad ?? 5;
    for (const l of t.before ?? []) {
      const bs = t.beforeSize ?? 10;
      text(l, 50, y, bs);
      y += Math.max(16, bs + 6);
    }
    const rows = t.rows.map((r) => r.map((c) => (typeof c === 'string' ? { text: c } : c)));
    const nCols = Math.max(...rows.map((r) => r.length));
    const lines = (c: DrawCell) => c.text.split('\n');
    const widths = Array.from({ length: nCols }, () => 24);
    for (const r of rows) {
      r.forEach((c, k) => {
        if (c && (c.cs ?? 1) === 1) widths[k] = Math.max(widths[k]!, ...lines(c).map((l) => width(l, size) + 2 * pad));
      });
    }
    for (const r of rows) {
      r.forEach((c, k) => {
        const cs = c?.cs ?? 1;
        if (!c || cs === 1) return;
        const need = Math.max(...lines(c).map((l) => width(l, size) + 2 * pad));
        const have = widths.slice(k, k + cs).reduce((a, b) => a + b, 0);
        if (need > have) for (let j = k; j < k + cs; j++) widths[j]! += (need - have) / cs;
      });
    }
    if (t.widths) for (const [k, w] of t.widths.entries()) widths[k] = w;
    const natural = widths.reduce((a, b) => a + b, 0);
    if (t.width && t.width > natural) for (let k = 0; k < nCols; k++) widths[k] = (widths[k]! * t.width) / natural;
    const heights = rows.map(
      (r) => Math.max(...r.map((c) => (c && (c.rs ?? 1) === 1 ? lines(c).length : 1))) * lh + 2 * pad,
    );
    const xs = [50];
    for (const w of widths) xs.push(xs[xs.length - 1]! + w);
    const ys = [y];
    for (const h of heights) ys.push(ys[ys.length - 1]! + h);
    const ruled = ruling === 'rows' || ruling === 'cells';
    if (ruling === 'cells') {
      upright(xs[0]!, ys[0]!, ys[rows.length]!);
      upright(xs[nCols]!, ys[0]!, ys[rows.length]!);
      // (an inner border of row i at column k, unless a cell of the row spans across it or covers it from above)
      rows.forEach((r, i) => {
        for (let k = 1; k < nCols; k++) {
          const across = r.some((c, j) => c && j < k && j + (c.cs ?? 1) > k);
          if (!across && r[k] !== null) upright(xs[k]!, ys[i]! + 4.5, ys[i + 1]! - 4.5);
        }
      });
    }
    rows.forEach((r, i) => {
      if (ruled) rule(xs[0]!, xs[nCols]!, ys[i]!);
      r.forEach((c, k) => {
        if (!c) return;
        const x0 = xs[k]!;
        const x1 = xs[k + (c.cs ?? 1)]!;
        const y0 = ys[i]!;
        const y1 = ys[i + (c.rs ?? 1)]!;
        if (ruling === 'grid') {
          rule(x0, x1, y0);
          rule(x0, x1, y1);
          upright(x0, y0, y1);
          upright(x1, y0, y1);
        }
        const ls = lines(c);
        let top = y0 + (y1 - y0 - ls.length * lh) / 2 + (lh - size) / 2;
        for (const l of ls) {
          const w = width(l, size);
          const centred = i < t.headerRows || !!t.blockRows?.includes(i);
          const align = centred ? 'center' : k < t.stubCols ? 'left' : (t.valueAlign ?? 'right');
          const left = align === 'center' ? x0 + (x1 - x0 - w) / 2 : align === 'left' ? x0 + pad : x1 - pad - w;
          text(l, left, top, size);
          top += lh;
        }
      });
    });
    if (ruled || ruling === 'frame') rule(xs[0]!, xs[nCols]!, ys[rows.length]!);
    if (ruling === 'frame') {
      rule(xs[0]!, xs[nCols]!, ys[0]!);
      rule(xs[0]!, xs[nCols]!, ys[t.headerRows]!);
    }
    y = ys[rows.length]! + 8;
    for (const l of t.after ?? []) {
      text(l, 50, y, 9);
      y += 15;
    }
    y += 12;
  }
  const path = join(mkdtempSync(join(tmpdir(), 'shiryo-drawn-')), name);
  writeFileSync(path, await pdf.save({ useObjectStreams: false }));
  return path;
}
