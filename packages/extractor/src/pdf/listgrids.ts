/**
 * Ruled frames around lists, not grids: a budget book's 節 | 説明 page rules one frame around two lists set side by
 * side — the 節 (`区分 | 金額`, a rule under each 節 with its 細節 lines inside the cell: `3 職員手当等 485` /
 * `期末手当 432` / `勤勉手当 53`) and the 説明 (one tall cell of `001 給与費 3,194`, `高齢者公共交通支援事業補助金
 * 23,300` lines) — and a header frame above it drawn apart (`節 | 説明`, `区分 | 金額`, `千円`). Read cell by cell,
 * each 節 cell is one row with three numbers and the whole 説明 is one cell.
 *
 * A grid is a list frame when a row band of it holds two or more text lines that each carry a label and a number
 * (rows the rules do not separate). Such a frame is read as text-aligned tables (stream.ts) on its lines, one per
 * group of columns that share their rules: a column whose cells do not start on the same rows as its neighbour's
 * (the 説明's one cell beside the 節's eight) is a list of its own, whose lines are no rows of the other. A list
 * frame right under another with the same columns and nothing between them (the header frame over the body) is
 * read with it, so the body's lists keep their header and unit line.
 */
import type { TableCell, TextSpan } from '@shiryo/model';
import { emptyTable } from '../draft.js';
import { cleanText, isNumericData } from '../text.js';
import { centerX, centerY, roundBox, union } from './geometry.js';
import type { FoundTable, Grid } from './lattice.js';
import { spansToLines } from './lines.js';
import type { LatticeSettings, StreamSettings } from './settings.js';
import { streamTables } from './stream.js';
import { isBareUnit } from './units.js';

const inBox = (sp: TextSpan, x0: number, x1: number, y0: number, y1: number) => {
  const cx = centerX(sp.bbox);
  const cy = centerY(sp.bbox);
  return cx > x0 && cx < x1 && cy > y0 && cy < y1;
};

const isLabel = (t: string) => /[\p{L}]{2,}/u.test(t) && !isNumericData(t) && !isBareUnit(t);

/** A row band of the grid holds two or more lines with a label and a number each. */
export function isListGrid(grid: Grid, spans: TextSpan[]): boolean {
  const x0 = grid.xs[0]!;
  const x1 = grid.xs.at(-1)!;
  for (let r = 0; r + 1 < grid.ys.length; r++) {
    const band = spans.filter((sp) => inBox(sp, x0, x1, grid.ys[r]!, grid.ys[r + 1]!));
    if (band.length < 4) continue;
    let n = 0;
    for (const line of spansToLines(band)) {
      const texts = line.spans.map((sp) => cleanText(sp.text).trim()).filter(Boolean);
      // (an item and its amount: not a sentence, whose numbers are the 配点 of a criterion or part of the text)
      const words = texts.filter((t) => !isNumericData(t)).join('');
      if (/[。、，,]/u.test(words) || [...words].length > 30) continue;
      if (texts.some((t) => isNumericData(t)) && texts.some(isLabel)) n++;
      if (n >= 2) return true;
    }
  }
  return false;
}

/**
 * The column groups of a lattice table: a boundary before column j where no cell holding text crosses it and the
 * cells of columns j − 1 and j do not start on the same rows, or their text lines mostly do not sit on the same
 * lines (a 節 per ruled row beside the several 説明 lines of that row).
 */
