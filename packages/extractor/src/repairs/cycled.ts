/**
 * joinCycledGroupLabels — a group label wrapped over several lines and centred over its group, in a table with no
 * rules across its rows. A progress sheet sets each indicator over a cycle of rows (`H29 H30 R1 R2`, `見込 実績 実績見込`)
 * with its name in a merged cell, vertically centred and wrapped; without the cell's edges the name's lines fall on
 * whichever rows they sit beside (`保健・医療・福祉関係者による協議` on the H30 row, `の場の開催回数` on R1), or on a
 * line of their own between two rows, and the first rows of the group have no label at all:
 *
 *     |                          | H29 | －     | 年８回 |
 *     | 保健・医療・福祉関係者による協議 | H30 | 年１０回 | 年１０回 |
 *     | の場の開催回数                | R1  | 年１１回 | 年１１回 |
 *     |                          | R2  | 年１１回 | －     |
 *
 * Read row by row the H29 row would take the label above it and the name would be two labels. The group is found by
 * the column right of the label: its texts repeat one cycle (two or more distinct texts, two or more times), and each
 * turn of the cycle is one group. When every group holds its label's lines in that column (and nothing else but lines
 * of a label stands between them), and at least one group's label is not simply on its first row (centred, or
 * wrapped over several rows), each group's lines are joined into one label spanning its rows; rows that held nothing
 * but a line of a label go. A label on the first row of each group (top-aligned, one line) is left to fillStubSpans.
 */
import { type Table, type TableCell, tableToGrid } from '@shiryo/model';
import { sortCells, withRepair } from '../draft.js';
import { joinLineTexts } from '../pdf/lines.js';
import { isMissingMarker, isNumericData, isYearLike, textKey } from '../text.js';

/** The shortest period k >= 2 the keys repeat with, two or more turns, the texts of one turn distinct. */
function cyclePeriod(keys: string[]): number | null {
  for (let k = 2; 2 * k <= keys.length; k++) {
    if (keys.length % k !== 0) continue;
    const turn = keys.slice(0, k);
    if (new Set(turn).size !== k) continue;
    if (keys.every((key, i) => key === turn[i % k])) return k;
  }
  return null;
}

export function joinCycledGroupLabels(t: Table): Table {
  const h = t.headerRows;
  if (t.nRows - h < 4 || t.nCols < 3) return t;
  const grid = tableToGrid(t);
  const own = (r: number, c: number): TableCell | null => {
    const cell = grid[r]?.[c];
    return cell && cell.row === r && cell.col === c ? cell : null;
  };
  const isValue = (s: string) => isNumericData(s) || isMissingMarker(s);
  for (let c = 0; c + 2 < t.nCols; c++) {
    // the label column: single cells of words only; the cycle column right of it
    const body = Array.from({ length: t.nRows - h }, (_, i) => h + i);
    if (body.some((r) => grid[r]![c] && (grid[r]![c]!.rowSpan > 1 || grid[r]![c]!.colSpan > 1))) continue;
    const label = (r: number) => own(r, c)?.text.trim() ?? '';
    const inner = (r: number) => own(r, c + 1)?.text.trim() ?? '';
    // (years and values are no lines of a label: a column of years over a cycle of kinds is the table's periods)
    if (body.some((r) => label(r) && (isValue(label(r)) || isYearLike(label(r))))) continue;
    const cycleRows = body.filter((r) => inner(r) !== '');
    // every other row is a line of a label alone
    const labelOnly = body.filter((r) => inner(r) === '');
    if (labelOnly.some((r) => !label(r) || grid[r]!.some((x, k) => k !== c && x && x.row === r && x.text.trim())))
      continue;
    const keys = cycleRows.map((r) => textKey(inner(r)));
    if (keys.some((k) => isValue(k))) continue;
    const k = cyclePeriod(keys);
    if (!k) continue;
    // the turns: from a turn's first cycle row to the row before the next turn's
    const starts = cycleRows.filter((_, i) => i % k === 0);
    const turns = starts.map((s, i) => body.filter((r) => r >= s && (i + 1 === starts.length || r < starts[i + 1]!)));
    // label-only rows above the first turn would belong to no group
    if (labelOnly.some((r) => r < starts[0]!)) continue;
    const lines = turns.map((rows) => rows.filter((r) => label(r) !== ''));
    if (lines.some((l) => l.length === 0)) continue;
    // a label repeated on the rows of its group (`通所介護`, `通所介護`) is no wrapped one
    if (lines.some((l) => new Set(l.map((r) => textKey(label(r)))).size !== l.length)) continue;
    // (a label line at the end of a turn, right above the next turn's first row, could be either's: not read)
    if (turns.some((rows, i) => i + 1 < turns.length && labelOnly.includes(rows.at(-1)!))) continue;
    if (lines.every((l, i) => l.length === 1 && l[0] === turns[i]![0])) continue;
    const drop = new Set(labelOnly);
    const newRow = new Map<number, number>();
    let n = 0;
    for (let r = 0; r < t.nRows; r++) if (!drop.has(r)) newRow.set(r, n++);
    const cells: TableCell[] = [];
    for (const cell of t.cells) {
      if (drop.has(cell.row)) continue;
      if (cell.col === c && cell.row >= h) continue;
      cells.push({ ...cell, row: newRow.get(cell.row)! });
    }
    turns.forEach((rows, i) => {
      const kept = rows.filter((r) => !drop.has(r));
      const parts = lines[i]!.map((r) => own(r, c)!);
      const first = own(kept[0]!, c) ?? parts[0]!;
      cells.push({
        ...first,
        row: newRow.get(kept[0]!)!,
        col: c,
        rowSpan: kept.length,
        colSpan: 1,
        text: joinLineTexts(parts.map((p) => p.text.trim())),
        orig: parts.map((p) => p.orig).join('\n'),
        role: parts[0]!.role,
      });
    });
    return withRepair(t, 'joinCycledGroupLabels', { cells: sortCells(cells), nRows: n });
  }
  return t;
}
