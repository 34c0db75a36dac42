/**
 * Lattice tables: rulings → grids (connected horizontal and vertical rulings) → elementary cells between the grid
 * lines → merged cells where an inner edge is not drawn → text from the spans whose centres fall in each cell.
 * Each step is a pure function (pdfplumber's edges → intersections → cells → tables).
 */
import type { BBox, Ruling, Table, TableCell, TextSpan } from '@shiryo/model';
import { DisjointSets, groupBoxes } from '../disjoint.js';
import { emptyTable } from '../draft.js';
import { cleanText, isCellValue, isNumericData, NUMBERED_LINE } from '../text.js';
import { centerX, centerY, cluster, contains, overlap, roundBox } from './geometry.js';
import { joinLineTexts, joinSpans, spansToLines } from './lines.js';
import { columnGroups, headerFrameAbove, isListGrid, readListRegion, stackListGrids } from './listgrids.js';
import { centredRowSpans } from './rowspans.js';
import { isHorizontal } from './rulings.js';
import type { LatticeSettings, StreamSettings } from './settings.js';
import { isBareUnit } from './units.js';

export interface Grid {
  /** Column boundaries, left to right (n + 1 for n columns). */
  xs: number[];
  /** Row boundaries, top to bottom. */
  ys: number[];
  horizontals: Ruling[];
  verticals: Ruling[];
}

/** A cell of the grid: top-left position, spans, and its box. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  bbox: BBox;
}

const crosses = (h: Ruling, v: Ruling, tol: number) =>
  v.x0 >= h.x0 - tol && v.x0 <= h.x1 + tol && h.y0 >= v.y0 - tol && h.y0 <= v.y1 + tol;

/**
 * Rulings → grids: groups of rulings connected through intersections, with at least two horizontal and two
 * vertical ones. Grid lines include the outer extent of the group, so a table without side borders keeps its
 * first and last columns.
 */
export function rulingsToGrids(rulings: Ruling[], s: LatticeSettings): Grid[] {
  const hs = rulings.filter(isHorizontal);
  const vs = rulings.filter((r) => !isHorizontal(r));
  const all = [...hs, ...vs];
  const sets = new DisjointSets(all.length);
  const find = (i: number) => sets.find(i);
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      if (crosses(h, v, s.snap)) sets.join(i, hs.length + j);
    });
  });
  const groups = new Map<number, Ruling[]>();
  all.forEach((r, i) => {
    const k = find(i);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const horizontals = g.filter(isHorizontal);
    const verticals = g.filter((r) => !isHorizontal(r));
    if (horizontals.length < 2 || verticals.length < 2) continue;
    const xs = cluster(
      [
        ...verticals.map((v) => v.x0),
        Math.min(...horizontals.map((h) => h.x0)),
        Math.max(...horizontals.map((h) => h.x1)),
      ],
      s.minCell,
    );
    const ys = cluster(
      [
        ...horizontals.map((h) => h.y0),
        Math.min(...verticals.map((v) => v.y0)),
        Math.max(...verticals.map((v) => v.y1)),
      ],
      s.minCell,
    );
    if (xs.length >= 2 && ys.length >= 2) grids.push({ xs, ys, horizontals, verticals });
  }
  // A piece of a cell border that meets no other ruling (a spreadsheet's column border drawn cell by cell, each piece
  // stopping short of the row rules: `144.8–150.7` between rules at 142.0 and 153.2) belongs to the grid it lies in:
  // it draws that grid's inner edge (gridToCells), it makes no line of its own.
  const pieces = new Map<Grid, Ruling[]>();
  for (const g of groups.values()) {
    if (g.length !== 1) continue;
    const r = g[0]!;
    // (the smallest grid around it: a panel's frame drawn around several tables holds them all)
    const area = (x: Grid) => (x.xs.at(-1)! - x.xs[0]!) * (x.ys.at(-1)! - x.ys[0]!);
    const home = grids
      .filter(
        (x) =>
          Math.min(r.x0, r.x1) >= x.xs[0]! - s.snap &&
          Math.max(r.x0, r.x1) <= x.xs.at(-1)! + s.snap &&
          Math.min(r.y0, r.y1) >= x.ys[0]! - s.snap &&
          Math.max(r.y0, r.y1) <= x.ys.at(-1)! + s.snap,
      )
      .sort((a, b) => area(a) - area(b))[0];
    if (home) {
      (isHorizontal(r) ? home.horizontals : home.verticals).push(r);
      if (!isHorizontal(r)) {
        const ps = pieces.get(home);
        if (ps) ps.push(r);
        else pieces.set(home, [r]);
      }
    }
  }
  // (a column border drawn only in pieces, none reaching a rule, is a column line where two pieces or more line up)
  for (const [g, ps] of pieces) {
    const lines = ps.map((p) => p.x0).filter((x, _, all) => all.filter((o) => Math.abs(o - x) <= s.snap).length >= 2);
    if (lines.length) g.xs = cluster([...g.xs, ...lines], s.minCell);
  }
  return grids.sort((a, b) => a.ys[0]! - b.ys[0]! || a.xs[0]! - b.xs[0]!);
}

/** Share of [a, b] covered by rulings lying on `at` (within `tol`). */
function covered(lines: { at: number; a: number; b: number }[], at: number, a: number, b: number, tol: number): number {
  let len = 0;
  for (const l of lines) if (Math.abs(l.at - at) <= tol) len += overlap(l.a, l.b, a, b);
  return b > a ? len / (b - a) : 1;
}

