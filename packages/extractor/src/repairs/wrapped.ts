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
  // one pass over the rows, each row's cells found once (a filter per row made a 50,000-row table quadratic)
  const rows: TableCell[][] = Array.from({ length: t.nRows }, () => []);
  for (const c of t.cells) rows[c.row]?.push(c);
  // rows a cell above spans into
  const covered = new Uint8Array(t.nRows);
  for (const c of t.cells) for (let k = c.row + 1; k < Math.min(c.row + c.rowSpan, t.nRows); k++) covered[k] = 1;
  const out: TableCell[][] = [];
  let joined = 0;
  for (let r = 0; r < t.nRows; r++) {
    const row = rows[r]!;
    const prev = out[out.length - 1];
    if (r >= Math.max(1, t.headerRows) && prev) {
      const first = row.find((c) => c.col === 0);
      const ai = prev.findIndex((c) => c.col === 0 && c.rowSpan === 1);
      const above = ai < 0 ? undefined : prev[ai]!;
      if (
        first &&
        first.rowSpan === 1 &&
        FRAGMENT.test(first.text.trim()) &&
        !row.some((c) => c !== first && c.text.trim()) &&
        above?.text.trim() &&
        !/[)）]$/u.test(above.text.trim()) &&
        prev.some((c) => c.col > 0 && c.text.trim()) &&
        !covered[r]
      ) {
        prev[ai] = { ...above, text: `${above.text}${first.text.trim()}`, orig: `${above.orig}\n${first.orig}` };
        joined++;
        continue;
      }
    }
    out.push(joined ? row.map((c) => ({ ...c, row: out.length })) : row.slice());
  }
  if (!joined) return t;
  return withRepair(t, 'joinWrappedLabels', { cells: sortCells(out.flat()), nRows: t.nRows - joined });
}
