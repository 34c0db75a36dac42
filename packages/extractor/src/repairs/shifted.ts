/**
 * fixShiftedRow: a row the converter wrote one column too far left (or right) — its blank leading cell was
 * lost, so the id `4-④` sits in the 領域 column, the item text in the 番号 column, and every value one column
 * off. A column is an id column when most of its cells are ids (`1-①`, `③`, `(2)`); a row whose only id sits
 * in another column (at most two columns away) is moved so the id falls in the id column, when the move lets
 * more of its cells agree with the kind of content of the columns they land in (ids, numbers, short labels,
 * long text) and pushes no text off the grid. Tables with merged cells are left alone.
 */
import type { Table, TableCell } from '@shiryo/model';
import { withRepair } from '../draft.js';
import { isMissingMarker, isNumericData } from '../text.js';
import { denseGrid, hasSpans, ID_LIKE, tableWithGrid } from './cells.js';

type Kind = 'empty' | 'id' | 'number' | 'short' | 'long';
const SHORT = 20;

function kindOf(text: string): Kind {
  if (!text) return 'empty';
  if (ID_LIKE.test(text)) return 'id';
  if (isNumericData(text) || isMissingMarker(text)) return 'number';
  return [...text].length <= SHORT ? 'short' : 'long';
}

/** The most common non-empty kind of each column. */
function columnKinds(grid: (TableCell | null)[][], nCols: number): (Kind | null)[] {
  return Array.from({ length: nCols }, (_, c) => {
    const n = new Map<Kind, number>();
    for (const row of grid) {
      const k = kindOf(row[c]?.text ?? '');
      if (k !== 'empty') n.set(k, (n.get(k) ?? 0) + 1);
    }
    return [...n].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  });
}

function idColumn(grid: (TableCell | null)[][], nCols: number): number {
  for (let c = 0; c < nCols; c++) {
    const texts = grid.map((row) => row[c]?.text ?? '').filter(Boolean);
    const ids = texts.filter((s) => ID_LIKE.test(s)).length;
    if (ids >= 3 && ids >= 0.6 * texts.length) return c;
  }
  return -1;
}

const agreement = (row: (TableCell | null)[], kinds: (Kind | null)[]) =>
  row.reduce((n, cell, c) => {
    const k = kindOf(cell?.text ?? '');
    return n + (k !== 'empty' && k === kinds[c] ? 1 : 0);
  }, 0);

/** The row moved by d columns, or null when text would fall off the grid. */
function moved(row: (TableCell | null)[], d: number, nCols: number): (TableCell | null)[] | null {
  const out: (TableCell | null)[] = Array(nCols).fill(null);
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell) continue;
    const to = c + d;
    if (to < 0 || to >= nCols) {
      if (cell.text) return null;
      continue;
    }
    out[to] = cell;
  }
  return out;
}

export function fixShiftedRow(t: Table): Table {
  if (hasSpans(t) || t.nCols < 3) return t;
  const grid = denseGrid(t);
  const K = idColumn(grid, t.nCols);
  if (K < 0) return t;
  const kinds = columnKinds(grid, t.nCols);
  let changed = false;
  const rows = grid.map((row) => {
    if (ID_LIKE.test(row[K]?.text ?? '')) return row;
    const ids = row.map((c, i) => (ID_LIKE.test(c?.text ?? '') ? i : -1)).filter((i) => i >= 0);
    if (ids.length !== 1 || Math.abs(K - ids[0]!) > 2) return row;
    const next = moved(row, K - ids[0]!, t.nCols);
    if (!next || agreement(next, kinds) <= agreement(row, kinds)) return row;
    changed = true;
    // Fill the positions left behind with blank cells, so every row keeps one cell per column.
    return next.map((cell, c) => cell ?? { ...row.find(Boolean)!, col: c, text: '', orig: '', role: 'body' as const });
  });
  return changed ? withRepair(tableWithGrid(t, rows), 'fixShiftedRow', {}) : t;
}