/** Grid → cells: elementary cells joined across every inner edge that is not drawn, until each cell is a rectangle. */
export function gridToCells(grid: Grid, s: LatticeSettings): GridCell[] {
  const { xs, ys } = grid;
  const nR = ys.length - 1;
  const nC = xs.length - 1;
  const tol = Math.max(s.snap, s.minCell);
  const hl = grid.horizontals.map((h) => ({ at: h.y0, a: h.x0, b: h.x1 }));
  const vl = grid.verticals.map((v) => ({ at: v.x0, a: v.y0, b: v.y1 }));
  const id = (r: number, c: number) => r * nC + c;
  const sets = new DisjointSets(nR * nC);
  const find = (i: number) => sets.find(i);
  const join = (a: number, b: number) => sets.join(a, b);
  // First within each row: the runs of elementary cells no drawn vertical edge separates.
  const runs: { c0: number; c1: number }[][] = [];
  for (let r = 0; r < nR; r++) {
    const row: { c0: number; c1: number }[] = [{ c0: 0, c1: 0 }];
    // (a spreadsheet's column border may be drawn cell by cell, each piece stopping short of the row rules it meets —
    // `121.3–140.6` between rules at 119.9 and 142.0: the ends of the edge, up to `join` and a quarter of its
    // length each, are where those gaps fall, and the share is measured without them)
    const m = Math.min(s.join, (ys[r + 1]! - ys[r]!) / 4);
    for (let c = 0; c + 1 < nC; c++) {
      if (covered(vl, xs[c + 1]!, ys[r]! + m, ys[r + 1]! - m, tol) < s.edgeCover) {
        join(id(r, c), id(r, c + 1));
        row[row.length - 1]!.c1 = c + 1;
      } else row.push({ c0: c + 1, c1: c + 1 });
    }
    runs.push(row);
  }
  // Then across rows: a run joins the run under it when both span the same columns and the edge between them is not
  // drawn along the run. (Measured along the whole run, not column by column: a spreadsheet's narrow margin column,
  // outside a table's own border, would otherwise pull every cell beside it into one.)
  for (let r = 0; r + 1 < nR; r++) {
    for (const run of runs[r]!) {
      const below = runs[r + 1]!.find((b) => b.c0 === run.c0 && b.c1 === run.c1);
      if (!below) continue;
      if (covered(hl, ys[r + 1]!, xs[run.c0]!, xs[run.c1 + 1]!, tol) < s.edgeCover)
        join(id(r, run.c0), id(r + 1, run.c0));
    }
  }
  // Make every group a rectangle: a group's bounding box swallows whatever lies inside it.
  for (let changed = true; changed; ) {
    changed = false;
    const boxes = groupBoxes(sets, nR, nC);
    for (const [k, b] of boxes) {
      for (let r = b.r0; r <= b.r1; r++) {
        for (let c = b.c0; c <= b.c1; c++) {
          if (find(id(r, c)) !== find(k)) {
            join(id(r, c), k);
            changed = true;
          }
        }
      }
    }
  }
  const cells: GridCell[] = [];
  const seen = new Set<number>();
  for (let r = 0; r < nR; r++) {
    for (let c = 0; c < nC; c++) {
      const k = find(id(r, c));
      if (seen.has(k)) continue;
      seen.add(k);
      let r1 = r;
      let c1 = c;
      while (r1 + 1 < nR && find(id(r1 + 1, c)) === k) r1++;
      while (c1 + 1 < nC && find(id(r, c1 + 1)) === k) c1++;
      cells.push({
        row: r,
        col: c,
        rowSpan: r1 - r + 1,
        colSpan: c1 - c + 1,
        bbox: roundBox({ x0: xs[c]!, y0: ys[r]!, x1: xs[c1 + 1]!, y1: ys[r1 + 1]! }),
      });
    }
  }
  return cells;
}

/** The text of the spans in one cell: lines top-down joined (no space inside Japanese), raw lines kept in `orig`. */
export function spansToCellText(spans: TextSpan[]): { text: string; orig: string } {
  const lines = spansToLines(spans);
  // Glyphs set apart inside the cell (distributed alignment) read as one word per line.
  const texts = lines.map((l) => (l.dir === 'h' ? joinSpans(l.spans, true).text : l.text));
  return { text: cleanText(joinLineTexts(texts)), orig: lines.map((l) => l.orig).join('\n') };
}

/** Width of a character in ems, roughly: full-width (CJK, kana, full-width forms) 1, everything else ½. */
const emsOf = (ch: string) =>
  /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6\u3000-\u303f]/u.test(ch) ? 1 : 0.5;

/** The cells that may reach height `y`, as a window `[lo, hi)` of the cell list (see `cellWindow`). */
export type CellWindow = (y: number) => readonly [number, number];

/**
 * The cells that can hold a point at height `y` (`y0 <= y <= y1`) all lie in one window of `cells` when the cells
 * come row by row, their `y0` never decreasing (as `gridToCells` makes them): before it every cell ends above `y`
 * (the largest `y1` so far is below it), from its end on every cell starts below `y`. Both ends by binary search,
 * so finding a span's cell costs a row's cells, not the table's. Any other order: the whole list.
 */