export function columnGroups(found: FoundTable, grid: Grid): [number, number][] {
  const t = found.table;
  const rowsOf = (c: number) =>
    t.cells
      .filter((x) => x.col <= c && x.col + x.colSpan > c)
      .map((x) => `${x.row}+${x.rowSpan}`)
      .sort()
      .join(',');
  // the text lines of each column (their middles), to tell lists apart inside rows ruled across both
  const xs = grid.xs;
  const linesOf = (c: number) =>
    spansToLines([...found.spans].filter((sp) => centerX(sp.bbox) > xs[c]! && centerX(sp.bbox) < xs[c + 1]!)).map((l) =>
      centerY(union(l.spans.map((sp) => sp.bbox))),
    );
  const size = Math.max(
    1,
    ...[...found.spans].map((sp) => Math.min(sp.bbox.y1 - sp.bbox.y0, sp.size ?? Number.POSITIVE_INFINITY)),
  );
  const unmatched = (a: number[], b: number[]) => a.filter((y) => !b.some((z) => Math.abs(y - z) <= size / 2)).length;
  const cuts: number[] = [];
  for (let j = 1; j < t.nCols; j++) {
    const across = t.cells.some((x) => x.col < j && x.col + x.colSpan > j && x.text.trim() !== '');
    if (across) continue;
    const a = linesOf(j - 1);
    const b = linesOf(j);
    const most = Math.max(a.length, b.length);
    const apart = most >= 3 && unmatched(a, b) + unmatched(b, a) > 0.4 * most;
    if (rowsOf(j - 1) !== rowsOf(j) || apart) cuts.push(j);
  }
  const bounds = [0, ...cuts, t.nCols];
  return bounds.slice(0, -1).map((a, k) => [a, bounds[k + 1]! - 1]);
}

/** Some text of the grid reads as a number. */
const numberIn = (g: Grid, spans: TextSpan[]) =>
  spans.some(
    (sp) => inBox(sp, g.xs[0]!, g.xs.at(-1)!, g.ys[0]!, g.ys.at(-1)!) && isNumericData(cleanText(sp.text).trim()),
  );

/**
 * The header a stack of list frames printed without one reads: the rows without a number at the top of the nearest
 * frame above it on the page with the same columns (`節 | 説明`, `区分 | 金額`, `千円`: a budget book rules them once
 * per page, over the first block, in its frame or in one of their own; the blocks under the next 項 captions have
 * none). Their spans (read again: the first block's table holds them too), or none when the stack's own top row
 * holds no number (a header of its own) or no such frame is above.
 */
export function headerFrameAbove(stack: Grid[], grids: Grid[], spans: TextSpan[], s: LatticeSettings): TextSpan[] {
  const top = stack[0]!;
  const band = (g: Grid, r: number) => spans.filter((sp) => inBox(sp, g.xs[0]!, g.xs.at(-1)!, g.ys[r]!, g.ys[r + 1]!));
  const hasNumber = (sps: TextSpan[]) => sps.some((sp) => isNumericData(cleanText(sp.text).trim()));
  if (!hasNumber(band(top, 0))) return [];
  const above = grids
    .filter((g) => g.ys.at(-1)! <= top.ys[0]! + s.snap && sameColumns(g, top, 2 * s.snap))
    .sort((a, b) => b.ys.at(-1)! - a.ys.at(-1)!);
  for (const g of above) {
    const head = headerRows(g, band, hasNumber);
    if (head.length > 0) return head;
  }
  return [];
}

/** The spans of a frame's rows above its first number, with the unit line set over that number (`千円`). */
function headerRows(
  above: Grid,
  band: (g: Grid, r: number) => TextSpan[],
  hasNumber: (sps: TextSpan[]) => boolean,
): TextSpan[] {
  const out: TextSpan[] = [];
  for (let r = 0; r + 1 < above.ys.length; r++) {
    const b = band(above, r);
    if (hasNumber(b)) {
      // (the unit line set in the first row of numbers, above them: `千円` over each amount column)
      const firstNumber = Math.min(
        ...b.filter((sp) => isNumericData(cleanText(sp.text).trim())).map((sp) => sp.bbox.y0),
      );
      out.push(...b.filter((sp) => isBareUnit(cleanText(sp.text).trim()) && sp.bbox.y1 <= firstNumber));
      break;
    }
    out.push(...b);
  }
  return out;
}

const sameColumns = (a: Grid, b: Grid, tol: number) =>
  a.xs.length === b.xs.length && a.xs.every((x, i) => Math.abs(x - b.xs[i]!) <= tol);

