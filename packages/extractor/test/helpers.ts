/** Small readers over extracted tables, for assertions. */
import type { ExtractedDocument, Table } from '@shiryo/model';
import { tableToGrid } from '../src/index.js';

/** Texts of the cells that start in row `r`, left to right. */
export function rowTexts(t: Table, r: number): string[] {
  return t.cells.filter((c) => c.row === r).map((c) => c.text);
}

/** Text at grid position r,c (a merged cell's text at every position it covers; null where no cell). */
export function at(t: Table, r: number, c: number): string | null {
  return tableToGrid(t)[r]?.[c]?.text ?? null;
}

/** The cell that starts at r,c. */
export function cellAt(t: Table, r: number, c: number) {
  return t.cells.find((x) => x.row === r && x.col === c);
}

/** The first table after the block whose text is `text` (document order, by seq). */
export function tableAfter(doc: ExtractedDocument, text: string): Table {
  const block = doc.blocks.find((b) => b.text === text);
  if (!block) throw new Error(`no block ${text}`);
  const t = doc.tables.filter((x) => x.seq > block.seq).sort((a, b) => a.seq - b.seq)[0];
  if (!t) throw new Error(`no table after ${text}`);
  return t;
}