export function cellWindow(cells: readonly GridCell[]): CellWindow {
  const n = cells.length;
  for (let i = 1; i < n; i++) if (!(cells[i]!.bbox.y0 >= cells[i - 1]!.bbox.y0)) return () => [0, n];
  const maxY1 = new Float64Array(n);
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    m = Math.max(m, cells[i]!.bbox.y1);
    maxY1[i] = m;
  }
  return (y) => {
    let a = 0;
    let b = n;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (maxY1[mid]! >= y) b = mid;
      else a = mid + 1;
    }
    const lo = a;
    b = n;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (cells[mid]!.bbox.y0 > y) b = mid;
      else a = mid + 1;
    }
    return [lo, a];
  };
}

/**
 * A text item that runs over a drawn cell edge, cut at it. Writers set a table row's cells as one run when they
 * touch (`3,520,000 3,401,200 96.6%`, `実績値対計画比` across two cells), and pdf.js returns it as one item. The
 * edges are those of the cells in the span's row band (a merged cell's inner grid lines are not drawn and do not
 * cut); the cut falls at the character boundary nearest the edge, characters measured as full or half width.
 */
export function splitAtCellEdges(span: TextSpan, cells: GridCell[], around?: CellWindow): TextSpan[] {
  if (span.dir !== 'h') return [span];
  const cy = centerY(span.bbox);
  const [lo, hi] = around ? around(cy) : [0, cells.length];
  const edges: number[] = [];
  for (let i = lo; i < hi; i++) {
    const c = cells[i]!;
    if (c.bbox.y0 <= cy && cy <= c.bbox.y1 && c.bbox.x1 > span.bbox.x0 + 1 && c.bbox.x1 < span.bbox.x1 - 1)
      edges.push(c.bbox.x1);
  }
  edges.sort((a, b) => a - b);
  if (edges.length === 0) return [span];
  const chars = [...span.text];
  const ems = chars.map(emsOf);
  const total = ems.reduce((a, b) => a + b, 0);
  const width = span.bbox.x1 - span.bbox.x0;
  const at: number[] = [0];
  for (const e of ems) at.push(at[at.length - 1]! + (e / total) * width);
  const cuts = [
    ...new Set(
      edges.map((x) => {
        let best = 0;
        for (let i = 1; i < at.length; i++)
          if (Math.abs(at[i]! + span.bbox.x0 - x) < Math.abs(at[best]! + span.bbox.x0 - x)) best = i;
        return best;
      }),
    ),
  ].filter((i) => i > 0 && i < chars.length);
  if (cuts.length === 0) return [span];
  const origChars = [...span.orig];
  const sameLength = origChars.length === chars.length;
  const bounds = [0, ...cuts.sort((a, b) => a - b), chars.length];
  const out: TextSpan[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const a = bounds[k]!;
    const b = bounds[k + 1]!;
    const text = chars.slice(a, b).join('');
    if (!text.trim()) continue;
    out.push({
      ...span,
      text: text.trim(),
      orig: sameLength ? origChars.slice(a, b).join('').trim() : text.trim(),
      bbox: { ...span.bbox, x0: span.bbox.x0 + at[a]!, x1: span.bbox.x0 + at[b]! },
    });
  }
  return out;
}

export interface FoundTable {
  table: Table;
  /** The spans the table took; they are not read again as prose. */
  spans: Set<TextSpan>;
}

/**
 * A spreadsheet's narrow margin column or spacer row (a few points wide, no text in it) between the sheet's outer
 * frame and a table's own border makes a grid column or row whose edges are drawn only in part; every cell of the
 * table beside it would merge across it. Such a strip (narrower than the text size, no span's centre in it) is
 * dropped: its inner edge goes (the outer frame stays).
 */
function withoutEmptyStrips(grid: Grid, spans: TextSpan[]): Grid {
  const sizes = spans.map((sp) => sp.size ?? sp.bbox.y1 - sp.bbox.y0).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const prune = (edges: number[], centre: (sp: TextSpan) => number): number[] => {
    if (edges.length < 4 || size <= 0) return edges;
    const out = [...edges];
    const empty = (a: number, b: number) => !spans.some((sp) => centre(sp) > a && centre(sp) < b);
    // First and last strips only: a margin between the frame and the table.
    if (out[1]! - out[0]! < size && empty(out[0]!, out[1]!)) out.splice(1, 1);
    const n = out.length;
    if (n >= 4 && out[n - 1]! - out[n - 2]! < size && empty(out[n - 2]!, out[n - 1]!)) out.splice(n - 2, 1);
    return out;
  };
  const xs = prune(grid.xs, (sp) => centerX(sp.bbox));
  const ys = prune(grid.ys, (sp) => centerY(sp.bbox));
  return xs === grid.xs && ys === grid.ys ? grid : { ...grid, xs, ys };
}