/**
 * List frames stacked with the same columns and no text between them, top-down, as one region each: the grids of
 * the region (top first). A frame over a list frame holding no number (its header frame: `節 | 説明`, `区分 | 金額`,
 * `千円`) joins it.
 */
export function stackListGrids(
  grids: Grid[],
  isList: (g: Grid) => boolean,
  spans: TextSpan[],
  s: LatticeSettings,
): Grid[][] {
  const sorted = [...grids].sort((a, b) => a.ys[0]! - b.ys[0]!);
  const out: Grid[][] = [];
  for (const g of sorted) {
    const last = out.at(-1)?.at(-1);
    const empty =
      last && !spans.some((sp) => inBox(sp, g.xs[0]!, g.xs.at(-1)!, last.ys.at(-1)! + s.snap, g.ys[0]! - s.snap));
    if (last && empty && g.ys[0]! >= last.ys.at(-1)! - s.snap && sameColumns(last, g, 2 * s.snap)) out.at(-1)!.push(g);
    else out.push([g]);
  }
  // a stack is read as lists when it holds a list frame; a frame with numbers that is none stays a grid of its own
  return out.flatMap((stack) => {
    if (!stack.some(isList)) return [];
    const kept: Grid[][] = [[]];
    for (const g of stack) {
      if (isList(g) || !numberIn(g, spans)) kept.at(-1)!.push(g);
      else kept.push([]);
    }
    return kept.filter((k) => k.some(isList));
  });
}

/**
 * Read a stack of list frames as text-aligned tables, one set per column group: `groups` are the column ranges,
 * `xs` the column boundaries. Returns the tables found (possibly none).
 */
export function readListRegion(
  stack: Grid[],
  groups: [number, number][],
  spans: TextSpan[],
  stream: StreamSettings,
  header: TextSpan[] = [],
): FoundTable[] {
  const xs = stack[0]!.xs;
  const y0 = stack[0]!.ys[0]!;
  const y1 = stack.at(-1)!.ys.at(-1)!;
  const out: FoundTable[] = [];
  for (const [a, b] of groups) {
    const body = spans.filter((sp) => inBox(sp, xs[a]!, xs[b + 1]!, y0, y1));
    if (body.length === 0) continue;
    // (the page's header frame over a block printed without one: its lines head this block's lists too)
    const mine = [...header.filter((sp) => inBox(sp, xs[a]!, xs[b + 1]!, -Infinity, Infinity)), ...body];
    if (a === b) {
      const list = listTable(mine, 1);
      if (list) out.push(list);
      continue;
    }
    // (inside one frame the lists run on whatever the blank lines between their items; a list of two items, too
    // few rows for a text-aligned table, is read line by line)
    const found = streamTables(spansToLines(mine), { ...stream, maxRowGap: Number.POSITIVE_INFINITY });
    const list = found.length ? null : listTable(mine, 1);
    out.push(...(list ? [list] : found));
  }
  return out;
}

/**
 * A number standing alone (`3,194`, `39人`), not an item code before its name (`001 給与費`) nor a formula
 * (`404,000×98.9％`: a 説明 line's factors stay with its words).
 */
const isAmount = (t: string) => isNumericData(t) && !/^0\d/.test(t) && !/\s\p{L}{2,}/u.test(t) && !/[×÷＊*]/u.test(t);

/**
 * One ruled column holding a list (a 説明 column): each line is a row, its label the words before its first number
 * (an item code such as `001` stays in the label), its numbers in columns by where they end (a 事業's total and its
 * 細事業's amounts are set at different offsets). The lines above the first number are the header: its words head
 * the label column, a bare unit line (`千円`) heads every number column.
 */
