/**
 * What only shows across pages: running headers and footers (page furniture), tables cut by a page break, and
 * paragraphs cut by one.
 *
 * - Furniture: a line in the top or bottom band of its page that repeats in the same band on other pages (digits
 *   ignored, so `- 3 -` and `- 4 -` are one line), or a bare page number there. It is not body text: dropped from
 *   the blocks, except the first time a running header shows, which often names the city and the plan.
 * - Tables: a table that ends its page and a table that starts the next one, found the same way, as wide, are one
 *   table when the second repeats the first one's header rows (continuesTable) or, without a header of its own,
 *   has the same column edges. A merged cell cut by the break (the group label of rows on both pages) is one
 *   cell again: the empty cell at the top of the continuation extends the cell above it.
 * - Paragraphs: a paragraph that ends its page without ending its sentence continues in the first paragraph of
 *   the next page.
 */
import type { Block, Table, TableCell } from '@shiryo/model';
import { appendBody, continuesTable } from '../continued.js';
import { sortCells } from '../draft.js';
import { isNumericData, SENTENCE_PUNCT, textKey } from '../text.js';
import type { Line } from './lines.js';

/** Share of the page height at the top and at the bottom where running headers and footers live. */
export const FURNITURE_BAND = 0.1;

const PAGE_NUMBER =
  /^[\s\-–—‐－ー()（）]*(?:p\.?|ページ)?\s*\d{1,4}\s*(?:[/／]\s*\d{1,4})?\s*(?:ページ|頁)?[\s\-–—‐－ー()（）]*$/iu;

const furnitureKey = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').replace(/\d+/g, '#');

export interface PageLines {
  index: number;
  height: number;
  lines: Line[];
}

function band(line: Line, height: number): 'top' | 'bottom' | null {
  if (height <= 0) return null;
  if (line.bbox.y1 <= height * FURNITURE_BAND) return 'top';
  if (line.bbox.y0 >= height * (1 - FURNITURE_BAND)) return 'bottom';
  return null;
}

/**
 * The furniture lines of every page, to drop: page numbers, and the repeats of running headers and footers (the
 * first showing of a running header stays: it often names the city and the plan).
 */
export function findFurniture(pages: PageLines[]): Set<Line> {
  const marginal = pages.flatMap((p) =>
    p.lines.flatMap((line) => {
      const b = band(line, p.height);
      return b && line.dir === 'h' ? [{ page: p.index, line, band: b, key: `${b}:${furnitureKey(line.text)}` }] : [];
    }),
  );
  const seen = new Map<string, Set<number>>();
  for (const m of marginal) seen.set(m.key, (seen.get(m.key) ?? new Set<number>()).add(m.page));
  const drop = new Set<Line>();
  const shown = new Set<string>();
  for (const m of marginal) {
    if (PAGE_NUMBER.test(m.line.text)) drop.add(m.line);
    else if ((seen.get(m.key)?.size ?? 0) >= 2) {
      if (m.band !== 'top' || shown.has(m.key)) drop.add(m.line);
      shown.add(m.key);
    }
  }
  return drop;
}

/** Left and right edges of each column, from the cells one column wide. */
function columnEdges(t: Table): Array<[number, number] | undefined> {
  const edges: Array<[number, number] | undefined> = Array.from({ length: t.nCols }, () => undefined);
  for (const c of t.cells) {
    if (c.colSpan === 1 && c.bbox && !edges[c.col]) edges[c.col] = [c.bbox.x0, c.bbox.x1];
  }
  return edges;
}

function sameColumns(a: Table, b: Table, tolerance = 2): boolean {
  const ea = columnEdges(a);
  const eb = columnEdges(b);
  let compared = 0;
  for (let i = 0; i < a.nCols; i++) {
    const x = ea[i];
    const y = eb[i];
    if (!x || !y) continue;
    if (Math.abs(x[0] - y[0]) > tolerance || Math.abs(x[1] - y[1]) > tolerance) return false;
    compared++;
  }
  return compared >= Math.min(2, a.nCols);
}

/**
 * A continuation found narrower than its table: the label columns of its first rows are empty on the new page (the
 * group's label stands on the page before), so the finder saw fewer columns there and the repeated header's words
 * ran together (`サービス名内容`). It repeats the header when most of the words of its header rows stand in the
 * table's header (without spaces; a banner `第6期計画` may be its own) and they are most of that header. Its body
 * cells go back into the table's columns: under the column headed alike (the lowest header cell over it), else by
 * position (the column whose cells' span it overlaps most); no two of a row into one column; the columns left over
 * get empty cells. Null when it is no such continuation.
 */
