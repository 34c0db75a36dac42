/** Small readers over extracted tables, for assertions. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ExtractedDocument, isShiryoError, type ShiryoError, type Table, type TextSpan } from '@shiryo/model';
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

/**
 * A table from rows of texts (one cell per position, text = orig, role body), for repair unit tests.
 * `headerRows` marks the leading rows as header; `stubCols` marks the leading body columns as stub.
 */
export function gridTable(rows: string[][], opts: { headerRows?: number; stubCols?: number } = {}): Table {
  const headerRows = opts.headerRows ?? 0;
  const stubCols = opts.stubCols ?? 0;
  const nCols = Math.max(...rows.map((r) => r.length));
  return {
    page: 1,
    index: 0,
    seq: 0,
    method: 'tsv',
    cells: rows.flatMap((row, r) =>
      Array.from({ length: nCols }, (_, c) => {
        const text = row[c] ?? '';
        const role = r < headerRows ? 'header' : c < stubCols ? 'stub' : 'body';
        return { row: r, col: c, rowSpan: 1, colSpan: 1, text, orig: text, role } as const;
      }),
    ),
    nRows: rows.length,
    nCols,
    headerRows,
    quality: { score: 0, emptyRatio: 0, repairs: [] },
  };
}

/** The grid of texts (a merged cell's text at every position it covers, '' where no cell). */
export function texts(t: Table): string[][] {
  return tableToGrid(t).map((row) => row.map((c) => c?.text ?? ''));
}

/** Merged cells as `r,c rowSpan×colSpan`. */
export function spans(t: Table): string[] {
  return t.cells
    .filter((c) => c.rowSpan > 1 || c.colSpan > 1)
    .map((c) => `${c.row},${c.col} ${c.rowSpan}x${c.colSpan}`);
}

/** A scratch folder for one test file, and a writer of files into it (returning the path). */
export function scratchFiles(prefix: string): {
  dir: string;
  file: (name: string, bytes: Uint8Array | string) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = (name: string, bytes: Uint8Array | string) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  return { dir, file };
}

/** The ShiryoError a promise rejects with (any other outcome fails the test). */
export async function failure(p: Promise<unknown>): Promise<ShiryoError> {
  try {
    await p;
  } catch (e) {
    if (isShiryoError(e)) return e;
    throw e;
  }
  throw new Error('expected a ShiryoError');
}

/** A horizontal PDF span with its box (top-left coordinates); size defaults to 10, the box as high as the size. */
export function pdfSpan(text: string, x0: number, y0: number, x1: number, size = 10): TextSpan {
  return { text, orig: text, bbox: { x0, y0, x1, y1: y0 + size }, dir: 'h', size, origin: 'pdf', confidence: 1 };
}
