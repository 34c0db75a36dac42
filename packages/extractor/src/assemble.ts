/**
 * Document items → ExtractedDocument: text repairs on every table, tables continued over a page break joined,
 * span repairs and scores, table indexes, one `seq` counter shared by tables and blocks, parents resolved, row
 * issues placed (`table N row R`), and the tables the repairs could not recover reported (TABLE_UNRECOVERED) with
 * the cells whose text order is unknown (TEXT_ORDER_UNKNOWN).
 */
import type { Block, ExtractedDocument, Issue, MediaType, Table } from '@shiryo/model';
import { joinContinuedTables } from './continued.js';
import type { DocIssue, DocItem } from './draft.js';
import {
  applyRepairs,
  SPAN_REPAIRS,
  scoreTable,
  scrambledCells,
  TEXT_REPAIRS,
  unrecoveredReasons,
} from './repairs/index.js';

export interface DocumentBase {
  sha256: string;
  path: string;
  mediaType: MediaType;
  encoding?: string;
  bytes: number;
  lines: string[];
  meta?: Record<string, string>;
  issues?: DocIssue[];
}

/** `(人)`, `(件/年)`, `(人・世帯)`, `(%)`: a bracketed unit standing alone. */
const UNIT_ONLY = /^[(（]\s*([^()（）\d]{1,8})\s*[)）]$/;

/** A unit stated for the whole table: a `(人)` line just above it, else a corner cell that is only a unit. */
export function unitHintOf(t: Table, prev: Block | undefined): string | undefined {
  const above = prev && prev.kind === 'paragraph' ? UNIT_ONLY.exec(prev.text) : null;
  if (above) return above[1]!.trim();
  const corner = t.cells.find((c) => c.row === 0 && c.col === 0);
  const m = corner && t.headerRows > 0 ? UNIT_ONLY.exec(corner.text) : null;
  return m ? m[1]!.trim() : undefined;
}

/** What a repaired table still shows: breakages not undone, cells whose text order is unknown. */
function tableIssues(t: Table): Issue[] {
  const out: Issue[] = [];
  const reasons = unrecoveredReasons(t);
  if (reasons.length > 0) {
    out.push({
      code: 'TABLE_UNRECOVERED',
      severity: 'warn',
      stage: 'extract',
      message: `table could not be recovered (${reasons.join('; ')}); score ${t.quality.score}`,
      where: `table ${t.index}`,
    });
  }
  for (const c of scrambledCells(t)) {
    out.push({
      code: 'TEXT_ORDER_UNKNOWN',
      severity: 'warn',
      stage: 'extract',
      message: `scrambled vertical text kept as written: ${c.text.slice(0, 40)}`,
      where: `table ${t.index} r${c.row}c${c.col}`,
    });
  }
  return out;
}

/** A table's score is at most the confidence of the reader that guessed its grid. */
function readerCapped(t: Table, confidence: number | undefined): Table {
  if (confidence === undefined || t.quality.score <= confidence) return t;
  return { ...t, quality: { ...t.quality, score: confidence } };
}

export function assembleDocument(items: DocItem[], base: DocumentBase): ExtractedDocument {
  const tables: Table[] = [];
  const blocks: Block[] = [];
  const issues: Issue[] = (base.issues ?? []).map((i) => ({ ...i, stage: 'extract' }));
  const indexOfKey = new Map<number, number>();
  let seq = 0;
  let prev: Block | undefined;
  const withText = items.map((i) => (i.kind === 'table' ? { ...i, table: applyRepairs(i.table, TEXT_REPAIRS) } : i));
  for (const item of joinContinuedTables(withText)) {
    if (item.kind === 'block') {
      const { kind, text, orig, level, line } = item.block;
      const block: Block = { kind, text, orig, page: 1, seq: seq++ };
      if (level !== undefined) block.level = level;
      if (line !== undefined) block.line = line;
      blocks.push(block);
      prev = block;
      continue;
    }
    if (item.table.nRows === 0 || item.table.nCols === 0 || !item.table.cells.some((c) => c.text)) continue;
    const index = tables.length;
    indexOfKey.set(item.key, index);
    const scored = scoreTable(applyRepairs(item.table, SPAN_REPAIRS));
    const table: Table = { ...readerCapped(scored, item.confidence), index, seq: seq++, page: 1 };
    const parent = item.parentKey === undefined ? undefined : indexOfKey.get(item.parentKey);
    if (parent !== undefined) table.parent = parent;
    const unitHint = table.unitHint ?? unitHintOf(table, prev);
    if (unitHint) table.unitHint = unitHint;
    prev = undefined;
    tables.push(table);
    issues.push(...tableIssues(table));
    for (const ri of item.issues) {
      issues.push({
        code: ri.code,
        severity: ri.severity,
        stage: 'extract',
        message: ri.message,
        where: `table ${index} row ${ri.row}`,
      });
    }
  }
  const doc: ExtractedDocument = {
    sha256: base.sha256,
    path: base.path,
    mediaType: base.mediaType,
    bytes: base.bytes,
    pages: [{ index: 1, width: 0, height: 0, rotation: 0, spans: [], rulings: [], lines: base.lines }],
    tables,
    blocks,
    meta: base.meta ?? {},
    issues,
  };
  if (base.encoding !== undefined) doc.encoding = base.encoding;
  return doc;
}
