/**
 * A comparison sheet whose tabs were lost after its first rows: a table with the national guideline's column
 * (`国の成果目標概要`) beside the plan terms' columns (`第7期…計画 | 第6期…取組状況`), followed by paragraphs and
 * bullets that are the rest of its rows, each column's lines one after another. Under a row number (`③-2 …`,
 * `④…`) the national column's lines come first, then each plan column's, and every plan column states its values
 * after its own kind marker (`【目標値】`). So, in those blocks:
 *   - values before the row's first marker are the national guideline's, not the city's: they are skipped (as the
 *     national column of the table is);
 *   - the k-th marker under a row opens the k-th plan column: its values take that plan's term.
 * The sheet ends at the next table or a heading that is not a row number (`第3章`, `(2)`, `# …`).
 */
import type { Block, ExtractedDocument, FiscalPeriod, Table } from '@shiryo/model';
import { tableToGrid } from '@shiryo/model';
import { parseColumnHeader } from './period/index.js';

export interface SheetColumn {
  /** The block is the national guideline's text: its numbers are not the city's. */
  national: boolean;
  /** The plan term of the column the block belongs to. */
  period: FiscalPeriod | null;
}

const NATIONAL = /国の|基本指針/u;
const MARKER = /【[^】]*(?:目標|月標|日標|実績|見込)[^】]*】/u;
const ROW_START = /^\s*[①-⑳]/u;
const OTHER_HEADING = /^\s*(?:#|第\s*\d+\s*[章節部編]|\d{1,2}[\s.．]|[(（]\d{1,2}[)）]|\d{1,2}[)）])/u;

/** The national column and the plan-term columns of a sheet's header, or null when the table is not such a sheet. */
function sheetHeader(t: Table): FiscalPeriod[] | null {
  const header = tableToGrid(t)[0] ?? [];
  let national = false;
  const plans: FiscalPeriod[] = [];
  for (const cell of header) {
    const text = cell?.text ?? '';
    if (NATIONAL.test(text)) national = true;
    else {
      const p = parseColumnHeader(text).period;
      if (p?.kind === 'plan_term') plans.push(p);
    }
  }
  return national && plans.length > 0 ? plans : null;
}

/** For each block (by seq) that continues a comparison sheet: which column it belongs to. */
export function sheetContinuations(doc: ExtractedDocument): Map<number, SheetColumn> {
  const out = new Map<number, SheetColumn>();
  const items = [
    ...doc.blocks.map((b) => ({ seq: b.seq, block: b as Block | undefined, table: undefined as Table | undefined })),
    ...doc.tables.map((t) => ({ seq: t.seq, block: undefined, table: t })),
  ].sort((a, b) => a.seq - b.seq);
  let plans: FiscalPeriod[] | null = null;
  let markers = 0;
  for (const it of items) {
    if (it.table) {
      plans = sheetHeader(it.table);
      markers = 0;
      continue;
    }
    const b = it.block!;
    if (!plans) continue;
    const text = b.text.trim();
    if (ROW_START.test(text)) markers = 0;
    else if (b.kind === 'heading' && OTHER_HEADING.test(b.orig)) {
      plans = null;
      continue;
    }
    if (MARKER.test(text.replace(/\s+/gu, ''))) markers++; // `【月 標】`: OCR keeps a space inside
    out.set(b.seq, {
      national: markers === 0,
      period: markers > 0 ? (plans[Math.min(markers, plans.length) - 1] ?? null) : null,
    });
  }
  return out;
}
