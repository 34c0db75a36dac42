/**
 * The table goldens (`fixtures/<name>/expected/tables.json`): per table its index, source line, method, parent,
 * caption, unit hint, shape, header rows, repairs, merged cells and the grid of texts (a merged cell's text at
 * every position it covers, null where no cell). One grid row per line, so a diff shows the row that changed.
 */
import { type Table, tableToGrid } from '@shiryo/model';

export interface GoldenTable {
  index: number;
  line: number | null;
  method: string;
  parent: number | null;
  caption: string | null;
  unitHint: string | null;
  nRows: number;
  nCols: number;
  headerRows: number;
  repairs: string[];
  spans: string[];
  rows: (string | null)[][];
}

export function tableToGolden(t: Table): GoldenTable {
  return {
    index: t.index,
    line: t.line ?? null,
    method: t.method,
    parent: t.parent ?? null,
    caption: t.caption ?? null,
    unitHint: t.unitHint ?? null,
    nRows: t.nRows,
    nCols: t.nCols,
    headerRows: t.headerRows,
    repairs: t.quality.repairs,
    spans: t.cells
      .filter((c) => c.rowSpan > 1 || c.colSpan > 1)
      .map((c) => `${c.row},${c.col} ${c.rowSpan}x${c.colSpan}`),
    rows: tableToGrid(t).map((row) => row.map((c) => c?.text ?? null)),
  };
}

/** JSON with each grid row on one line. */
export function formatGoldens(tables: GoldenTable[]): string {
  const j = (x: unknown) => JSON.stringify(x);
  const one = (g: GoldenTable) => {
    const { rows, ...head } = g;
    const fields = Object.entries(head).map(([k, v]) => `    ${j(k)}: ${j(v)}`);
    const grid = rows.map((r) => `      ${j(r)}`).join(',\n');
    return `  {\n${fields.join(',\n')},\n    "rows": [\n${grid}\n    ]\n  }`;
  };
  return `[\n${tables.map(one).join(',\n')}\n]\n`;
}
