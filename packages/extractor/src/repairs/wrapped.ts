/**
 * joinWrappedLabels: a row label the page wrapped (`就労継続支援` / `（Ｂ型）`) comes out of a text export as a row
 * of its own that holds only the second half, in brackets, and no values. The half goes back to the label above
 * (`就労継続支援（Ｂ型）`) and the empty row goes. Only a bracketed fragment (a type, a reading) is joined: a short
 * label alone on a row may head the rows below it (`【訪問系】`), and is left.
 */
import type { Table, TableCell } from '@shiryo/model';
import { sortCells, withRepair } from '../draft.js';

const FRAGMENT = /^[(（][^()（）]{1,10}[)）]$/u;

export function joinWrappedLabels(t: Table): Table {
  let cells = t.cells;
  let nRows = t.nRows;
  let joined = 0;
  for (let r = Math.max(1, t.headerRows); r < nRows; r++) {
    const row = cells.filter((c) => c.row === r);
    const first = row.find((c) => c.col === 0);
    if (!first || first.rowSpan !== 1 || !FRAGMENT.test(first.text.trim())) continue;
    if (row.some((c) => c !== first && c.text.trim())) continue;
    const above = cells.find((c) => c.col === 0 && c.row === r - 1 && c.rowSpan === 1);
    if (!above?.text.trim() || /[)）]$/u.test(above.text.trim())) continue;
    if (!cells.some((c) => c.row === r - 1 && c.col > 0 && c.text.trim())) continue;
    if (cells.some((c) => c.row < r && c.row + c.rowSpan > r)) continue;
    const merged: TableCell = {
      ...above,
      text: `${above.text}${first.text.trim()}`,
      orig: `${above.orig}\n${first.orig}`,
    };
    cells = cells
      .filter((c) => c.row !== r)
      .map((c) => (c === above ? merged : c.row > r ? { ...c, row: c.row - 1 } : c));
    nRows--;
    joined++;
    r--;
  }
  return joined ? withRepair(t, 'joinWrappedLabels', { cells: sortCells(cells), nRows }) : t;
}
