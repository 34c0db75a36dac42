/**
 * Rows a ruled table draws no line between. Accounts statements and budget books rule their columns and only some
 * rows (a block of 16 accounts between two rules); OCR'd, each such block is one tall cell per column holding a
 * line per account, and the table loses its rows. Where a row band of an image-ruled grid holds two or more lines
 * of text that several columns share (the same line positions in the label column and in the number columns), a
 * ruling is drawn between each two lines (three or more and a column with a bare number on each, or two and two
 * such columns), from the leftmost column with such lines to the grid's right edge — the
 * columns to its left (a part name written vertically, `サービス活動増減の部`) keep spanning the band.
 */
import type { Ruling, TextSpan } from '@shiryo/model';
import { rulingsToGrids } from '../pdf/lattice.js';
import type { LatticeSettings } from '../pdf/settings.js';

/** A number as a statement's amount column holds it, OCR's marks for △ and its dots for commas included. */
const BARE_NUMBER = /^[^\d\s]?\d[\d,.]*$/u;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Text lines of one column of a band: centres of horizontal runs (wider than tall: not a glyph of a part name
 * written vertically; or a bare number, `113` in a box of a whole-page line 15 pt tall), clustered by y.
 */
function lineCentres(spans: TextSpan[], tol: number): number[] {
  const ys = spans
    .filter(
      (s) => s.bbox.x1 - s.bbox.x0 > 1.2 * (s.bbox.y1 - s.bbox.y0) || /^[^\d\s]?\d{2}[\d,.]*$/u.test(s.text.trim()),
    )
    .map((s) => (s.bbox.y0 + s.bbox.y1) / 2)
    .sort((a, b) => a - b);
  const out: number[] = [];
  for (const y of ys) {
    const last = out[out.length - 1];
    if (last !== undefined && y - last < tol) continue;
    out.push(y);
  }
  return out;
}

export function textRowRulings(spans: TextSpan[], rulings: Ruling[], s: LatticeSettings): Ruling[] {
  const lineHeight = median(spans.map((sp) => sp.bbox.y1 - sp.bbox.y0)) || 10;
  const out: Ruling[] = [];
  for (const g of rulingsToGrids(rulings, s)) {
    for (let r = 0; r + 1 < g.ys.length; r++) {
      const top = g.ys[r]!;
      const bottom = g.ys[r + 1]!;
      // (a band of two lines may be under two line heights of whole-page boxes: 23.5 pt for boxes 11–15 pt tall;
      // its lines are told apart by their centres below)
      if (bottom - top < 1.4 * lineHeight) continue;
      // each column's line centres in the band
      const cols: number[][] = [];
      const colSpans: TextSpan[][] = [];
      for (let c = 0; c + 1 < g.xs.length; c++) {
        const x0 = g.xs[c]!;
        const x1 = g.xs[c + 1]!;
        const inside = spans.filter((sp) => {
          const cx = (sp.bbox.x0 + sp.bbox.x1) / 2;
          const cy = (sp.bbox.y0 + sp.bbox.y1) / 2;
          return cx > x0 && cx < x1 && cy > top && cy < bottom;
        });
        colSpans.push(inside);
        cols.push(lineCentres(inside, 0.6 * lineHeight));
      }
      // the column with the most lines sets the rows; a line is a row when another column has a line at its height
      const best = cols.reduce((a, b) => (b.length > a.length ? b : a), [] as number[]);
      const near = (y: number, sp: TextSpan) => Math.abs((sp.bbox.y0 + sp.bbox.y1) / 2 - y) < 0.5 * lineHeight;
      const shared = (y: number) => cols.filter((ys) => ys.some((v) => Math.abs(v - y) < 0.5 * lineHeight)).length;
      const rows = best.filter((y) => shared(y) >= 2);
      // A list of rows, not a cell of a few lines beside another (a comparison table's `・目標：3人` lines):
      // three or more rows and a column holding a bare number on each of them, or two rows (a statement's block of
      // two accounts, `その他の特別収益 | 945 | | 945` over `過年度修正額 | 945 | | 945`) and two such columns.
      if (rows.length < 2) continue;
      const numbered = colSpans.filter((inside) =>
        rows.every((y) => inside.some((sp) => near(y, sp) && BARE_NUMBER.test(sp.text.trim()))),
      ).length;
      if (numbered < (rows.length >= 3 ? 1 : 2)) continue;
      const first = cols.findIndex((ys) => ys.length >= 2);
      const x0 = g.xs[Math.max(0, first)]!;
      const x1 = g.xs[g.xs.length - 1]!;
      for (let i = 0; i + 1 < rows.length; i++) {
        const y = (rows[i]! + rows[i + 1]!) / 2;
        out.push({ x0, y0: y, x1, y1: y });
      }
    }
  }
  return out;
}
