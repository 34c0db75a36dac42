/**
 * PDF: the document drawn with pdf-lib and the IPAex Gothic font (Debian fonts-ipaexfont), tables ruled (every cell
 * edge, spans honoured), borderless, or ruled between rows only. Deterministic: fixed dates, a fixed subset name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DocModel, TableBlock } from '../doc.js';
import type { GCell } from '../grid.js';
import type { Rng } from '../rng.js';

const require = createRequire(import.meta.url);
// pdf-lib and fontkit are CommonJS; loaded lazily so that text-only runs never need them.
type PdfLib = typeof import('pdf-lib');
let lib: { pdf: PdfLib; fontkit: unknown } | null = null;
function pdfLib() {
  if (!lib) lib = { pdf: require('pdf-lib') as PdfLib, fontkit: require('@pdf-lib/fontkit') };
  return lib;
}

export const FONT_PATH = process.env.SHIRYO_CORPUS_FONT ?? '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf';
let fontBytes: Uint8Array | null = null;

export function fontAvailable(): boolean {
  return existsSync(FONT_PATH);
}

function loadFont(): Uint8Array {
  if (!fontBytes) {
    if (!existsSync(FONT_PATH))
      throw new Error(
        `the PDF part of the corpus needs the IPAex Gothic font at ${FONT_PATH} (Debian: apt-get install -y fonts-ipaexfont; or set SHIRYO_CORPUS_FONT)`,
      );
    fontBytes = readFileSync(FONT_PATH);
  }
  return fontBytes;
}

export type PdfStyle = 'ruled' | 'borderless' | 'row_ruled';

const DATE = new Date('2024-04-01T00:00:00Z');
const PORTRAIT: [number, number] = [595.28, 841.89];
const LANDSCAPE: [number, number] = [841.89, 595.28];
const MARGIN = 50;

/** Render a document to PDF bytes; `plain` is every string drawn, one a line. */
export async function renderPdf(
  doc: DocModel,
  style: PdfStyle,
  rng: Rng,
): Promise<{ bytes: Uint8Array; plain: string }> {
  const { pdf: P, fontkit } = pdfLib();
  const pdf = await P.PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit as Parameters<typeof pdf.registerFontkit>[0]);
  const font = await pdf.embedFont(loadFont(), { subset: true, customName: 'IPAexGothic-Subset' });
  pdf.setTitle(doc.title);
  pdf.setProducer('shiryo corpus generator (pdf-lib)');
  pdf.setCreator('shiryo corpus generator');
  pdf.setCreationDate(DATE);
  pdf.setModificationDate(DATE);
  const charset = new Set(font.getCharacterSet());
  const drawn: string[] = [];
  const widthCache = new Map<string, number>();
  const width = (s: string, size: number) => {
    let w = widthCache.get(s);
    if (w === undefined) {
      w = font.widthOfTextAtSize(s, 10);
      widthCache.set(s, w);
    }
    return (w * size) / 10;
  };
  const black = P.rgb(0, 0, 0);

  let page = pdf.addPage(PORTRAIT);
  let pageNo = 1;
  let y = MARGIN;
  const pageW = () => page.getWidth();
  const pageH = () => page.getHeight();
  const footer = () => {
    const s = `- ${pageNo} -`;
    text(s, (pageW() - width(s, 9)) / 2, pageH() - 30, 9);
  };
  const text = (s: string, x: number, top: number, size: number) => {
    if (!s) return;
    for (const ch of s)
      if (!charset.has(ch.codePointAt(0) as number)) throw new Error(`the PDF font has no glyph for «${ch}» in «${s}»`);
    const baseline = pageH() - top - size * 0.88;
    page.drawText(s, { x, y: baseline, size, font, color: black });
    drawn.push(s);
  };
  const newPage = (size: [number, number] = PORTRAIT) => {
    footer();
    page = pdf.addPage(size);
    pageNo++;
    y = MARGIN;
  };
  const ensure = (h: number) => {
    if (y + h > pageH() - MARGIN - 10) newPage();
  };
  // Strings a value is read from (evidence) are never cut by a line break, nor is a run of digits.
  const evidence = [...new Set(doc.expected.filter((e) => e.tags.mark === 'prose').map((e) => e.evidence))].sort(
    (a, b) => b.length - a.length,
  );
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** Wrap a paragraph at the page width. */
  const wrap = (s: string, size: number, maxW: number): string[] => {
    const out: string[] = [];
    let line = '';
    const here = evidence.filter((e) => s.includes(e)).map(esc);
    const unit = /[0-9０-９,，.．%％<>〈〉▲△+\-−]+[人回所件時間日円倍]*|./gu.source;
    const tokens = s.match(new RegExp(here.length ? `${here.join('|')}|${unit}` : unit, 'gu')) ?? [];
    for (const t of tokens) {
      if (width(line + t, size) > maxW && line) {
        out.push(line);
        line = t;
      } else line += t;
    }
    if (line) out.push(line);
    return out;
  };
  const para = (s: string, size: number, indent = 0) => {
    for (const l of wrap(s, size, pageW() - 2 * MARGIN - indent)) {
      ensure(size * 1.6);
      text(l, MARGIN + indent, y, size);
      y += size * 1.6;
    }
  };

  for (const b of doc.blocks) {
    if (b.type === 'heading') {
      const size = b.level === 1 ? 14 : 12;
      ensure(size * 2.4);
      y += size * 0.6;
      para(b.text, size);
      y += size * 0.3;
    } else if (b.type === 'para') {
      para(b.text, 10.5);
    } else {
      drawTable(b);
    }
  }
  footer();

  function drawTable(t: TableBlock) {
    if (t.caption) para(t.caption, 10);
    if (t.unitLine) {
      const w = width(t.unitLine, 9);
      ensure(14);
      text(t.unitLine, pageW() - MARGIN - w, y, 9);
      y += 14;
    }
    const grid = t.grid;
    const nCols = grid.cells[0]?.length ?? 0;
    const nRows = grid.cells.length;
    const pad = 4;
    // font size and page orientation: the table fits the width
    let size = 9;
    let stubMax = 150;
    const lines = (cell: GCell, r: number, c: number, s: number): string[] => {
      const parts = cell.text.split('\n');
      if (
        cell.role === 'stub' ||
        cell.role === 'corner' ||
        cell.role === 'guide' ||
        (r < grid.headerRows && c >= grid.stubCols)
      )
        return parts.flatMap((p) => (width(p, s) > stubMax ? wrap(p, s, stubMax) : [p]));
      return parts;
    };
    const colWidths = (s: number): number[] => {
      const w = Array.from({ length: nCols }, () => 18);
      grid.cells.forEach((row, r) => {
        row.forEach((cell, c) => {
          if (!cell || cell.cs > 1) return;
          const need = Math.max(...lines(cell, r, c, s).map((l) => width(l, s))) + 2 * pad;
          w[c] = Math.max(w[c] as number, need);
        });
      });
      grid.cells.forEach((row, r) => {
        row.forEach((cell, c) => {
          if (!cell || cell.cs === 1) return;
          const need = Math.max(...lines(cell, r, c, s).map((l) => width(l, s))) + 2 * pad;
          const have = w.slice(c, c + cell.cs).reduce((a, b) => a + b, 0);
          if (need > have) for (let j = c; j < c + cell.cs; j++) w[j] = (w[j] as number) + (need - have) / cell.cs;
        });
      });
      return w;
    };
    let widths = colWidths(size);
    let total = widths.reduce((a, b) => a + b, 0);
    const avail = () => pageW() - 2 * MARGIN;
    while (total > avail() && size > 6) {
      size -= 0.5;
      stubMax = Math.max(70, stubMax - 10);
      widths = colWidths(size);
      total = widths.reduce((a, b) => a + b, 0);
    }
    if (total > avail() && pageW() < LANDSCAPE[0]) {
      newPage(LANDSCAPE);
      size = 9;
      stubMax = 150;
      widths = colWidths(size);
      total = widths.reduce((a, b) => a + b, 0);
      while (total > avail() && size > 5) {
        size -= 0.5;
        stubMax = Math.max(60, stubMax - 10);
        widths = colWidths(size);
        total = widths.reduce((a, b) => a + b, 0);
      }
    }
    const lh = size * 1.3;
    const heights = Array.from({ length: nRows }, () => lh + 2 * pad);
    grid.cells.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell) return;
        const need = lines(cell, r, c, size).length * lh + 2 * pad;
        const have = heights.slice(r, r + cell.rs).reduce((a, b) => a + b, 0);
        if (need > have)
          for (let i = r; i < r + cell.rs; i++) heights[i] = (heights[i] as number) + (need - have) / cell.rs;
      });
    });
    const xs: number[] = [MARGIN];
    for (const w of widths) xs.push((xs.at(-1) as number) + w);
    // rows that may end a page: no rowspan crosses the boundary after them
    const canBreakAfter = Array.from({ length: nRows }, (_, r) => r >= grid.headerRows);
    grid.cells.forEach((row, r) => {
      row.forEach((cell) => {
        if (cell && cell.rs > 1) for (let i = r; i < r + cell.rs - 1; i++) canBreakAfter[i] = false;
      });
    });
    const headerH = heights.slice(0, grid.headerRows).reduce((a, b) => a + b, 0);
    ensure(headerH + (heights[grid.headerRows] ?? 0) + 4);
    const drawRows = (from: number, to: number, top: number) => {
      // y of each row's top
      const ys = [top];
      for (let r = from; r < to; r++) ys.push((ys.at(-1) as number) + (heights[r] as number));
      const H = pageH();
      const line = (x0: number, y0: number, x1: number, y1: number) =>
        page.drawLine({ start: { x: x0, y: H - y0 }, end: { x: x1, y: H - y1 }, thickness: 0.5, color: black });
      for (let r = from; r < to; r++) {
        const row = grid.cells[r] ?? [];
        row.forEach((cell, c) => {
          if (!cell) return;
          const rs = Math.min(cell.rs, to - r);
          const x0 = xs[c] as number;
          const x1 = xs[c + cell.cs] as number;
          const y0 = ys[r - from] as number;
          const y1 = ys[r - from + rs] as number;
          const ls = lines(cell, r, c, size);
          const blockH = ls.length * lh;
          let ty = y0 + (y1 - y0 - blockH) / 2 + (lh - size) / 2;
          for (const l of ls) {
            const w = width(l, size);
            const isValue = cell.role === 'value' || cell.role === 'hole';
            const isHead = r < grid.headerRows;
            const tx = isValue ? x1 - pad - w : isHead ? x0 + (x1 - x0 - w) / 2 : x0 + pad;
            text(l, tx, ty, size);
            ty += lh;
          }
          if (style === 'ruled') {
            line(x0, y0, x1, y0);
            line(x0, y1, x1, y1);
            line(x0, y0, x0, y1);
            line(x1, y0, x1, y1);
          }
        });
        if (style === 'row_ruled') {
          const yTop = ys[r - from] as number;
          line(xs[0] as number, yTop, xs.at(-1) as number, yTop);
        }
      }
      if (style === 'row_ruled') line(xs[0] as number, ys.at(-1) as number, xs.at(-1) as number, ys.at(-1) as number);
      return ys.at(-1) as number;
    };
    // header, then body rows page by page (the header repeated on each page)
    let r = grid.headerRows;
    let first = true;
    while (r < nRows || first) {
      const room = pageH() - MARGIN - 10 - y - headerH;
      let end = r;
      let used = 0;
      let lastBreak = -1;
      while (end < nRows && used + (heights[end] as number) <= room) {
        used += heights[end] as number;
        end++;
        if (canBreakAfter[end - 1]) lastBreak = end;
      }
      if (end < nRows) end = lastBreak > r ? lastBreak : Math.max(end, r + 1);
      let top = drawRows(0, grid.headerRows, y);
      top = drawRows(r, end, top);
      y = top + 8;
      r = end;
      first = false;
      if (r < nRows) newPage(page.getWidth() > page.getHeight() ? LANDSCAPE : PORTRAIT);
    }
    for (const n of t.notes) para(n, 9);
    y += 6;
  }

  void rng;
  const bytes = await pdf.save({ useObjectStreams: false });
  return { bytes, plain: drawn.join('\n') };
}
