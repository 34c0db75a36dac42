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
import { SENTENCE_PUNCT } from '../text.js';
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

/** Does `next` (first on its page) continue `t` (last on the page before)? */
export function continuesAcrossPages(t: Table, next: Table): boolean {
  if (t.method !== next.method || t.nCols !== next.nCols) return false;
  if (continuesTable(t, next)) return true;
  return next.headerRows === 0 && sameColumns(t, next);
}

/**
 * Cells split by the page break made whole: an empty cell starting at row `at` extends the cell with text that
 * ends right above it in the same column(s).
 */
export function mergeSplitCells(t: Table, at: number): Table {
  const removed = new Set<TableCell>();
  const out = t.cells.map((c) => ({ ...c }));
  for (const below of out) {
    if (below.row !== at || below.text !== '') continue;
    const above = out.find(
      (c) => c.col === below.col && c.colSpan === below.colSpan && c.row + c.rowSpan === at && c.text !== '',
    );
    if (!above || above.role === 'header') continue;
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
