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

/** Four digits alone, read as a year where the table writes its years so: 1950–2100. */
const bareYear = (text: string): number | null => {
  const t = text.normalize('NFKC').trim();
  if (!/^\d{4}$/u.test(t)) return null;
  const y = Number(t);
  return y >= 1950 && y <= 2100 ? y : null;
};

/**
 * Family "counts that look like years": whether a table writes its years as four digits alone — in its first row or
 * first column, in the extractor's header rows, or two side by side across a row or down a column a year apart or
 * the same year (`2019 | 2020`, a span flattened into `2021 | 2021`). A table that does not (its years are
 * `令和4年度`, `R5`, `2022年度`) reads `1995` in its body as 1,995 users, never as the year 1995.
 */
export function writesBareYears(table: Pick<Table, 'cells' | 'nRows' | 'nCols' | 'headerRows'>): boolean {
  const grid = tableToGrid(table);
  const year = (r: number, c: number) => {
    const cell = grid[r]?.[c];
    return cell && cell.row === r && cell.col === c ? bareYear(cell.text) : null;
  };
  const near = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) <= 1;
  for (let r = 0; r < table.nRows; r++)
    for (let c = 0; c < table.nCols; c++) {
      const y = year(r, c);
      if (y === null) continue;
      if (r === 0 || c === 0 || r < table.headerRows) return true;
      if (near(y, year(r, c + 1)) || near(y, year(r + 1, c))) return true;
    }
  return false;
}