/** Grid + page spans → a lattice table (null when the grid is a lone box or holds no text). */
export function gridToTable(grid0: Grid, spans: TextSpan[], s: LatticeSettings): FoundTable | null {
  const box: BBox = { x0: grid0.xs[0]!, y0: grid0.ys[0]!, x1: grid0.xs.at(-1)!, y1: grid0.ys.at(-1)! };
  const whole = spans.filter((sp) => contains(box, centerX(sp.bbox), centerY(sp.bbox)));
  if (whole.length === 0) return null;
  const grid = withoutEmptyStrips(grid0, whole);
  const cells = gridToCells(grid, s);
  if (cells.length < 2) return null;
  const source = new Map<TextSpan, TextSpan>();
  const around = cellWindow(cells);
  const inside = whole.flatMap((sp) => {
    const pieces = splitAtCellEdges(sp, cells, around);
    for (const p of pieces) source.set(p, sp);
    return pieces;
  });
  // Each span (in page order) goes to the first cell holding its centre; a cell's spans keep the page order.
  const mineOf: TextSpan[][] = cells.map(() => []);
  for (const sp of inside) {
    const cx = centerX(sp.bbox);
    const cy = centerY(sp.bbox);
    const [lo, hi] = around(cy);
    for (let i = lo; i < hi; i++)
      if (contains(cells[i]!.bbox, cx, cy)) {
        mineOf[i]!.push(sp);
        break;
      }
  }
  const taken = new Set<TextSpan>();
  for (const mine of mineOf) for (const sp of mine) taken.add(source.get(sp) ?? sp);
  const units = unitLines(cells, mineOf);
  const texts = cells.map((_, i) => spansToCellText(units.get(i)?.rest ?? mineOf[i]!));
  // One unit throughout: the table's unit. Else each unit goes onto the header cell right above its cell
  // (`総世帯数` over `戸` / `84,855` → `総世帯数 (戸)`), or stays in its cell when there is none.
  const unitSet = new Set([...units.values()].map((u) => u.unit));
  let unitHint: string | undefined;
  if (units.size > 0 && unitSet.size === 1) unitHint = [...unitSet][0];
  else {
    for (const [i, u] of units) {
      const gc = cells[i]!;
      const j = cells.findIndex((h) => h.row + h.rowSpan === gc.row && h.col === gc.col && h.colSpan === gc.colSpan);
      const head = texts[j];
      if (j >= 0 && head && head.text && !isNumericData(head.text) && !units.has(j)) {
        texts[j] = { text: `${head.text} (${u.unit})`, orig: head.orig };
      } else texts[i] = spansToCellText(mineOf[i]!);
    }
  }
  const merged = spanCentredLabels(cells, texts, mineOf, grid.ys);
  const out: TableCell[] = cells.flatMap((gc, i) =>
    merged.has(i)
      ? []
      : [
          {
            row: gc.row,
            col: gc.col,
            rowSpan: gc.rowSpan,
            colSpan: gc.colSpan,
            text: texts[i]!.text,
            orig: texts[i]!.orig,
            bbox: gc.bbox,
            role: 'body' as const,
          },
        ],
  );
  const table = emptyTable('lattice', undefined, out, grid.ys.length - 1, grid.xs.length - 1);
  table.bbox = roundBox(box);
  if (unitHint) table.unitHint = unitHint;
  return { table, spans: taken };
}

/**
 * Labels centred over the rows they span, in a grid whose rules run through them (a table ruled between every row):
 * in the label columns (left of the first column with a number in the body), a column whose labels sit halfway down
 * runs of otherwise empty cells that tile it (pdf/rowspans.ts) gets each label's cell stretched over its run. The
 * cells it covers are returned (by index), to be left out; `cells` are changed in place.
 */
function spanCentredLabels(
  cells: GridCell[],
  texts: { text: string }[],
  mineOf: TextSpan[][],
  ys: number[],
): Set<number> {
  const gone = new Set<number>();
  const numeric = cells.map((gc, i) => gc.col > 0 && isNumericData(texts[i]!.text));
  const bodyStart = Math.min(...cells.filter((_, i) => numeric[i]).map((gc) => gc.row));
  const firstValue = Math.min(...cells.filter((_, i) => numeric[i]).map((gc) => gc.col));
  if (!Number.isFinite(bodyStart)) return gone;
  const nRows = ys.length - 1;
  const rows = Array.from({ length: nRows - bodyStart }, (_, k) => ({
    y0: ys[bodyStart + k]!,
    y1: ys[bodyStart + k + 1]!,
  }));
  for (let col = 0; col < firstValue; col++) {
    const column = cells.map((gc, i) => ({ gc, i })).filter(({ gc }) => gc.col === col && gc.row >= bodyStart);
    // Only a column of single cells, each row its own.
    if (column.length !== rows.length || column.some(({ gc }) => gc.colSpan !== 1 || gc.rowSpan !== 1)) continue;
    const labels = column
      .filter(({ i }) => texts[i]!.text !== '' && mineOf[i]!.length > 0)
      .map(({ gc, i }) => ({
        row: gc.row - bodyStart,
        cy: (Math.min(...mineOf[i]!.map((sp) => sp.bbox.y0)) + Math.max(...mineOf[i]!.map((sp) => sp.bbox.y1))) / 2,
        i,
      }));
    const runs = centredRowSpans(rows, labels);
    if (!runs) continue;
    labels.forEach((l, k) => {
      const [a, b] = runs[k]!;
      const gc = cells[l.i]!;
      for (const { gc: other, i } of column)
        if (i !== l.i && other.row >= a + bodyStart && other.row <= b + bodyStart) gone.add(i);
      gc.row = a + bodyStart;
      gc.rowSpan = b - a + 1;
      gc.bbox = roundBox({ ...gc.bbox, y0: ys[a + bodyStart]!, y1: ys[b + bodyStart + 1]! });
    });
  }
  return gone;
}

/**
 * Unit rows without a ruling of their own: budget books (DocuWorks) set a small `千円` at the top of the first body
 * row's cells, over each amount (`千円` / `1,030`); spreadsheets print a small `戸`, `人`, `%` over each column's first
 * value. The cells that start with a bare unit word in a smaller size than the text under it, in a row where two or
 * more do, or over a number: by cell index, the unit and the cell's spans without it.
 */
