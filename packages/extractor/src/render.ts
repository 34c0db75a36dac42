/**
 * Tables out: as a grid, as markdown, as plain JSON.
 *
 * `tableToGrid` (from @shiryo/model) gives `grid[r][c]` = the cell covering that position: a merged cell
 * appears at EVERY position it covers (test `cell.row === r && cell.col === c` for its top-left), and null
 * marks a position no cell covers (a short row).
 */
import { type Table, type TableQuality, tableToGrid } from '@shiryo/model';

export { tableToGrid };

const escapeMd = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');

/**
 * GitHub-flavoured markdown. Header rows fold into the one markdown header row (`第6期 / R3`: the labels over
 * a column, top to bottom, a spanning label repeated under each column it spans); in body rows a merged
 * cell's text stands at its top-left position only. A table without header rows uses its first row.
 */
export function tableToMarkdown(t: Table): string {
  if (t.nRows === 0 || t.nCols === 0) return '';
  const grid = tableToGrid(t);
  const headerRows = t.headerRows > 0 ? Math.min(t.headerRows, t.nRows) : 1;
  const header: string[] = [];
  for (let c = 0; c < t.nCols; c++) {
    const labels: string[] = [];
    for (let r = 0; r < headerRows; r++) {
      const text = grid[r]![c]?.text ?? '';
      if (text && labels.at(-1) !== text) labels.push(text);
    }
    header.push(labels.join(' / '));
  }
  const line = (cells: string[]) => `| ${cells.map(escapeMd).join(' | ')} |`;
  const out = [line(header), `|${' --- |'.repeat(t.nCols)}`];
  for (let r = headerRows; r < t.nRows; r++) {
    out.push(line(grid[r]!.map((cell, c) => (cell && cell.row === r && cell.col === c ? cell.text : ''))));
  }
  return out.join('\n');
}

export interface TableJson {
  index: number;
  page: number;
  line: number | null;
  method: Table['method'];
  caption: string | null;
  unitHint: string | null;
  parent: number | null;
  nRows: number;
  nCols: number;
  headerRows: number;
  quality: TableQuality;
  /** Text at every position; a merged cell's text is repeated at each position it covers; null where no cell. */
  rows: (string | null)[][];
  /** Merged cells: top-left position and extent. */
  spans: { row: number; col: number; rowSpan: number; colSpan: number }[];
}

/** A plain JSON object for the table (no class instances, no undefined). */
export function tableToJson(t: Table): TableJson {
  return {
    index: t.index,
    page: t.page,
    line: t.line ?? null,
    method: t.method,
    caption: t.caption ?? null,
    unitHint: t.unitHint ?? null,
    parent: t.parent ?? null,
    nRows: t.nRows,
    nCols: t.nCols,
    headerRows: t.headerRows,
    quality: t.quality,
    rows: tableToGrid(t).map((row) => row.map((cell) => cell?.text ?? null)),
    spans: t.cells
      .filter((c) => c.rowSpan > 1 || c.colSpan > 1)
      .map(({ row, col, rowSpan, colSpan }) => ({ row, col, rowSpan, colSpan })),
  };
}
