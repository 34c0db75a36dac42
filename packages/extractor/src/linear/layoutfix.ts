/**
 * What a space-aligned text still gets wrong after its columns are read from offsets (aligned.ts):
 *
 * mergeComplementaryColumns — one column of values set in two: text laid out from a proportional font
 * (`pdftotext -layout`) moves a value's right edge by its glyphs (`▲24` ends three characters before `0` under
 * it), and the column splits in two that never both hold a value in one row. Two neighbouring value columns that
 * never share a row (body or header; a header may span both) are one.
 *
 * liftCenteredLabels — a label set halfway down the rows it heads (`居宅介護` between its `人/月` and `時間/月`
 * lines) comes out as a row of its own between two rows without labels: it is the label of the row above (the
 * row below takes it when the table is read, as from a TSV row group).
 */
import type { Table, TableCell } from '@shiryo/model';
import { sortCells, withRepair } from '../draft.js';
import { isNumericData } from '../text.js';

const textAt = (t: Table, r: number, c: number) =>
  t.cells.find((x) => x.row === r && x.col === c && x.colSpan === 1)?.text ?? '';

export function mergeComplementaryColumns(t: Table): Table {
  let cells = t.cells;
  let nCols = t.nCols;
  let changed = false;
  for (let c = nCols - 2; c >= 1; c--) {
    const at = (col: number) => cells.filter((x) => x.col === col);
    const numeric = (col: number) => at(col).some((x) => x.row >= t.headerRows && isNumericData(x.text));
    if (!numeric(c) || !numeric(c + 1)) continue;
    // a cell starting at c + 1 and spanning further, or one starting at c and reaching past c + 1: leave it
    if (cells.some((x) => (x.col === c + 1 && x.colSpan > 1) || (x.col === c && x.colSpan > 2))) continue;
    const rowsWith = (col: number) =>
      new Set(
        at(col)
          .filter((x) => x.text && x.colSpan === 1)
          .map((x) => x.row),
      );
    const left = rowsWith(c);
    const right = rowsWith(c + 1);
    if ([...right].some((r) => left.has(r))) continue;
    const next: TableCell[] = [];
    for (const x of cells) {
      if (x.col === c + 1) {
        // the value moves left, over the empty cell it finds there
        if (x.text) next.push({ ...x, col: c });
        continue;
      }
      if (x.col === c && x.colSpan === 1 && !x.text && right.has(x.row)) continue;
      if (x.col === c && x.colSpan === 2) next.push({ ...x, colSpan: 1 });
      else if (x.col > c + 1) next.push({ ...x, col: x.col - 1 });
      else if (x.col < c && x.col + x.colSpan > c + 1) next.push({ ...x, colSpan: x.colSpan - 1 });
      else next.push(x);
    }
    cells = next;
    nCols--;
    changed = true;
  }
  return changed ? withRepair(t, 'mergeComplementaryColumns', { cells: sortCells(cells), nCols }) : t;
}

export function liftCenteredLabels(t: Table): Table {
  let table = t;
  let changed = false;
  for (let r = t.nRows - 2; r > t.headerRows; r--) {
    const row = table.cells.filter((x) => x.row === r && x.text);
    if (row.length !== 1 || row[0]!.col !== 0 || row[0]!.colSpan !== 1 || isNumericData(row[0]!.text)) continue;
    const valued = (rr: number) => table.cells.some((x) => x.row === rr && x.col > 0 && isNumericData(x.text));
    if (textAt(table, r - 1, 0) || textAt(table, r + 1, 0) || !valued(r - 1) || !valued(r + 1)) continue;
    const label = row[0]!;
    const cells = table.cells
      .filter((x) => x.row !== r)
      .map((x) => {
        if (x.row === r - 1 && x.col === 0) return { ...x, text: label.text, orig: label.orig };
        return x.row > r ? { ...x, row: x.row - 1 } : x;
      });
    table = { ...table, cells, nRows: table.nRows - 1 };
    changed = true;
  }
  return changed ? withRepair(table, 'liftCenteredLabels', {}) : t;
}