function unitLines(cells: GridCell[], mineOf: TextSpan[][]): Map<number, { unit: string; rest: TextSpan[] }> {
  const found = new Map<number, { row: number; unit: string; rest: TextSpan[] }>();
  cells.forEach((gc, i) => {
    const lines = spansToLines(mineOf[i]!);
    const [first, ...others] = lines;
    if (!first || others.length === 0 || first.dir !== 'h' || !isBareUnit(first.text)) return;
    if (first.size >= 0.85 * Math.max(...others.map((l) => l.size))) return;
    found.set(i, { row: gc.row, unit: first.text.replace(/\s+/g, ''), rest: others.flatMap((l) => l.spans) });
  });
  const perRow = new Map<number, number>();
  for (const f of found.values()) perRow.set(f.row, (perRow.get(f.row) ?? 0) + 1);
  // Alone in its row, the unit word must stand over a number (a one-column list of amounts).
  const overNumber = (f: { rest: TextSpan[] }) => isNumericData(spansToCellText(f.rest).text);
  return new Map(
    [...found.entries()]
      .filter(([, f]) => (perRow.get(f.row) ?? 0) >= 2 || overNumber(f))
      .map(([i, f]) => [i, { unit: f.unit, rest: f.rest }]),
  );
}

/**
 * A spreadsheet printed whole (a 総括表 sheet: one ruled frame around several small tables) is one grid. Its tables
 * start at title rows: a row of one or two cells across the whole width, text without a number, with no cell of the
 * rows above reaching into it, followed by a row of two or more text cells (the new table's column headings). A
 * grid splits before each title row; the title row heads its table.
 */
export function splitAtTitleRows(found: FoundTable): FoundTable[] {
  const t = found.table;
  const starts: number[] = [];
  for (let r = 1; r + 1 < t.nRows; r++) {
    const row = t.cells.filter((c) => c.row === r);
    if (t.cells.some((c) => c.row < r && c.row + c.rowSpan > r)) continue;
    const filled = row.filter((c) => c.text);
    if (filled.length === 0 || filled.length > 2 || row.some((c) => c.rowSpan !== 1)) continue;
    if (row.reduce((n, c) => n + c.colSpan, 0) !== t.nCols) continue;
    if (!filled.every((c) => c.colSpan * 3 >= t.nCols && !isNumericData(c.text) && !/^[\d,.\s]+$/.test(c.text)))
      continue;
    const next = t.cells.filter((c) => c.row === r + 1 && c.text);
    if (next.length < 2 || next.some((c) => isNumericData(c.text))) continue;
    starts.push(r);
  }
  if (starts.length === 0) return [found];
  // Each table of the sheet holds numbers: a piece with fewer than two numeric cells (a form's section, `項目 |
  // 摘要` over text) is no table of its own and the grid is not split there.
  const numeric = (r0: number, r1: number) =>
    t.cells.filter((c) => c.row >= r0 && c.row < r1 && isNumericData(c.text)).length;
  const kept: number[] = [];
  for (const [k, r] of starts.entries()) {
    const prev = kept[kept.length - 1] ?? 0;
    const next = starts[k + 1] ?? t.nRows;
    if (numeric(prev, r) >= 2 && numeric(r, next) >= 2) kept.push(r);
  }
  if (kept.length === 0) return [found];
  const bounds = [0, ...kept, t.nRows];
  const out: FoundTable[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const r0 = bounds[k]!;
    const r1 = bounds[k + 1]!;
    const cells = t.cells.filter((c) => c.row >= r0 && c.row < r1).map((c) => ({ ...c, row: c.row - r0 }));
    const boxes = cells.flatMap((c) => (c.bbox ? [c.bbox] : []));
    if (boxes.length === 0) continue;
    const bbox = roundBox({
      x0: Math.min(...boxes.map((b) => b.x0)),
      y0: Math.min(...boxes.map((b) => b.y0)),
      x1: Math.max(...boxes.map((b) => b.x1)),
      y1: Math.max(...boxes.map((b) => b.y1)),
    });
    const table = emptyTable('lattice', undefined, cells, r1 - r0, t.nCols);
    table.bbox = bbox;
    if (t.unitHint) table.unitHint = t.unitHint;
    const spans = new Set([...found.spans].filter((sp) => contains(bbox, centerX(sp.bbox), centerY(sp.bbox))));
    out.push({ table, spans });
  }
  return out;
}

/**
 * Every lattice table on a page. With the stream settings, ruled frames around lists (pdf/listgrids.ts) are read
 * as text-aligned tables, one per group of columns.
 */
