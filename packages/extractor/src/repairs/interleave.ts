/**
 * deinterleaveColumns: a converter that wrote a table of text columns line by line, each TSV line holding the
 * next printed line of every column. A logical row then spans several lines, and each column's text is cut at
 * the column's printed width (`伊賀圏域体制で保健・医療・福祉関係者による精神` / `障がい者に対応した協議の継続・連携を図り、安心`).
 *
 * Detected when the table is text (hardly any numbers) and at least two columns show wrapped lines: a cell
 * about as long as the longest line of its column, not ending a sentence, followed in the next line by a cell
 * that does not open a new item. The lines are then regrouped into logical rows:
 *   - when the first column numbers its rows (`①…`, `③-1 …`, `(2)`, `■`; twice, or on the first line), a row
 *     starts at each such line and every other line continues it;
 *   - otherwise a row starts at a line none of whose cells continues the line above (a cell continues when the
 *     cell above in its column is not empty, does not end with `。`, and the cell does not open an item);
 * and each column's lines are joined: a line as wide as the column, or ending on a particle (`…関係機関の`),
 * continues in the next (no space between Japanese characters); a shorter line ended an item (one space). A leading row of short labels stays the header. `orig`
 * keeps the lines, joined by newlines.
 */
import type { Table, TableCell } from '@shiryo/model';
import { emptyTable, makeCell, withRepair } from '../draft.js';
import { isNumericData } from '../text.js';
import { denseGrid, ends, HEADING_MARK, hasSpans, ITEM_MARK, joinWrapped } from './cells.js';
import { isHeaderLikeRow } from './header.js';

const MAX_LINE = 40;
const MIN_LINE = 10;

const len = (s: string) => [...s].length;
const texts = (t: Table) => denseGrid(t).map((row) => row.map((c) => c?.text ?? ''));

/** What the lines say about wrapping: wrap pairs per column, lines continuing a line above, hiragana starts. */
export interface WrapEvidence {
  perColumn: number[];
  /** Lines (after the first) in which some column continues the line above. */
  continuing: number;
  lines: number;
  /** Wrap pairs whose second line starts with hiragana or a small kana: a word cut in two. */
  cutWords: number;
}

/** A line ending on a particle or a comma goes on in the next line. */
const OPEN_END = /[のをにがとはでやへもる、，]$/u;
const CUT_START = /^[\p{Script=Hiragana}ァィゥェォッャュョヮー]/u;

/** The printed width of each column: its longest line of at most MAX_LINE characters. */
function columnWidths(grid: string[][], nCols: number): number[] {
  return Array.from({ length: nCols }, (_, c) =>
    Math.max(0, ...grid.map((row) => len(row[c] ?? '')).filter((n) => n > 0 && n <= MAX_LINE)),
  );
}

export function wrapEvidence(grid: string[][], nCols: number): WrapEvidence {
  const continuing = new Set<number>();
  let cutWords = 0;
  const widths = columnWidths(grid, nCols);
  const perColumn = widths.map((width, c) => {
    if (width < MIN_LINE) return 0;
    let n = 0;
    for (let r = 0; r + 1 < grid.length; r++) {
      const a = grid[r]![c] ?? '';
      const b = grid[r + 1]![c] ?? '';
      if (!a || !b || a === b || len(a) < 0.85 * width || len(a) > MAX_LINE || ends(a) || ITEM_MARK.test(b)) continue;
      n++;
      continuing.add(r + 1);
      if (CUT_START.test(b)) cutWords++;
    }
    return n;
  });
  return { perColumn, continuing: continuing.size, lines: grid.length, cutWords };
}

/** Does the table look like columns written line by line? */
export function looksInterleaved(t: Table): boolean {
  if (t.nCols < 2 || t.nRows < 4 || hasSpans(t)) return false;
  const grid = texts(t);
  const all = grid.flat().filter(Boolean);
  if (all.filter((s) => isNumericData(s)).length > 0.2 * all.length) return false;
  const e = wrapEvidence(grid, t.nCols);
  return (
    e.perColumn.filter((n) => n >= 2).length >= 2 &&
    e.continuing >= 3 &&
    e.continuing >= 0.3 * e.lines &&
    e.cutWords >= 2
  );
}

const continues = (above: string, cell: string) => !!above && !!cell && !ends(above) && !ITEM_MARK.test(cell);

/** Indexes of the lines that start a logical row (the header line excluded). */
function rowStarts(grid: string[][], first: number): number[] {
  const marked = grid.slice(first).filter((row) => HEADING_MARK.test(row[0] ?? '')).length;
  const numbered = marked >= 2 || (marked === 1 && HEADING_MARK.test(grid[first]?.[0] ?? ''));
  const starts: number[] = [];
  for (let r = first; r < grid.length; r++) {
    const row = grid[r]!;
    if (r === first) starts.push(r);
    else if (numbered) {
      if (HEADING_MARK.test(row[0] ?? '')) starts.push(r);
    } else if (!row.some((cell, c) => continues(grid[r - 1]![c] ?? '', cell))) starts.push(r);
  }
  return starts;
}

export function deinterleaveColumns(t: Table): Table {
  if (!looksInterleaved(t)) return t;
  const cells = denseGrid(t);
  const grid = texts(t);
  const header = isHeaderLikeRow(cells[0]!.filter((c): c is TableCell => !!c)) ? 1 : 0;
  const starts = rowStarts(grid, header);
  const widths = columnWidths(grid, t.nCols);
  if (starts.length + header >= t.nRows) return t;
  const out: TableCell[] = [];
  if (header) out.push(...cells[0]!.filter((c): c is TableCell => !!c));
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? t.nRows;
    const row = header + i;
    for (let c = 0; c < t.nCols; c++) {
      let text = '';
      let full = false;
      const orig: string[] = [];
      for (let r = start; r < end; r++) {
        const cell = cells[r]![c];
        if (!cell?.text) continue;
        text = full ? joinWrapped(text, cell.text) : text ? `${text} ${cell.text}` : cell.text;
        full = len(cell.text) >= 0.85 * widths[c]! || OPEN_END.test(cell.text);
        orig.push(cell.orig);
      }
      out.push({ ...makeCell(row, c, { orig: orig.join('\n'), text }) });
    }
  });
  const regrouped = emptyTable(t.method, t.line, out, header + starts.length, t.nCols);
  return withRepair({ ...t, cells: regrouped.cells, nRows: regrouped.nRows }, 'deinterleaveColumns', {});
}
