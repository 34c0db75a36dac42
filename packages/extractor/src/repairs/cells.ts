/**
 * Small readers over a table's cells, shared by the repairs: the cell starting at a position, rows of cells,
 * and the marks that start an item in Japanese tables (bullets, circled numbers, `【`).
 */

import type { Table, TableCell } from '@shiryo/model';
import { BULLET_MARKS, CIRCLED_NUMBERS, classBody, NOTE_MARKS, SECTION_MARKS } from '@shiryo/model';
import { sortCells } from '../draft.js';
import { isCjk } from '../text.js';

/** Cells keyed by their top-left position. */
export function cellIndex(t: Table): Map<string, TableCell> {
  const m = new Map<string, TableCell>();
  for (const c of t.cells) m.set(`${c.row},${c.col}`, c);
  return m;
}

/** Cells starting in each row, left to right. */
export function cellsByRow(t: Table): TableCell[][] {
  const rows: TableCell[][] = Array.from({ length: t.nRows }, () => []);
  for (const c of t.cells) rows[c.row]?.push(c);
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return rows;
}

/** Does any cell span more than one row or column? Repairs that move cells refuse such tables. */
export const hasSpans = (t: Table): boolean => t.cells.some((c) => c.rowSpan > 1 || c.colSpan > 1);

/** A table from a dense grid of cells (`null` = no cell), in row-major order. */
export function tableWithGrid(t: Table, rows: (TableCell | null)[][]): Table {
  const cells: TableCell[] = [];
  rows.forEach((row, r) => {
    row.forEach((cell, col) => {
      if (cell) cells.push({ ...cell, row: r, col });
    });
  });
  return { ...t, cells: sortCells(cells), nRows: rows.length, nCols: Math.max(0, ...rows.map((r) => r.length)) };
}

/** The grid of an unspanned table: `grid[r][c]` is the cell there or null. */
export function denseGrid(t: Table): (TableCell | null)[][] {
  const grid: (TableCell | null)[][] = Array.from({ length: t.nRows }, () => Array(t.nCols).fill(null));
  for (const c of t.cells) if (grid[c.row]) grid[c.row]![c.col] = c;
  return grid;
}

/** Bullets, circled numbers, reference and bracket marks that open a new item. */
export const ITEM_MARK = new RegExp(
  `^(?:[${classBody(BULLET_MARKS + NOTE_MARKS)}➢➤→]|[-－](?=\\s)|[${CIRCLED_NUMBERS}]|【|〔|[(（]\\d{1,2}[)）])`,
  'u',
);

/** A row id: `4-④`, `1-2`, `③`, `(1)`. */
export const ID_LIKE = /^(?:\d{1,2}\s*[-－‐]\s*(?:\d{1,2}|[①-⑳])|[①-⑳]|[(（]\d{1,2}[)）])$/u;

/** Row heading marks: `①`, `③-1`, `(1)`, `1.`, `1)`, `■`, `第2節`. */
export const HEADING_MARK = new RegExp(
  `^(?:[${CIRCLED_NUMBERS}](?:\\s*[-－‐]\\s*\\d+)?|[(（]\\d{1,2}[)）]|\\d{1,2}[.．)）](?!\\d)|[${SECTION_MARKS}]|第\\s*\\d+\\s*[節章条項])`,
  'u',
);

/** Sentence end: the cell's text is complete. */
export const ends = (s: string): boolean => /[。．!！?？]$/.test(s.trim());

/** Join two pieces of one wrapped line: no space between Japanese characters, else one space. */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  if (ITEM_MARK.test(b)) return `${a} ${b}`;
  const x = [...a].at(-1)!;
  const y = [...b][0]!;
  const jp = (ch: string) => isCjk(ch) || /[、，・ー「」『』（）()【】〈〉:：]/.test(ch);
  return jp(x) && jp(y) ? a + b : `${a} ${b}`;
}