export function latticeTables(
  spans: TextSpan[],
  rulings: Ruling[],
  s: LatticeSettings,
  stream?: StreamSettings,
): FoundTable[] {
  const out: FoundTable[] = [];
  let rest = spans;
  const grids = rulingsToGrids(rulings, s);
  // A frame drawn around other ruled tables (a report's panel) is no table: the tables inside it are.
  const inside = (a: Grid, b: Grid) =>
    a !== b &&
    a.xs[0]! >= b.xs[0]! - s.snap &&
    a.xs.at(-1)! <= b.xs.at(-1)! + s.snap &&
    a.ys[0]! >= b.ys[0]! - s.snap &&
    a.ys.at(-1)! <= b.ys.at(-1)! + s.snap;
  let outer = grids.filter((g) => !grids.some((o) => inside(o, g)));
  if (stream) {
    // (a grid a first reading judged a ruled table stays one: see LatticeSettings.ruledGrids)
    const judged = (g: Grid) =>
      s.ruledGrids?.some(
        (b) =>
          b.x0 >= g.xs[0]! - s.snap &&
          b.x1 <= g.xs.at(-1)! + s.snap &&
          b.y0 >= g.ys[0]! - s.snap &&
          b.y1 <= g.ys.at(-1)! + s.snap,
      ) ?? false;
    const lists = new Set(outer.filter((g) => !judged(g) && isListGrid(g, rest)));
    for (const stack of lists.size ? stackListGrids(outer, (g) => lists.has(g), rest, s) : []) {
      // the column groups of the frames of the stack (a list apart in one frame is a list apart in all)
      const starts = [
        ...new Set(
          stack.flatMap((g) => {
            const f = gridToTable(g, rest, s);
            return f ? columnGroups(f, g).map(([a]) => a) : [0];
          }),
        ),
      ].sort((a, b) => a - b);
      const n = stack[0]!.xs.length - 1;
      const groups = starts.map((a, k): [number, number] => [a, (starts[k + 1] ?? n) - 1]);
      const found = readListRegion(stack, groups, rest, stream, headerFrameAbove(stack, grids, spans, s));
      if (found.length === 0) continue;
      out.push(...found);
      const taken = new Set(found.flatMap((f) => [...f.spans]));
      rest = rest.filter((sp) => !taken.has(sp));
      outer = outer.filter((g) => !stack.includes(g));
    }
  }
  for (const grid of outer) {
    const found = gridToTable(grid, rest, s);
    if (!found) continue;
    out.push(...splitAtTitleRows(found));
    rest = rest.filter((sp) => !found.spans.has(sp));
  }
  return out;
}

/** Runs of the spans of one band, line by line, split where the gap is at least `gap` (the band's cell texts). */
function bandSegments(spans: TextSpan[], gap: number): { x0: number; x1: number; y: number; text: string }[] {
  const out: { x0: number; x1: number; y: number; text: string }[] = [];
  for (const line of spansToLines(spans)) {
    let cur: { x0: number; x1: number; y: number; text: string } | null = null;
    for (const sp of line.spans) {
      if (cur && sp.bbox.x0 - cur.x1 < gap) {
        cur.x1 = Math.max(cur.x1, sp.bbox.x1);
        cur.text += sp.text;
      } else {
        cur = { x0: sp.bbox.x0, x1: sp.bbox.x1, y: centerY(line.bbox), text: sp.text };
        out.push(cur);
      }
    }
  }
  return out;
}

/**
 * Tables ruled between their rows only (no vertical lines: a common Word and LibreOffice style) give no grid. Where
 * three or more horizontal rulings share their extent and no vertical ruling crosses them, the columns are read off
 * the text, and the lattice finder then reads the table as if it were fully ruled. Returned apart from the page's
 * own rulings (they are not in the PDF).
 *
 * - The rules cut the table into bands (its rows). The gutters are the x-intervals no text of the bands holding a
 *   number covers (gaps of at least half a glyph): header text centred over several columns (`給付費` over six
 *   columns) must not close the gutters under it.
 * - A vertical line is drawn through each gutter band by band, where no text of the band crosses it (at the point
 *   of the gutter that the fewest heads of the lowest header band cross, then the fewest header texts: a two-line
 *   group head wider than its middle column leaves the years under it, set close together, apart), so a
 *   header cell over several columns stays one cell, as a fully ruled table draws it. Where a gutter of the body
 *   holds two gaps or more between the heads of the lowest header band (or such gaps lie right of the body's last
 *   text), the bands hold columns no body row fills (a table continued on the next page whose first rows give
 *   results only, an empty last column): each gap is a column line. Above the last header band, a header text centred over a run of cells its band
 *   leaves empty spans them (the edges between them are not drawn), unless the texts under the run repeat (a
 *   service's name over the first of its years, halfway between its neighbours, is no head of the years of both).
 * - A band without a number, whose text starts in the first column and runs across two gutters or more (a note, a
 *   paragraph, the next table's title between two tables that share their width), followed by another band without
 *   a number, is no row: the rules on either side belong to two tables; so is such a band under rows with
 *   numbers, taller than one and a half body rows (the title over the next table, set apart from both; a numbered
 *   heading alone in its band, `3 訪問看護`, is no row of numbers for its section number). Nor is a
 *   band that holds rules of another
 *   width (a narrower table between two tables of one width): the tables above and below it are read apart, each
 *   with its own columns.
 * - Rules that do not part the body rows (a three-line table: a rule over the header, one under it and one under
 *   the last row, the rows between them unruled) draw no table: a band holding two lines of numbers or more is
 *   several rows, and the stream finder reads such a table from its text alignment.
 * - A number is any value a cell writes (`isCellValue`): a count per period with its period first (`年4回`, `月2回`)
 *   too. A table of such counts alone had no band with a number: no columns, no table.
 */
