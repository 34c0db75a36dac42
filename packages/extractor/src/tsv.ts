/**
 * TSV runs → tables. Consecutive lines holding a tab form one table. A cell with HTML markup is read as HTML:
 * `<p>`/`<ul>` give the cell its text; a `<table>` gives its own tables (see embedded.ts).
 */
import type { Table } from '@shiryo/model';
import type { SourceLine } from './blocks.js';
import type { DocItem, KeySource, RawCell, RowIssue, TableItem } from './draft.js';
import { tableFromRows } from './draft.js';
import { dropFlattenedDuplicate, type Embedded, readEmbeddedHtml } from './embedded.js';
import { htmlFragmentText } from './html.js';
import { MAX_TABLE_COLS } from './limits.js';
import { applyRepairs, SHAPE_REPAIRS, splitSideBySideTables } from './repairs/index.js';

const HAS_TAG = /<\/?(?:p|ul|ol|li|br|div|span|b|strong|em|i|u|font|sup|sub|a|table|tr|td|th)\b[^>]*>/i;
const HAS_TABLE = /<table[\s>]/i;

function tabsIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\t'); i >= 0; i = text.indexOf('\t', i + 1)) n++;
  return n;
}

/** A table wider than MAX_TABLE_COLS keeps its first columns; reported on its first row. */
export function tooWide(nCols: number): RowIssue {
  return {
    code: 'TABLE_TOO_WIDE',
    severity: 'warn',
    message: `a table of ${nCols} columns (over ${MAX_TABLE_COLS}): only its first ${MAX_TABLE_COLS} columns are read`,
    row: 0,
  };
}

/** One TSV row as read: its cells, and the HTML read from cells holding a `<table>`. */
export interface TsvRow {
  line: number;
  cells: string[];
  embedded: Embedded[];
}

/** Split a run of tab lines into rows, reading cells that hold an HTML table. */
function readRows(run: SourceLine[], keys: KeySource): TsvRow[] {
  return run.map(({ text, line }) => {
    const cells = text.split('\t', MAX_TABLE_COLS);
    const embedded: Embedded[] = [];
    cells.forEach((cell, col) => {
      if (HAS_TABLE.test(cell)) embedded.push(readEmbeddedHtml(cell, col, line, keys));
    });
    return { line, cells, embedded };
  });
}

function rawCell(orig: string, row: TsvRow, col: number): RawCell {
  const e = row.embedded.find((x) => x.col === col);
  if (e) return { orig, text: e.text };
  if (HAS_TAG.test(orig)) return { orig, text: htmlFragmentText(orig) };
  return { orig };
}

/**
 * A run of tab-separated lines → the TSV table, then the side-by-side blocks split out of it (children of the
 * TSV table), then the tables embedded in its cells (each after the caption blocks that precede it in the cell).
 */
export function readTsvRun(run: SourceLine[], keys: KeySource): DocItem[] {
  const read = readRows(run, keys);
  const widest = run.reduce((w, l) => Math.max(w, tabsIn(l.text) + 1), 0);
  const { rows, dropped } = dropFlattenedDuplicate(read);
  const grid = rows.map((row) => row.cells.map((orig, col) => rawCell(orig, row, col)));
  let table: Table = tableFromRows(grid, 'tsv', run[0]!.line);
  if (dropped) table = { ...table, quality: { ...table.quality, repairs: ['dropFlattenedDuplicate'] } };
  const split = splitSideBySideTables(table);
  const blocks = (split?.blocks ?? []).map((b) => applyRepairs({ ...b.table, line: rows[b.row]!.line }, SHAPE_REPAIRS));
  table = applyRepairs(split?.outer ?? table, SHAPE_REPAIRS);
  // (an outer table left empty once its cells' HTML tables and their flattened copy are read still has them)
  if (blocks.length === 0 && table.cells.every((c) => !c.text) && rows.every((r) => r.embedded.length === 0)) return [];
  const items: DocItem[] = [];
  let outerKey: number | undefined;
  if (table.cells.some((c) => c.text)) {
    const outer: TableItem = { kind: 'table', key: keys(), table, issues: [] };
    if (widest > MAX_TABLE_COLS) outer.issues.push(tooWide(widest));
    outerKey = outer.key;
    items.push(outer);
  }
  for (const block of blocks) {
    const item: TableItem = { kind: 'table', key: keys(), table: block, issues: [] };
    if (outerKey !== undefined) item.parentKey = outerKey;
    items.push(item);
  }
  for (const row of rows) {
    for (const e of row.embedded) {
      for (const piece of e.pieces) {
        if (piece.kind === 'block') items.push(piece);
        else
          items.push(
            piece.parentKey === undefined && outerKey !== undefined ? { ...piece, parentKey: outerKey } : piece,
          );
      }
    }
  }
  return items;
}
