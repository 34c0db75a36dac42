/**
 * dropRepeatedHeaderRows: a table that runs over several pages repeats its header on each page; when the
 * converter writes the pages as one run of rows, the copies sit inside the body. Body rows that repeat the
 * header rows cell for cell (compared without spaces, after NFKC: `2019 年度の進捗（2020 年 1 月時点）` equals
 * `2019年度の進捗(2020年1月時点)`) are dropped, the whole header block at a time.
 * Tables split at the page break into two tables are joined by joinContinuedTables (continued.ts).
 */
import { type Table, tableToGrid } from '@shiryo/model';
import { withRepair } from '../draft.js';
import { textKey } from '../text.js';

/** Keys of each row's positions (a merged cell's text at every position it covers). */
export function rowKeys(t: Pick<Table, 'cells' | 'nRows' | 'nCols'>): string[][] {
  return tableToGrid(t).map((row) => row.map((c) => (c ? textKey(c.text) : '')));
}

const sameRow = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function dropRepeatedHeaderRows(t: Table): Table {
  const h = t.headerRows;
  if (h === 0 || t.nRows < 2 * h + 1) return t;
  const keys = rowKeys(t);
  const header = keys.slice(0, h);
  if (header.every((row) => row.filter(Boolean).length < 2)) return t;
  const drop = new Set<number>();
  for (let r = h; r + h <= t.nRows; r++) {
    if (header.every((row, i) => sameRow(row, keys[r + i]!))) {
      for (let i = 0; i < h; i++) drop.add(r + i);
      r += h - 1;
    }
  }
  if (drop.size === 0) return t;
  // Cells spanning into or out of a dropped row would be cut: refuse.
  const cut = t.cells.some((c) => {
    const rows = Array.from({ length: c.rowSpan }, (_, i) => c.row + i);
    return rows.some((r) => drop.has(r)) && !rows.every((r) => drop.has(r));
  });
  if (cut) return t;
  const shift = (r: number) => r - [...drop].filter((d) => d < r).length;
  const cells = t.cells.filter((c) => !drop.has(c.row)).map((c) => ({ ...c, row: shift(c.row) }));
  return withRepair(t, 'dropRepeatedHeaderRows', { cells, nRows: t.nRows - drop.size });
}
