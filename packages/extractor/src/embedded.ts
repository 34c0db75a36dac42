/**
 * HTML tables inside a TSV cell (converters of PDF "management sheets" do this), and the flattened copy of
 * those tables that the same converter writes after them.
 *
 * The cell `<p>【目標】</p> <p>①…</p> <table>…</table> <p>【実績値】</p> <table>…</table>` gives:
 *   - the outer cell's text: the text outside the tables (`【目標】 ①… 【実績値】`);
 *   - per inner table, the texts before it as caption blocks, then the table (method `html`, caption = the
 *     nearest preceding text, parent = the outer TSV table);
 *   - the cells of every inner table, for recognising the flattened duplicate.
 */
import type { BlockItem, KeySource, TableItem } from './draft.js';
import { htmlToPieces } from './html.js';
import { textKey } from './text.js';

export interface Embedded {
  /** Column of the cell in its TSV row. */
  col: number;
  /** The cell's own text: everything outside the inner tables. */
  text: string;
  /** Caption blocks and inner tables, in order. */
  pieces: (BlockItem | TableItem)[];
  /** Keys of the non-empty cells of every inner table, in reading order. */
  flatCells: string[];
  /** Per inner-table row, the keys of the non-empty cells that start in that row. */
  innerRows: string[][];
}

export function readEmbeddedHtml(cell: string, col: number, line: number, keys: KeySource): Embedded {
  const parsed = htmlToPieces(cell, keys, line);
  const pieces: (BlockItem | TableItem)[] = [];
  const texts: string[] = [];
  const flatCells: string[] = [];
  const innerRows: string[][] = [];
  let lastText: string | null = null;
  const lastTableAt = parsed.map((p) => p.kind).lastIndexOf('table');
  parsed.forEach((p, i) => {
    if (p.kind === 'text') {
      texts.push(p.text);
      lastText = p.text;
      const kind = i < lastTableAt ? 'caption' : 'paragraph';
      pieces.push({ kind: 'block', block: { kind, text: p.text, orig: p.orig, line } });
      return;
    }
    const table = { ...p.table };
    if (!table.caption && lastText && p.parentKey === undefined) table.caption = lastText;
    const item: TableItem = { kind: 'table', key: p.key, table, issues: p.issues };
    if (p.parentKey !== undefined) item.parentKey = p.parentKey;
    pieces.push(item);
    const rows: string[][] = Array.from({ length: table.nRows }, () => []);
    for (const c of table.cells) {
      const k = textKey(c.text);
      if (!k) continue;
      flatCells.push(k);
      rows[c.row]?.push(k);
    }
    innerRows.push(...rows.filter((r) => r.length > 0));
  });
  return { col, text: texts.join(' '), pieces, flatCells, innerRows };
}

/** The rows of a TSV run, as `tsv.ts` reads them. */
interface RowLike {
  cells: string[];
  embedded: Embedded[];
}

const LOOKAHEAD = 4;

/** Blank the cells right after an HTML cell that repeat the inner tables' cells in order. */
function dropTrailingCopy(row: RowLike, e: Embedded): boolean {
  let p = 0;
  let lastDropped = -1;
  for (let k = e.col + 1; k < row.cells.length; k++) {
    if (row.embedded.some((x) => x.col === k)) break;
    const key = textKey(row.cells[k]!);
    if (!key) continue;
    const idx = e.flatCells.slice(p, p + LOOKAHEAD).indexOf(key);
    if (idx < 0) break;
    p += idx + 1;
    lastDropped = k;
  }
  for (let k = e.col + 1; k <= lastDropped; k++) row.cells[k] = '';
  return lastDropped >= 0;
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * dropFlattenedDuplicate: after a row whose cells embed HTML tables, the converter repeats those tables
 * flattened — in the rest of the same row and as the following lines (one line per inner-table row, shifted
 * by the rowspans). Blanks the same-row copy and removes the copied lines; keeps everything else.
 */
export function dropFlattenedDuplicate<R extends RowLike>(rows: R[]): { rows: R[]; dropped: boolean } {
  const out: R[] = [];
  let dropped = false;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.embedded.length === 0) {
      out.push(row);
      continue;
    }
    const copy = { ...row, cells: [...row.cells] };
    for (const e of row.embedded) if (dropTrailingCopy(copy, e)) dropped = true;
    out.push(copy);
    const innerRows = row.embedded.flatMap((e) => e.innerRows);
    let p = 0;
    let j = i + 1;
    for (; j < rows.length && rows[j]!.embedded.length === 0; j++) {
      const keys = rows[j]!.cells.map(textKey).filter(Boolean);
      if (keys.length === 0) continue;
      const idx = innerRows.slice(p).findIndex((r) => sameKeys(r, keys));
      if (idx < 0) break;
      p += idx + 1;
      dropped = true;
    }
    i = j - 1;
  }
  return { rows: out, dropped };
}
