/**
 * joinStrayQualifiers: OCR or a converter can cut a bound off its number into a cell of its own (`4人 | 以上 | 4人 |
 * 5人` under `目標値 | R3実績 | R4実績`): the row then has a cell too many and every value after it sits one column
 * to the right. A body cell that is only a bound word right after a cell holding a number goes back to that number,
 * and the cells after it move one column left, when the row's last cell would otherwise overhang the header.
 */
import type { Table, TableCell } from '@shiryo/model';
import { withRepair } from '../draft.js';
import { isNumericData } from '../text.js';

const BOUND = /^(?:以上|以下|未満|超|を超えない|を超える|程度)$/u;

export function joinStrayQualifiers(t: Table): Table {
  let cells = t.cells;
  let changed = false;
  // the cells of each row, found once (a filter per row made a 50,000-row table quadratic); a repair changes
  // only the cells of its own row, so the rows below keep their cells
  const rows = new Map<number, TableCell[]>();
  for (const c of t.cells) {
    const row = rows.get(c.row);
    if (row) row.push(c);
    else rows.set(c.row, [c]);
  }
  const patch = new Map<TableCell, TableCell>();
  for (let r = t.headerRows; r < t.nRows; r++) {
    const row = (rows.get(r) ?? []).sort((a, b) => a.col - b.col);
    const k = row.findIndex((c, i) => i > 0 && BOUND.test(c.text.trim()) && isNumericData(row[i - 1]!.text));
    if (k < 0 || row.some((c) => c.rowSpan !== 1 || c.colSpan !== 1)) continue;
    // the header above the last filled cell must be empty or missing: the row overhangs by one
    const lastFilled = [...row].reverse().find((c) => c.text.trim());
    if (!lastFilled || lastFilled.col !== row[row.length - 1]!.col) continue;
    const headerAbove = t.cells.find(
      (c) => c.row < t.headerRows && c.col <= lastFilled.col && c.col + c.colSpan > lastFilled.col,
    );
    if (headerAbove?.text.trim()) continue;
    const bound = row[k]!;
    const before = row[k - 1]!;
    patch.set(before, { ...before, text: `${before.text}${bound.text.trim()}`, orig: `${before.orig}\t${bound.orig}` });
    for (let i = k; i < row.length; i++) {
      const next = row[i + 1];
      patch.set(row[i]!, { ...row[i]!, text: next?.text ?? '', orig: next?.orig ?? '' });
    }
    changed = true;
  }
  if (changed) cells = cells.map((c) => patch.get(c) ?? c);
  return changed ? withRepair(t, 'joinStrayQualifiers', { cells }) : t;
}