export function listTable(spans: TextSpan[], minItems = 2): FoundTable | null {
  const lines = spansToLines(spans).map((line) => {
    const toks = line.spans
      .map((sp) => ({ sp, text: cleanText(sp.text).trim() }))
      .filter((t) => t.text)
      .sort((p, q) => p.sp.bbox.x0 - q.sp.bbox.x0);
    // (the first amount after a word: a 節's number before its name, `1 現年課税分`, numbers the item)
    const first = toks.findIndex(
      (t, i) => isAmount(t.text) && toks.slice(0, i).some((u) => /\p{L}/u.test(u.text) && !isBareUnit(u.text)),
    );
    return { line, toks, first };
  });
  const start = lines.findIndex((l) => l.first > 0);
  if (start < 0 || lines.filter((l) => l.first > 0).length < minItems) return null;
  const head = lines.slice(0, start);
  const body = lines.slice(start);
  const unit = head.find((l) => l.toks.length > 0 && l.toks.every((t) => isBareUnit(t.text)));
  // (a line with a number above the first item — a formula continued from the page before, `調定見込額
  // 220,000×28.8％` — heads nothing)
  const title = head
    .filter((l) => l !== unit && !l.toks.some((t) => /[0-9０-９]/u.test(t.text)))
    .flatMap((l) => l.toks.map((t) => t.text))
    .join('')
    .replace(/\s+/g, '');
  // number columns: the right edges of the amounts, clustered (one glyph's width apart or less)
  const amounts = body.flatMap((l) => (l.first < 0 ? [] : l.toks.slice(l.first).filter((t) => isAmount(t.text))));
  const size = Math.max(...amounts.map((t) => t.sp.bbox.y1 - t.sp.bbox.y0), 1);
  const edges = [...new Set(amounts.map((t) => t.sp.bbox.x1))].sort((p, q) => p - q);
  const columns: number[][] = [];
  for (const x of edges) {
    const last = columns.at(-1);
    if (last && x - last.at(-1)! <= size) last.push(x);
    else columns.push([x]);
  }
  const colOf = (x1: number) => 1 + columns.findIndex((c) => c.includes(x1));
  const nCols = 1 + columns.length;
  const cells: TableCell[] = [];
  const used: TextSpan[] = [];
  const box = (ts: { sp: TextSpan }[]) => roundBox(union(ts.map((t) => t.sp.bbox)));
  let r = 0;
  if (title || unit) {
    const heads = [...head.flatMap((l) => l.toks)];
    used.push(...heads.map((t) => t.sp));
    const b = heads.length ? box(heads) : { x0: 0, y0: 0, x1: 0, y1: 0 };
    cells.push({ row: 0, col: 0, rowSpan: 1, colSpan: 1, text: title, orig: title, bbox: b, role: 'header' });
    const u = unit ? unit.toks.map((t) => t.text).join('') : '';
    for (let c = 1; c < nCols; c++)
      cells.push({ row: 0, col: c, rowSpan: 1, colSpan: 1, text: u, orig: u, bbox: b, role: 'header' });
    r = 1;
  }
  for (const l of body) {
    if (l.toks.length === 0) continue;
    const labelToks = l.first < 0 ? l.toks : l.toks.slice(0, l.first);
    const rest = l.first < 0 ? [] : l.toks.slice(l.first);
    const row: string[] = Array.from({ length: nCols }, () => '');
    row[0] = labelToks.map((t) => t.text).join(' ');
    for (const t of rest) {
      const c = isAmount(t.text) ? colOf(t.sp.bbox.x1) : 0;
      if (c <= 0) {
        // (a word after the first number, `77歳 3,711人`'s neighbour words: kept with the label)
        row[0] = `${row[0]} ${t.text}`.trim();
        continue;
      }
      row[c] = row[c] ? `${row[c]} ${t.text}` : t.text;
    }
    used.push(...l.toks.map((t) => t.sp));
    const b = box(l.toks);
    for (const [c, text] of row.entries())
      cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text, orig: text, bbox: b, role: 'body' });
    r++;
  }
  const table = emptyTable('stream', undefined, cells, r, nCols);
  table.bbox = box([...head, ...body].flatMap((l) => l.toks));
  return { table, spans: new Set(used) };
}
