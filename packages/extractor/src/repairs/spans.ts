/**
 * Spans that a text export flattened into blank cells.
 *
 * fillHeaderSpans — a header cell followed by blank header cells, over columns whose lower header rows have
 * text, spanned those columns: `手帳取得者数 | | | ` over `身体… | 療育… | 精神… | 小計`, `第6期 | | ` over
 * `R3 | R4 | R5`, `内訳 | | …` over `1級 … 6級`. The cell takes a colSpan (fill right). A header cell with only
 * blanks below it in the lower header rows (`現在`, `項目` over nothing) takes a rowSpan down to the last header row.
 *
 * fillStubSpans — a row group whose label stands only on its first row (`手話通訳 | 利用実人数` then
 * ` | 延べ利用件数`; `障害者 | 18～29歳` then ` | 30～39歳` …). In stub columns only, a blank cell under a label
 * joins the label's rowSpan when the row goes on with a label further right (the row is a member of the group,
 * not a continuation line or a value row) and sits in the same group in the columns to the left; a total row
 * (`総計`, `合計`) ends the group. The same label again under a group that spans blank rows (a group label
 * repeated on the next page) continues that group.
 */
import { type Table, type TableCell, TOTAL_WORDS, tableToGrid, wordsPattern } from '@shiryo/model';
import { sortCells, withRepair } from '../draft.js';
import { isMissingMarker, isNumericData, textKey } from '../text.js';
import { ID_LIKE } from './cells.js';

const blankAt = (grid: (TableCell | null)[][], r: number, c: number) => {
  const cell = grid[r]?.[c];
  return !cell || (!cell.text && cell.rowSpan === 1 && cell.colSpan === 1);
};
const textBelow = (grid: (TableCell | null)[][], r: number, c: number, h: number) => {
  for (let rr = r + 1; rr < h; rr++) if (grid[rr]?.[c]?.text && grid[rr]![c]!.row > r) return true;
  return false;
};

/** Remove the cells at the given positions and replace `cell` by `grown`. */
function regrow(cells: TableCell[], cell: TableCell, grown: TableCell, absorbed: Set<string>): TableCell[] {
  return cells.filter((c) => !absorbed.has(`${c.row},${c.col}`)).map((c) => (c === cell ? grown : c));
}

export function fillHeaderSpans(t: Table): Table {
  const h = Math.min(t.headerRows, t.nRows);
  if (h < 2) return t;
  let cells = t.cells;
  let changed = false;
  // Right, then down.
  for (const dir of ['right', 'down'] as const) {
    const grid = tableToGrid({ ...t, cells });
    for (let r = 0; r < h - 1; r++) {
      for (let c = 0; c < t.nCols; c++) {
        const cell = grid[r]![c];
        if (!cell || cell.row !== r || cell.col !== c || !cell.text) continue;
        const absorbed = new Set<string>();
        let grown: TableCell = cell;
        if (dir === 'right') {
          if (!textBelow(grid, r, c, h)) continue;
          let k = c + cell.colSpan;
          while (k < t.nCols && cell.rowSpan === 1 && blankAt(grid, r, k) && textBelow(grid, r, k, h)) {
            absorbed.add(`${r},${k}`);
            k++;
          }
          grown = { ...cell, colSpan: k - c };
        } else {
          const end = r + cell.rowSpan;
          if (end >= h) continue;
          let ok = true;
          for (let rr = end; rr < h && ok; rr++) {
            for (let k = c; k < c + cell.colSpan; k++) {
              if (!blankAt(grid, rr, k)) ok = false;
              else absorbed.add(`${rr},${k}`);
            }
          }
          if (!ok) continue;
          grown = { ...cell, rowSpan: h - r };
        }
        if (absorbed.size === 0) continue;
        cells = regrow(cells, cell, grown, absorbed);
        changed = true;
        for (let rr = grown.row; rr < grown.row + grown.rowSpan; rr++)
          for (let k = grown.col; k < grown.col + grown.colSpan; k++) grid[rr]![k] = grown;
      }
    }
  }
  return changed ? withRepair(t, 'fillHeaderSpans', { cells: sortCells(cells) }) : t;
}

const TOTAL = new RegExp(`^(?:${wordsPattern([...TOTAL_WORDS, '全体'])})$`, 'u');
const isLabel = (s: string) => !!s && (ID_LIKE.test(s) || (!isNumericData(s) && !isMissingMarker(s)));

/** The first text right of column c in row r (a label spanning down from above counts). */
function nextText(grid: (TableCell | null)[][], r: number, c: number): string | null {
  const row = grid[r] ?? [];
  for (let k = c + 1; k < row.length; k++) if (row[k]?.text) return row[k]!.text;
  return null;
}

export function fillStubSpans(t: Table): Table {
  const stubCols = [...new Set(t.cells.filter((c) => c.role === 'stub').map((c) => c.col))].sort((a, b) => a - b);
  if (stubCols.length === 0) return t;
  let cells = t.cells;
  let changed = false;
  for (const c of stubCols) {
    const grid = tableToGrid({ ...t, cells });
    for (let r = t.headerRows; r < t.nRows; r++) {
      const cell = grid[r]![c];
      if (!cell || cell.row !== r || cell.col !== c || !cell.text || cell.role !== 'stub' || cell.colSpan > 1) continue;
      const absorbed = new Set<string>();
      let end = r + cell.rowSpan;
      // Only rows in the same group on the left (the same cell, or a span, covers column < c in both rows).
      const sameLeft = (row: number) => grid[row]!.slice(0, c).every((x, k) => x === grid[r]![k]);
      for (; end < t.nRows; end++) {
        if (!sameLeft(end)) break;
        const next = grid[end]![c];
        if (next && next.row === end && next.text && next.role === 'stub' && next.colSpan === 1) {
          // The same label again below a group that already spans blank rows (a page break repeated it): one
          // group. Two labelled rows that merely say the same thing (`設置`, `設置`) stay two cells.
          if (textKey(next.text) !== textKey(cell.text) || absorbed.size === 0) break;
          absorbed.add(`${end},${c}`);
          end += next.rowSpan - 1;
          continue;
        }
        if (!blankAt(grid, end, c) || grid[end]!.some((x) => x?.role === 'note')) break;
        const label = nextText(grid, end, c);
        if (!label || !isLabel(label) || TOTAL.test(label.replace(/\s+/g, ''))) break;
        absorbed.add(`${end},${c}`);
      }
      if (absorbed.size === 0) continue;
      const grown = { ...cell, rowSpan: end - r };
      cells = regrow(cells, cell, grown, absorbed);
      changed = true;
      r = end - 1;
    }
  }
  return changed ? withRepair(t, 'fillStubSpans', { cells: sortCells(cells) }) : t;
}
