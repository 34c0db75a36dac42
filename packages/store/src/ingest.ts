import { type ExtractedDocument, type Issue, type NormalizedDocument, ShiryoError, type Table } from '@shiryo/model';
import type Database from 'better-sqlite3';
import type { IngestOptions, IngestResult } from './types.js';

const json = (v: unknown): string => JSON.stringify(v);
const now = (): string => new Date().toISOString();

const SQL = {
  bySha: 'SELECT id, path FROM documents WHERE sha256 = ?',
  byPath: 'SELECT id FROM documents WHERE path = ?',
  deleteDocument: 'DELETE FROM documents WHERE id = ?',
  deleteFailures: 'DELETE FROM issues WHERE document_id IS NULL AND path = ?',
  document: `INSERT INTO documents (sha256, path, media_type, encoding, bytes, title, municipality_code, municipality_name,
      prefecture, plan, plan_period, status, n_pages, n_tables, n_blocks, n_observations, meta, ingested_at)
    VALUES (@sha256, @path, @media_type, @encoding, @bytes, @title, @municipality_code, @municipality_name,
      @prefecture, @plan, @plan_period, @status, @n_pages, @n_tables, @n_blocks, @n_observations, @meta, @ingested_at)`,
  page: `INSERT INTO pages (document_id, page, width, height, rotation, n_spans, n_rulings, needs_ocr, text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  table: `INSERT INTO tables (document_id, table_index, page, seq, line, method, n_rows, n_cols, header_rows, caption,
      unit_hint, parent, quality_score, empty_ratio, repairs, bbox)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  cell: `INSERT INTO cells (table_id, row, col, row_span, col_span, role, text, orig, bbox)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  block: `INSERT INTO blocks (document_id, seq, page, line, kind, level, text, orig)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  observation: `INSERT INTO observations (document_id, municipality_code, municipality_name, prefecture, plan, plan_period,
      section, indicator_id, indicator_label, subgroup, measure, unit, unit_text, period_kind, fiscal_year, period_start,
      period_end, value_kind, value, value_text, qualifier, page, table_index, row, col, confidence, warnings)
    VALUES (@document_id, @municipality_code, @municipality_name, @prefecture, @plan, @plan_period,
      @section, @indicator_id, @indicator_label, @subgroup, @measure, @unit, @unit_text, @period_kind, @fiscal_year,
      @period_start, @period_end, @value_kind, @value, @value_text, @qualifier, @page, @table_index, @row, @col,
      @confidence, @warnings)`,
  issue: `INSERT INTO issues (document_id, path, sha256, code, severity, stage, message, "where", created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;

type Statements = { [K in keyof typeof SQL]: Database.Statement };

/** Prepared once per connection, on first use (a read-only store never prepares them). */
export function prepareIngest(db: Database.Database): Statements {
  return Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Statements;
}

function insertTable(st: Statements, documentId: number, t: Table): void {
  const q = t.quality;
  const r = st.table.run(
    documentId,
    t.index,
    t.page,
    t.seq,
    t.line ?? null,
    t.method,
    t.nRows,
    t.nCols,
    t.headerRows,
    t.caption ?? null,
    t.unitHint ?? null,
    t.parent ?? null,
    q.score,
    q.emptyRatio,
    json(q.repairs),
    t.bbox ? json(t.bbox) : null,
  );
  const tableId = Number(r.lastInsertRowid);
  for (const c of t.cells)
    st.cell.run(tableId, c.row, c.col, c.rowSpan, c.colSpan, c.role, c.text, c.orig, c.bbox ? json(c.bbox) : null);
}

function insertIssues(st: Statements, documentId: number, doc: ExtractedDocument, issues: readonly Issue[]): void {
  const at = now();
  for (const i of issues)
    st.issue.run(documentId, doc.path, doc.sha256, i.code, i.severity, i.stage, i.message, i.where ?? null, at);
}

function writeDocument(st: Statements, doc: ExtractedDocument, norm: NormalizedDocument, opts: IngestOptions): number {
  const issues = [...doc.issues, ...norm.issues];
  const m = norm.municipality;
  const documentId = Number(
    st.document.run({
      sha256: doc.sha256,
      path: doc.path,
      media_type: doc.mediaType,
      encoding: doc.encoding ?? null,
      bytes: doc.bytes,
      title: norm.title,
      municipality_code: m?.code ?? null,
      municipality_name: m?.name ?? null,
      prefecture: m?.prefecture ?? null,
      plan: norm.plan,
      plan_period: norm.planPeriod,
      status: issues.some((i) => i.severity === 'error') ? 'partial' : 'ok',
      n_pages: doc.pages.length,
      n_tables: doc.tables.length,
      n_blocks: doc.blocks.length,
      n_observations: norm.observations.length,
      meta: json(doc.meta ?? {}),
      ingested_at: now(),
    }).lastInsertRowid,
  );
  for (const p of doc.pages)
    st.page.run(
      documentId,
      p.index,
      p.width,
      p.height,
      p.rotation ?? 0,
      p.spans.length,
      p.rulings.length,
      p.needsOcr ? 1 : 0,
      p.lines.join('\n'),
    );
  for (const t of doc.tables) insertTable(st, documentId, t);
  for (const b of doc.blocks)
    st.block.run(documentId, b.seq, b.page, b.line ?? null, b.kind, b.level ?? null, b.text, b.orig);
  const failAt = opts.failAfterObservations;
  const checkpoint = (n: number) => {
    if (n === failAt) throw new Error(`injected failure after ${n} observations`);
  };
  checkpoint(0);
  norm.observations.forEach((o, i) => {
    st.observation.run({ ...o, document_id: documentId, warnings: json(o.warnings) });
    checkpoint(i + 1);
  });
  insertIssues(st, documentId, doc, issues);
  return documentId;
}

type Row = { id: number; path: string };

/**
 * Store one document and its observations in one transaction. Same bytes already stored: nothing is written.
 * Same path, other bytes: the old version (and by cascade everything hanging off it) is replaced.
 * Any failure rolls the whole document back and is rethrown as `STORE_FAILED`.
 */
export function ingestDocument(
  db: Database.Database,
  st: Statements,
  doc: ExtractedDocument,
  norm: NormalizedDocument,
  opts: IngestOptions = {},
): IngestResult {
  const tx = db.transaction((): IngestResult => {
    const atPath = st.byPath.get(doc.path) as Row | undefined;
    const same = st.bySha.get(doc.sha256) as Row | undefined;
    if (same) {
      // The bytes are stored already. If they were stored under another path, a different older version still
      // recorded for this path is stale: drop it so one file is not counted twice.
      if (atPath && atPath.id !== same.id) {
        st.deleteDocument.run(atPath.id);
        return { status: 'replaced', documentId: same.id };
      }
      return { status: 'unchanged', documentId: same.id };
    }
    if (atPath) st.deleteDocument.run(atPath.id);
    const documentId = writeDocument(st, doc, norm, opts);
    st.deleteFailures.run(doc.path);
    opts.beforeCommit?.(db);
    return { status: atPath ? 'replaced' : 'inserted', documentId };
  });
  try {
    return tx.immediate();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ShiryoError('STORE_FAILED', doc.path, reason, { cause: e });
  }
}
