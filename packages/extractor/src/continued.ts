/**
 * joinContinuedTables: a table that runs over a page break comes out as two tables, the second starting with a
 * copy of the first one's header rows (the page header). Two tables next to each other in the document (nothing
 * but blank lines between them), read the same way, as wide as each other, the second opening with the first
 * one's header rows cell for cell (compared without spaces, after NFKC), are one table: the second's rows,
 * without the copied header, are appended to the first. Page furniture between them (a page number line, a
 * short line repeated on every page) goes with the page break. Embedded tables and tables holding embedded ones are
 * never joined. The joined table records `joinContinuedTables`; row issues of the second table move with its rows.
 * A linearized table's rows after a page break come without a header (`continuesHeadless`): joined when a page
 * number stands between them.
 */
import type { Table } from '@shiryo/model';
import { editDistance } from '@shiryo/model';
import type { DocItem, TableItem } from './draft.js';
import { sortCells } from './draft.js';
import { detectHeaderRows } from './repairs/header.js';
import { rowKeys } from './repairs/repeated.js';

const sameRow = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Does `next` continue `t`: same method and width, and `t`'s header rows at its top? */
export function continuesTable(t: Table, next: Table): boolean {
  const h = t.headerRows;
  if (h === 0 || t.method !== next.method || t.nCols !== next.nCols || next.nRows <= h) return false;
  const a = rowKeys(t).slice(0, h);
  const b = rowKeys(next).slice(0, h);
  if (a.every((row) => row.filter(Boolean).length < 2)) return false;
  if (a.every((row, i) => sameRow(row, b[i]!))) return true;
  return ocrRead(t) && ocrRead(next) && sameOcrHeader(a, b);
}

/** A table read by OCR: its cells carry the recognition's confidence. */
const ocrRead = (t: Table) => t.cells.some((c) => c.confidence !== undefined);

/**
 * The header rows of two OCR'd tables are one header read twice (a page header repeated over a continuation, read
 * `2022（信和4）年度` on one page and `2022（令和4）年度` on the other, `乖離` as `飛離` and `乗離`): the same cells filled,
 * each pair equal or a glyph in three apart (at least one glyph), and at least half of the filled cells equal.
 */
function sameOcrHeader(a: string[][], b: string[][]): boolean {
  let filled = 0;
  let equal = 0;
  for (const [i, row] of a.entries()) {
    const other = b[i]!;
    if (row.length !== other.length) return false;
    for (const [j, x] of row.entries()) {
      const y = other[j]!;
      if (!x !== !y) return false;
      if (!x) continue;
      filled++;
      if (x === y) equal++;
      else if (editDistance(x, y) > Math.max(1, Math.floor(Math.max([...x].length, [...y].length) / 3))) return false;
    }
  }
  return filled >= 2 && 2 * equal >= filled;
}

/**
 * Does `next` continue `t` without repeating its header: a table whose structure a text export lost (a viewer copy,
 * a fixed-width listing) writes its header once, so the rows after a page break come without it. Read the same way,
 * as wide, `next` with no header row of its own, `t` with one.
 */
export function continuesHeadless(t: Table, next: Table): boolean {
  return (
    (t.method === 'linearized' || t.method === 'aligned') &&
    t.method === next.method &&
    t.headerRows > 0 &&
    next.headerRows === 0 &&
    t.nCols === next.nCols
  );
}

/** `next`'s body rows (below the `copied` header rows it repeats) appended to `t` (cell roles decided again). */
export function appendBody(t: Table, next: Table, copied = t.headerRows): Table {
  const h = copied;
  const offset = t.nRows - h;
  const moved = next.cells.filter((c) => c.row >= h).map((c) => ({ ...c, row: c.row + offset }));
  const joined = detectHeaderRows({ ...t, cells: sortCells([...t.cells, ...moved]), nRows: t.nRows + next.nRows - h });
  const repairs = [...new Set([...t.quality.repairs, ...next.quality.repairs, 'joinContinuedTables'])];
  return { ...joined, quality: { ...joined.quality, repairs } };
}

/** A page number as a text export leaves it on a line of its own: `- 12 -`, `１３`, `P.14`, `3/10`. */
export const PAGE_NUMBER =
  /^[\s\-－―‐−ー~〜]*(?:[PpＰ]\.?\s*)?[0-9０-９]{1,3}(?:\s*[/／]\s*[0-9０-９]{1,3})?[\s\-－―‐−ー~〜]*$/u;

export function joinContinuedTables(items: DocItem[]): DocItem[] {
  const parents = new Set(items.flatMap((i) => (i.kind === 'table' && i.parentKey !== undefined ? [i.parentKey] : [])));
  const joinable = (i: DocItem | undefined): i is TableItem =>
    i?.kind === 'table' && i.parentKey === undefined && !parents.has(i.key);
  // Page furniture of a text export: page numbers, and short lines repeated on every page (the running header).
  const seen = new Map<string, number>();
  for (const i of items) if (i.kind === 'block') seen.set(i.block.text, (seen.get(i.block.text) ?? 0) + 1);
  const furniture = (i: DocItem) =>
    i.kind === 'block' &&
    (PAGE_NUMBER.test(i.block.orig.trim()) || ((seen.get(i.block.text) ?? 0) >= 2 && [...i.block.text].length <= 40));
  const out: DocItem[] = [];
  let pending: DocItem[] = [];
  for (const item of items) {
    // A table cut by a page break: only page furniture between its two parts, which goes with the break.
    if (item.kind === 'block' && furniture(item) && (joinable(out.at(-1)) || pending.length > 0)) {
      pending.push(item);
      continue;
    }
    const last = out.at(-1);
    // (a repeated line alone is no page break: a page number must be among them)
    const broken =
      pending.length === 0 || pending.some((i) => i.kind === 'block' && PAGE_NUMBER.test(i.block.orig.trim()));
    const paged = pending.some((i) => i.kind === 'block' && PAGE_NUMBER.test(i.block.orig.trim()));
    // (two tables that start on the same source line stand side by side — blocks split out of one sheet row —
    // they do not run on one after the other)
    const sideBySide =
      joinable(last) && joinable(item) && last.table.line !== undefined && last.table.line === item.table.line;
    if (
      joinable(last) &&
      joinable(item) &&
      !sideBySide &&
      ((broken && continuesTable(last.table, item.table)) || (paged && continuesHeadless(last.table, item.table)))
    ) {
      const copied = continuesHeadless(last.table, item.table) ? 0 : last.table.headerRows;
      const offset = last.table.nRows - copied;
      out[out.length - 1] = {
        ...last,
        table: appendBody(last.table, item.table, copied),
        issues: [...last.issues, ...item.issues.map((i) => ({ ...i, row: i.row + offset }))],
      };
    } else out.push(...pending, item);
    pending = [];
  }
  out.push(...pending);
  return out;
}
