import type { Table, TableCell } from './index.js';

/**
 * The table as a dense grid: `grid[r][c]` is the cell covering that position (a merged cell appears at every
 * position it covers; test `cell.row === r && cell.col === c` for its top-left), or null where nothing is.
 */
export function tableToGrid(t: Pick<Table, 'cells' | 'nRows' | 'nCols'>): (TableCell | null)[][] {
  const grid: (TableCell | null)[][] = Array.from({ length: t.nRows }, () =>
    Array<TableCell | null>(t.nCols).fill(null),
  );
  for (const cell of t.cells) {
    for (let r = cell.row; r < Math.min(t.nRows, cell.row + cell.rowSpan); r++) {
      const row = grid[r]!;
      for (let c = cell.col; c < Math.min(t.nCols, cell.col + cell.colSpan); c++) row[c] = cell;
    }
  }
  return grid;
}
