/**
 * What the readers hand to the assembler: tables and blocks in document order, before table indexes and
 * sequence numbers are known. Tables are already `Table`s (with index/seq 0) so repairs can run on them.
 */
import type { BlockKind, CellRole, Issue, Table, TableCell, TableMethod } from '@shiryo/model';
import { cleanText } from './text.js';

/** A problem found in a table row; the assembler turns it into an `Issue` with `where: table N row R`. */
export interface RowIssue {
  code: string;
  severity: Issue['severity'];
  message: string;
  row: number;
}

export interface TableItem {
  kind: 'table';
  /** Local key, so an embedded table can name its parent before indexes are assigned. */
  key: number;
  parentKey?: number;
  table: Table;
  issues: RowIssue[];
  /**
   * How sure the reader is of the grid (0..1), when it had to guess it (linear/): the table's `quality.score` is
   * then at most this.
   */
  confidence?: number;
}

export interface BlockItem {
  kind: 'block';
  block: { kind: BlockKind; text: string; orig: string; level?: number; line?: number };
}

export type DocItem = TableItem | BlockItem;

/** Issues about the document as a whole (not tied to one table row). */
export interface DocIssue {
  code: string;
  severity: Issue['severity'];
  message: string;
  where: string | null;
}

/** Hands out table keys for one document (only equality matters). */
export type KeySource = () => number;
export function keySource(): KeySource {
  let k = 0;
  return () => ++k;
}

/** One cell as read, before placement: raw text and spans. */
export interface RawCell {
  orig: string;
  /** Cleaned text; defaults to `cleanText(orig)`. */
  text?: string;
  rowSpan?: number;
  colSpan?: number;
  role?: CellRole;
}

export function makeCell(row: number, col: number, raw: RawCell): TableCell {
  return {
    row,
    col,
    rowSpan: raw.rowSpan ?? 1,
    colSpan: raw.colSpan ?? 1,
    text: raw.text ?? cleanText(raw.orig),
    orig: raw.orig,
    role: raw.role ?? 'body',
  };
}

/** A table from rows of unspanned cells (TSV, markdown): cell r,c at row r, column c. */
export function tableFromRows(rows: RawCell[][], method: TableMethod, line: number | undefined): Table {
  const cells: TableCell[] = [];
  rows.forEach((row, r) => {
    row.forEach((raw, c) => {
      cells.push(makeCell(r, c, raw));
    });
  });
  return emptyTable(method, line, cells, rows.length, Math.max(0, ...rows.map((r) => r.length)));
}

export function emptyTable(
  method: TableMethod,
  line: number | undefined,
  cells: TableCell[],
  nRows: number,
  nCols: number,
): Table {
  const t: Table = {
    page: 1,
    index: 0,
    seq: 0,
    method,
    cells: sortCells(cells),
    nRows,
    nCols,
    headerRows: 0,
    quality: { score: 0, emptyRatio: 0, repairs: [] },
  };
  if (line !== undefined) t.line = line;
  return t;
}

export function sortCells(cells: TableCell[]): TableCell[] {
  return [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Record a repair's name on a (new) table. */
export function withRepair(t: Table, name: string, patch: Partial<Table>): Table {
  return { ...t, ...patch, quality: { ...t.quality, ...patch.quality, repairs: [...t.quality.repairs, name] } };
}