export function recolumnContinuation(t: Table, next: Table): Table | null {
  if (t.method !== next.method || next.nCols >= t.nCols || t.headerRows === 0 || next.headerRows === 0) return null;
  if (next.nRows <= next.headerRows) return null;
  const tHead = t.cells
    .filter((c) => c.row < t.headerRows)
    .map((c) => textKey(c.text))
    .join('');
  const nHead = next.cells.filter((c) => c.row < next.headerRows && c.text.trim()).map((c) => textKey(c.text));
  const found = nHead.filter((h) => tHead.includes(h)).join('').length;
  if (nHead.length < 2 || found < 0.6 * nHead.join('').length || found < 0.6 * tHead.length) return null;
  const spans: ([number, number] | null)[] = Array.from({ length: t.nCols }, () => null);
  for (const c of t.cells) {
    if (c.row < t.headerRows || c.colSpan !== 1 || !c.bbox) continue;
    const s = spans[c.col];
    spans[c.col] = s ? [Math.min(s[0], c.bbox.x0), Math.max(s[1], c.bbox.x1)] : [c.bbox.x0, c.bbox.x1];
  }
  // a column headed alike in both (the lowest header cell over it, `令和7年度`) is that column; only the others are
  // placed by position (the page's columns may be set a little differently)
  const leaf = (x: Table) => {
    const heads: string[] = Array.from({ length: x.nCols }, () => '');
    for (const c of [...x.cells].sort((a, b) => a.row - b.row))
      if (c.row < x.headerRows && c.text.trim())
        for (let k = c.col; k < c.col + c.colSpan; k++) heads[k] = textKey(c.text);
    return heads;
  };
  const tLeaf = leaf(t);
  const byHead = leaf(next).map((h) => (h && tLeaf.filter((x) => x === h).length === 1 ? tLeaf.indexOf(h) : -1));
  const columnOf = (b: { x0: number; x1: number }, col: number) => {
    if (byHead[col]! >= 0) return byHead[col]!;
    // (a cell over two columns about equally, as a value under `令和7年度令和8年度`, could be either's: none)
    const o = spans.map((s) => (s ? Math.max(0, Math.min(s[1], b.x1) - Math.max(s[0], b.x0)) : 0));
    const best = o.indexOf(Math.max(...o));
    const second = Math.max(...o.filter((_, k) => k !== best));
    return o[best]! > 0 && o[best]! >= 2 * second ? best : -1;
  };
  const cells: TableCell[] = [];
  for (let r = next.headerRows; r < next.nRows; r++) {
    const taken = new Set<number>();
    for (const c of next.cells) {
      if (c.row !== r || !c.text.trim()) continue;
      if (!c.bbox || c.colSpan !== 1 || c.rowSpan !== 1) return null;
      const k = columnOf(c.bbox, c.col);
      if (k < 0 || taken.has(k)) return null;
      taken.add(k);
      cells.push({ ...c, col: k });
    }
    for (let k = 0; k < t.nCols; k++)
      if (!taken.has(k)) cells.push({ row: r, col: k, rowSpan: 1, colSpan: 1, text: '', orig: '', role: 'body' });
  }
  const shift = t.headerRows - next.headerRows;
  return {
    ...next,
    cells: sortCells(cells.map((c) => ({ ...c, row: c.row + shift }))),
    nRows: next.nRows + shift,
    nCols: t.nCols,
    headerRows: t.headerRows,
  };
}

/** Does `next` (first on its page) continue `t` (last on the page before)? */
export function continuesAcrossPages(t: Table, next: Table): boolean {
  if (t.method !== next.method || t.nCols !== next.nCols) return false;
  if (continuesTable(t, next)) return true;
  return next.headerRows === 0 && sameColumns(t, next);
}

/**
 * Cells split by the page break made whole: an empty cell starting at row `at` extends the cell with text (a label,
 * not a number) that ends right above it in the same column(s).
 */
export function mergeSplitCells(t: Table, at: number): Table {
  const removed = new Set<TableCell>();
  const out = t.cells.map((c) => ({ ...c }));
  for (const below of out) {
    if (below.row !== at || below.text !== '') continue;
    const above = out.find(
      (c) => c.col === below.col && c.colSpan === below.colSpan && c.row + c.rowSpan === at && c.text !== '',
    );
    // (a value ends its cell: an empty cell under it on the next page is a value not given, `実績値` of the year
    // still to come, never the same value again)
    if (!above || above.role === 'header' || isNumericData(above.text)) continue;
    above.rowSpan += below.rowSpan;
    if (above.bbox && below.bbox) above.bbox = { ...above.bbox, y1: Math.max(above.bbox.y1, below.bbox.y1) };
    removed.add(below);
  }
  if (removed.size === 0) return t;
  return { ...t, cells: sortCells(out.filter((c) => !removed.has(c))) };
}

/** `next`'s body appended to `t`, with the cells the page break split made whole again. */
export function joinAcrossPages(t: Table, next: Table): Table {
  const at = t.nRows;
  const joined = appendBody(t, next.headerRows === 0 ? withHeader(next, t.headerRows) : next);
  return mergeSplitCells(joined, at);
}

/**
 * A continuation without the header rows: appendBody drops the first `headerRows` rows of the continuation, so
 * give it that many placeholder rows on top.
 */
function withHeader(next: Table, headerRows: number): Table {
  if (headerRows === 0) return next;
  const cells = next.cells.map((c) => ({ ...c, row: c.row + headerRows }));
  return { ...next, cells, nRows: next.nRows + headerRows, headerRows };
}

/** Does a paragraph ending its page leave its sentence open? */
export function endsOpen(block: Pick<Block, 'kind' | 'text'>): boolean {
  if (block.kind !== 'paragraph') return false;
  const last = [...block.text.trim()].at(-1) ?? '';
  return last !== '' && !SENTENCE_PUNCT.test(last) && !/[)）」』:：]/.test(last);
}