export function verticalsFromText(spans: TextSpan[], rulings: Ruling[], s: LatticeSettings): Ruling[] {
  const hs = rulings.filter(isHorizontal).sort((a, b) => a.y0 - b.y0);
  const vs = rulings.filter((r) => !isHorizontal(r));
  const groups: Ruling[][] = [];
  for (const h of hs) {
    const g = groups.find((x) => Math.abs(x[0]!.x0 - h.x0) <= s.join && Math.abs(x[0]!.x1 - h.x1) <= s.join);
    if (g) g.push(h);
    else groups.push([h]);
  }
  const out: Ruling[] = [];
  for (const g of groups) {
    if (g.length < 3) continue;
    const { x0, x1 } = g[0]!;
    const y0 = g[0]!.y0;
    const y1 = g[g.length - 1]!.y0;
    if (vs.some((v) => v.x0 >= x0 - s.snap && v.x0 <= x1 + s.snap && overlap(v.y0, v.y1, y0, y1) > s.snap)) continue;
    const box: BBox = { x0, y0, x1, y1 };
    const inside = spans.filter((sp) => sp.dir === 'h' && contains(box, centerX(sp.bbox), centerY(sp.bbox)));
    if (inside.length < 4) continue;
    const sizes = inside.map((sp) => sp.size ?? sp.bbox.y1 - sp.bbox.y0).sort((a, b) => a - b);
    const size = sizes[Math.floor(sizes.length / 2)]!;
    const gap = 0.5 * size;
    // The bands between consecutive rules; a span belongs to the band its centre is in (the upper one on a rule).
    const ys = cluster(
      g.map((h) => h.y0),
      s.minCell,
    );
    const bands = ys.slice(0, -1).map((top, i) => {
      const bottom = ys[i + 1]!;
      const mine = inside.filter((sp) => {
        const cy = centerY(sp.bbox);
        return cy >= top && (cy < bottom || (i === ys.length - 2 && cy <= bottom));
      });
      const segs = bandSegments(mine, gap);
      // (a band holding one numbered heading alone, `3 訪問看護`, the next table's title: no number of a row)
      const heading =
        segs.length === 1 &&
        NUMBERED_LINE.test(segs[0]!.text.trim()) &&
        !isBareUnit(segs[0]!.text.trim().replace(/^\S+\s+/u, ''));
      return { top, bottom, segs, mine, numeric: !heading && segs.some((x) => isCellValue(x.text)) };
    });
    type Band = (typeof bands)[number];
    // (rules of another group lying inside a band, across the group's extent)
    const foreign = hs.filter((h) => !g.includes(h) && overlap(h.x0, h.x1, x0, x1) > s.join);
    const holdsRules = (b: Band) => foreign.some((h) => h.y0 > b.top + s.minCell && h.y0 < b.bottom - s.minCell);
    const numberLines = (b: Band) => new Set(b.segs.filter((t) => isCellValue(t.text)).map((t) => Math.round(t.y)));
    const crossing = (x: number, b: Band) => b.segs.filter((t) => t.x0 < x - 0.5 && t.x1 > x + 0.5);
    /** The column lines of some bands: one in each gutter of their body, where the fewest texts cross it. */
    const linesOf = (some: Band[]): number[] => {
      const body = some.filter((b) => b.numeric);
      const covered: [number, number][] = [];
      for (const x of (body.length ? body : some).flatMap((b) => b.segs).sort((a, b) => a.x0 - b.x0)) {
        const last = covered[covered.length - 1];
        if (last && x.x0 - last[1] < gap) last[1] = Math.max(last[1], x.x1);
        else covered.push([x.x0, x.x1]);
      }
      const gutters = covered.slice(1).map((c, i) => [covered[i]![1], c[0]] as [number, number]);
      // The middle of the widest stretch of the gutter that the fewest texts of the bands cross, the heads right above
      // the body first (one a column: a head of an upper band may span columns, a head of the lowest one does not).
      const first = some.findIndex((b) => b.numeric);
      const lowest = first > 0 ? some[first - 1]! : null;
      // The gaps between the heads of the lowest header band (texts of several lines merged): where a body gutter
      // holds two or more, it spans columns no body row of these bands fills (a table continued on the next page
      // whose first rows give values in some columns only), and each gap is a column line.
      const headGaps: [number, number][] = [];
      let reach = Number.NEGATIVE_INFINITY;
      for (const t of [...(lowest?.mine ?? [])].map((sp) => sp.bbox).sort((p, q) => p.x0 - q.x0)) {
        // (the first head's left: a gap from the body's label column, whose head stands in a band above)
        if (t.x0 > reach + 0.5) headGaps.push([reach, t.x0]);
        reach = Math.max(reach, t.x1);
      }
      // The middle of the widest stretch of [a, b] that the fewest texts of the bands cross.
      const lineIn = (a: number, b: number): number => {
        const cuts = [
          ...new Set([
            a,
            b,
            ...some.flatMap((bd) => bd.segs.flatMap((t) => [t.x0, t.x1])).filter((v) => v > a && v < b),
          ]),
        ].sort((p, q) => p - q);
        let best = { x: (a + b) / 2, n: Number.POSITIVE_INFINITY, w: 0 };
        for (let i = 0; i + 1 < cuts.length; i++) {
          const x = (cuts[i]! + cuts[i + 1]!) / 2;
          const n =
            some.reduce((k, bd) => k + crossing(x, bd).length, 0) + (lowest ? 1000 * crossing(x, lowest).length : 0);
          const w = cuts[i + 1]! - cuts[i]!;
          if (n < best.n || (n === best.n && w > best.w)) best = { x, n, w };
        }
        return best.x;
      };
      // (one whose next head starts past the gutter is none: values set right, under the end of the head before it,
      // are the next column's, and the body draws that line; nor one mostly under the text left of the gutter)
      const gapsIn = (a: number, b: number): [number, number][] =>
        headGaps
          .filter(([p, q]) => q <= b + 0.5 && (p === Number.NEGATIVE_INFINITY || 2 * (q - Math.max(p, a)) >= q - p))
          .map(([p, q]): [number, number] => [Math.max(p, a), q])
          .filter(([p, q]) => q - p > 0.5);
      // (right of the body's last text, heads over columns no body row of these bands fills: each gap a line)
      const end = covered[covered.length - 1]?.[1] ?? Number.POSITIVE_INFINITY;
      const tail = gapsIn(end, Number.POSITIVE_INFINITY).map(([p, q]) => lineIn(p, q));
      return gutters
        .flatMap(([a, b]) => {
          const within = gapsIn(a, b);
          return within.length >= 2 ? within.map(([p, q]) => lineIn(p, q)) : [lineIn(a, b)];
        })
        .concat(tail);
    };
    const all = linesOf(bands);
    if (all.length === 0) continue;
    // (the height of a body row: the median of the bands holding numbers)
    const heights = bands
      .filter((b) => b.numeric)
      .map((b) => b.bottom - b.top)
      .sort((a, b) => a - b);
    const rowHeight = heights[Math.floor(heights.length / 2)] ?? Number.POSITIVE_INFINITY;
    // Runs of bands that are one table each (the rules of several tables of one width are one group).
    const isBreak = (i: number) => {
      const b = bands[i]!;
      if (holdsRules(b)) return true;
      if (b.numeric || (bands[i + 1] && bands[i + 1]!.numeric)) return false;
      // (a title over the next table, under rows with numbers, in a band taller than one and a half rows)
      if (bands.slice(0, i).some((x) => x.numeric) && b.bottom - b.top > 1.5 * rowHeight) return true;
      return b.segs.some((t) => t.x0 < all[0]! && all.filter((x) => t.x0 < x && t.x1 > x).length >= 2);
    };
    const runs: Band[][] = [];
    let run: Band[] = [];
    bands.forEach((b, i) => {
      if (isBreak(i)) {
        if (run.length) runs.push(run);
        run = [];
      } else run.push(b);
    });
    if (run.length) runs.push(run);
    for (const r of runs) {
      const firstBody = r.findIndex((b) => b.numeric);
      const xs = linesOf(r);
      if (firstBody < 0 || xs.length === 0 || r.some((b) => numberLines(b).size >= 2)) continue;
      const edges = [x0, ...xs, x1];
      out.push({ x0, y0: r[0]!.top, x1: x0, y1: r[r.length - 1]!.bottom });
      out.push({ x0: x1, y0: r[0]!.top, x1, y1: r[r.length - 1]!.bottom });
      r.forEach((b, bi) => {
        const drawn = xs.map((x) => crossing(x, b).length === 0);
        // Header text centred over empty cells of its band spans them (rows above the last header row).
        if (bi < firstBody - 1) {
          const colsOf = (t: { x0: number; x1: number }) => {
            const cs: number[] = [];
            for (let c = 0; c + 1 < edges.length; c++)
              if (overlap(t.x0, t.x1, edges[c]!, edges[c + 1]!) > 0) cs.push(c);
            return cs;
          };
          const taken = b.segs.map(colsOf);
          // The parts under a run (the first lower header band with two texts or more in its columns) are distinct
          // in a group (`見込 | 実績 | 差` under one year): a run over parts that repeat (the years of two services)
          // spans two groups, and a head centred on it is the head of one of them.
          const repeatsBelow = (a: number, e: number) => {
            for (const lower of r.slice(bi + 1, firstBody)) {
              const parts = lower.segs.filter((t) => colsOf(t).some((c) => c >= a && c <= e));
              if (parts.length < 2) continue;
              const keys = parts.map((t) => t.text.replace(/\s+/g, ''));
              return new Set(keys).size < keys.length;
            }
            return false;
          };
          // Each text's run: the one whose middle is nearest its own (the wider of two about as near).
          const runsOf = b.segs.map((t, k): [number, number] | null => {
            const own = taken[k]!;
            if (own.length === 0 || own[0] === 0) return null;
            const free = (c: number) => taken.every((o, j) => j === k || !o.includes(c));
            const mid = (t.x0 + t.x1) / 2;
            let best: { run: [number, number]; d: number } | null = null;
            for (let a = own[0]!; a >= 1 && (a === own[0] || free(a)); a--) {
              for (let e = own[own.length - 1]!; e < edges.length - 1 && (e === own[own.length - 1] || free(e)); e++) {
                const d = Math.abs((edges[a]! + edges[e + 1]!) / 2 - mid);
                if (d > Math.max(0.6 * size, 0.06 * (edges[e + 1]! - edges[a]!))) continue;
                if (!best || d < best.d - 0.5 || (d <= best.d + 0.5 && e - a > best.run[1] - best.run[0]))
                  best = { run: [a, e], d };
              }
            }
            // (the widest run it is centred on spans two groups: it heads the first column of its own, no run)
            return best && !repeatsBelow(best.run[0], best.run[1]) ? best.run : null;
          });
          runsOf.forEach((run, k) => {
            if (!run) return;
            // Two texts claiming one empty cell: neither spans it.
            const clash = runsOf.some((o, j) => j !== k && o && o[0] <= run[1] && run[0] <= o[1]);
            if (!clash) for (let c = run[0]; c < run[1]; c++) drawn[c] = false;
          });
        }
        xs.forEach((x, k) => {
          if (drawn[k]) out.push({ x0: x, y0: b.top, x1: x, y1: b.bottom });
        });
      });
    }
  }
  return out;
}
