/**
 * trimEmptyRowsCols: drop rows and columns that no cell with text covers (converters pad rows with dozens of
 * trailing tabs; dropped duplicates leave empty rows). Spans shrink by the removed positions they covered.
 */
import type { Table, TableCell } from '@shiryo/model';
import { withRepair } from '../draft.js';

/** Maps old positions to new ones, given which positions are kept. */
function remap(keep: boolean[]): number[] {
  const map: number[] = [];
  let n = 0;
  for (const k of keep) {
    map.push(n);
    if (k) n++;
  }
  map.push(n);
  return map;
}

export function trimEmptyRowsCols(t: Table): Table {
  const keepRow = new Array<boolean>(t.nRows).fill(false);
  const keepCol = new Array<boolean>(t.nCols).fill(false);
  for (const c of t.cells) {
    if (!c.text) continue;
    for (let r = c.row; r < Math.min(t.nRows, c.row + c.rowSpan); r++) keepRow[r] = true;
    for (let k = c.col; k < Math.min(t.nCols, c.col + c.colSpan); k++) keepCol[k] = true;
  }
  if (keepRow.every(Boolean) && keepCol.every(Boolean)) return t;
  const rowMap = remap(keepRow);
  const colMap = remap(keepCol);
  const cells: TableCell[] = [];
  for (const c of t.cells) {
    const row = rowMap[c.row]!;
    const col = colMap[c.col]!;
    const rowSpan = rowMap[Math.min(t.nRows, c.row + c.rowSpan)]! - row;
    const colSpan = colMap[Math.min(t.nCols, c.col + c.colSpan)]! - col;
    if (rowSpan <= 0 || colSpan <= 0) continue;
    cells.push({ ...c, row, col, rowSpan, colSpan });
  }
  return withRepair(t, 'trimEmptyRowsCols', {
    cells,
    nRows: rowMap[t.nRows]!,
    nCols: colMap[t.nCols]!,
    headerRows: Math.min(t.headerRows, rowMap[Math.min(t.headerRows, t.nRows)]!),
  });
}
