import {
  canonicalMeasure,
  canonicalSubgroup,
  type ExtractedDocument,
  type Issue,
  type NormalizedDocument,
  type Observation,
  ShiryoError,
  type Table,
} from '@shiryo/model';
import type Database from 'better-sqlite3';
import { RESTATEMENTS } from './migrations/009_restatements.js';
import { PLAN_VS_ACTUAL_DIRTY, PLAN_VS_ACTUAL_MARK, PLAN_VS_ACTUAL_REFRESH } from './migrations/011_summaries.js';
import { DOUBTED_CLEAR, DOUBTED_COUNT } from './migrations/013_doubted.js';
import { indexDocument } from './search.js';
import type { IngestOptions, IngestResult } from './types.js';

const json = (v: unknown): string => JSON.stringify(v);
const now = (): string => new Date().toISOString();

const DOCUMENT_COLUMNS = `media_type = @media_type, encoding = @encoding, bytes = @bytes, title = @title,
  municipality_code = @municipality_code, municipality_name = @municipality_name, prefecture = @prefecture,
  municipality_source = @municipality_source, plan = @plan, plan_period = @plan_period, plan_source = @plan_source,
  document_date = @document_date, status = @status, n_pages = @n_pages, n_tables = @n_tables, n_blocks = @n_blocks,
  n_observations = @n_observations, meta = @meta, ingested_at = @ingested_at`;

/** The stored columns of an observation, each with how it is read: the INSERT and its arguments are built from this
 * one list, so a new column cannot be bound in the wrong place. (Positional parameters: binding 29 named ones from a
 * spread object took half the time of a load.) */
const OBSERVATION_COLUMNS: ReadonlyArray<readonly [string, (o: Observation, documentId: number) => unknown]> = [
  ['document_id', (_, id) => id],
  ['municipality_code', (o) => o.municipality_code],
  ['municipality_name', (o) => o.municipality_name],
  ['prefecture', (o) => o.prefecture],
  ['plan', (o) => o.plan],
  ['plan_period', (o) => o.plan_period],
  ['section', (o) => o.section],
  ['indicator_id', (o) => o.indicator_id],
  ['indicator_label', (o) => o.indicator_label],
  ['subgroup', (o) => o.subgroup],
  ['measure', (o) => o.measure],
  ['unit', (o) => o.unit],
  ['unit_text', (o) => o.unit_text],
  ['period_kind', (o) => o.period_kind],
  ['fiscal_year', (o) => o.fiscal_year],
  ['period_start', (o) => o.period_start],
  ['period_end', (o) => o.period_end],
  ['value_kind', (o) => o.value_kind],
  ['value', (o) => o.value],
  ['value_text', (o) => o.value_text],
  ['qualifier', (o) => o.qualifier],
  ['page', (o) => o.page],
  ['table_index', (o) => o.table_index],
  ['row', (o) => o.row],
  ['col', (o) => o.col],
  ['confidence', (o) => o.confidence],
  ['warnings', (o) => (o.warnings.length ? json(o.warnings) : '[]')],
  ['rules', (o) => (o.rules?.length ? json(o.rules) : '[]')],
  ['subset_of_kind', (o) => (o.value_kind === 'subset' ? (o.subset_of_kind ?? null) : null)],
  ['subgroup_canonical', (o) => canonicalSubgroup(o.subgroup)],
  ['measure_canonical', (o) => canonicalMeasure(o.measure, o.unit)],
];

const observationRow = (documentId: number, o: Observation): unknown[] =>
  OBSERVATION_COLUMNS.map(([, read]) => read(o, documentId));

const SQL = {
  bySha: `SELECT id, path, municipality_code, municipality_source, plan, plan_period, plan_source, document_date
    FROM documents WHERE sha256 = ?`,
  // (a path is in document_paths since schema 3; documents.path is always one of them)
  pathOwner: `SELECT document_id AS id FROM document_paths WHERE path = ?
    UNION SELECT id FROM documents WHERE path = ?`,
  deleteDocument: 'DELETE FROM documents WHERE id = ?',
  deleteFailures: 'DELETE FROM issues WHERE document_id IS NULL AND path = ?',
  document: `INSERT INTO documents (sha256, path, media_type, encoding, bytes, title, municipality_code, municipality_name,
      prefecture, municipality_source, plan, plan_period, plan_source, document_date, status, n_pages, n_tables,
      n_blocks, n_observations, meta, ingested_at)
    VALUES (@sha256, @path, @media_type, @encoding, @bytes, @title, @municipality_code, @municipality_name,
      @prefecture, @municipality_source, @plan, @plan_period, @plan_source, @document_date, @status, @n_pages,
      @n_tables, @n_blocks, @n_observations, @meta, @ingested_at)`,
  updateDocument: `UPDATE documents SET ${DOCUMENT_COLUMNS} WHERE id = @id`,
  deletePages: 'DELETE FROM pages WHERE document_id = ?',
  deleteTables: 'DELETE FROM tables WHERE document_id = ?',
  deleteBlocks: 'DELETE FROM blocks WHERE document_id = ?',
  deleteObservations: 'DELETE FROM observations WHERE document_id = ?',
  deleteIssues: 'DELETE FROM issues WHERE document_id = ?',
  deleteSearch: 'DELETE FROM search_items WHERE document_id = ?',
  // (@known 0: the caller did not read the path's municipality; a path's city depends on the path alone, so the
  // one recorded stays)
  upsertPath: `INSERT INTO document_paths (path, document_id, municipality_code, seen_at) VALUES (@path, @id, @code, @at)
    ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id,
      municipality_code = CASE WHEN @known THEN excluded.municipality_code ELSE municipality_code END,
      seen_at = CASE WHEN document_id = excluded.document_id THEN seen_at ELSE excluded.seen_at END
    WHERE document_id IS NOT excluded.document_id OR (@known AND municipality_code IS NOT excluded.municipality_code)`,
  deletePath: 'DELETE FROM document_paths WHERE path = ?',
  otherPath: 'SELECT path FROM document_paths WHERE document_id = ? ORDER BY seen_at, rowid LIMIT 1',
  movePrimaryPath: 'UPDATE documents SET path = ? WHERE id = ? AND path = ?',
  page: `INSERT INTO pages (document_id, page, width, height, rotation, n_spans, n_rulings, needs_ocr, text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  table: `INSERT INTO tables (document_id, table_index, page, seq, line, method, n_rows, n_cols, header_rows, caption,
      unit_hint, parent, quality_score, empty_ratio, repairs, bbox)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  cell: `INSERT INTO cells (table_id, row, col, row_span, col_span, role, text, orig, bbox)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  block: `INSERT INTO blocks (document_id, seq, page, line, kind, level, text, orig)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  observation: `INSERT INTO observations (${OBSERVATION_COLUMNS.map(([name]) => name).join(', ')})
    VALUES (${OBSERVATION_COLUMNS.map(() => '?').join(', ')})`,
  restatements: RESTATEMENTS,
  markGroups: PLAN_VS_ACTUAL_MARK,
  clearDoubted: DOUBTED_CLEAR,
  countDoubted: DOUBTED_COUNT,
  issue: `INSERT INTO issues (document_id, path, sha256, code, severity, stage, message, "where", created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;

type Statements = { [K in keyof typeof SQL]: Database.Statement } & {
  /** Rebuild the `plan_vs_actual_groups` of the city × indicator keys the transaction marked (migration 011). */
  refreshGroups: () => void;
};

/** Prepared once per connection, on first use (a read-only store never prepares them). */
export function prepareIngest(db: Database.Database): Statements {
  db.exec(PLAN_VS_ACTUAL_DIRTY);
  const refresh = PLAN_VS_ACTUAL_REFRESH.map((sql) => db.prepare(sql));
  const st = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as {
    [K in keyof typeof SQL]: Database.Statement;
  };
  return {
    ...st,
    refreshGroups: () => {
      for (const r of refresh) r.run();
    },
  };
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

/** The `documents` columns of one reading of a document. */
function documentRow(doc: ExtractedDocument, norm: NormalizedDocument, opts: IngestOptions) {
  const issues = [...doc.issues, ...norm.issues];
  const m = norm.municipality;
  return {
    media_type: doc.mediaType,
    encoding: doc.encoding ?? null,
    bytes: doc.bytes,
    title: norm.title,
    municipality_code: m?.code ?? null,
    municipality_name: m?.name ?? null,
    prefecture: m?.prefecture ?? null,
    municipality_source: m ? (norm.municipalitySource ?? null) : null,
    plan: norm.plan,
    plan_period: norm.planPeriod,
    plan_source: norm.plan ? (opts.planGiven ? 'manifest' : 'text') : null,
    document_date: opts.documentDate ?? null,
    status: issues.some((i) => i.severity === 'error') ? 'partial' : 'ok',
    n_pages: doc.pages.length,
    n_tables: doc.tables.length,
    n_blocks: doc.blocks.length,
    n_observations: norm.observations.length,
    meta: json(doc.meta ?? {}),
    ingested_at: now(),
  };
}

/** Pages, tables and cells, blocks, observations and issues of a document row already written. */
function insertContents(
  st: Statements,
  documentId: number,
  doc: ExtractedDocument,
  norm: NormalizedDocument,
  opts: IngestOptions,
): void {
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
  const insert = st.observation;
  norm.observations.forEach((o, i) => {
    insert.run(observationRow(documentId, o));
    checkpoint(i + 1);
  });
  if (norm.observations.length > 1) st.restatements.run(documentId);
  st.markGroups.run(documentId);
  st.clearDoubted.run(documentId);
  st.countDoubted.run(documentId);
  indexDocument(st.page.database, documentId);
  insertIssues(st, documentId, doc, [...doc.issues, ...norm.issues]);
}

/** A stored document read anew in place: same id and paths, every derived row replaced. */
function rewriteDocument(
  st: Statements,
  documentId: number,
  doc: ExtractedDocument,
  norm: NormalizedDocument,
  opts: IngestOptions,
): void {
  st.markGroups.run(documentId);
  for (const del of [
    st.deletePages,
    st.deleteTables,
    st.deleteBlocks,
    st.deleteObservations,
    st.deleteIssues,
    st.deleteSearch,
  ])
    del.run(documentId);
  st.updateDocument.run({ ...documentRow(doc, norm, opts), id: documentId });
  insertContents(st, documentId, doc, norm, opts);
}

type Stored = {
  id: number;
  path: string;
  municipality_code: string | null;
  municipality_source: string | null;
  plan: string | null;
  plan_period: string | null;
  plan_source: string | null;
  document_date: string | null;
};

/** The facts a re-ingest may change without new bytes: the city and its source, the plan, the date. */
function metadataDiffers(stored: Stored, row: ReturnType<typeof documentRow>): boolean {
  const keys = [
    'municipality_code',
    'municipality_source',
    'plan',
    'plan_period',
    'plan_source',
    'document_date',
  ] as const;
  return keys.some((k) => stored[k] !== row[k]);
}

/**
 * `path` no longer shows the document `id` (other bytes are there now): forget that sighting. A document seen
 * nowhere else is a stale version and is dropped (with everything hanging off it); one seen at other paths
 * stays, its first remaining path becoming its `documents.path`. True when it was dropped.
 */
function detachPath(st: Statements, id: number, path: string): boolean {
  st.deletePath.run(path);
  const other = st.otherPath.pluck().get(id) as string | undefined;
  if (other === undefined) {
    st.markGroups.run(id);
    st.deleteDocument.run(id);
    return true;
  }
  st.movePrimaryPath.run(other, id, path);
  return false;
}

function upsertPath(st: Statements, path: string, id: number, code: string | null | undefined): void {
  st.upsertPath.run({ path, id, code: code ?? null, known: code === undefined ? 0 : 1, at: now() });
}

/**
 * Store one document and its observations in one transaction. A document is its bytes; every path it is seen at
 * is recorded in `document_paths` (with the municipality the path names).
 * - New bytes: inserted. Other bytes were at this path: that version is replaced (or, when it was seen at other
 *   paths too, only loses this path).
 * - Bytes already stored: nothing is rewritten unless this reading's metadata differ (municipality, its source,
 *   plan, date: `updated`, in place, observations included) or `opts.force` (re-extraction).
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
    const same = st.bySha.get(doc.sha256) as Stored | undefined;
    const owner = st.pathOwner.get(doc.path, doc.path) as { id: number } | undefined;
    const other = owner && owner.id !== same?.id ? owner : undefined;
    if (other) detachPath(st, other.id, doc.path);
    const row = documentRow(doc, norm, opts);
    let documentId: number;
    let status: IngestResult['status'];
    if (same) {
      documentId = same.id;
      const changed = opts.force === true || metadataDiffers(same, row);
      if (changed) rewriteDocument(st, same.id, doc, norm, opts);
      status = changed ? 'updated' : other ? 'replaced' : 'unchanged';
    } else {
      documentId = Number(st.document.run({ ...row, sha256: doc.sha256, path: doc.path }).lastInsertRowid);
      insertContents(st, documentId, doc, norm, opts);
      status = other ? 'replaced' : 'inserted';
    }
    upsertPath(st, doc.path, documentId, opts.pathMunicipalityCode);
    st.deleteFailures.run(doc.path);
    st.refreshGroups();
    opts.beforeCommit?.(db);
    return { status, documentId };
  });
  try {
    return tx.immediate();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ShiryoError('STORE_FAILED', doc.path, reason, { cause: e });
  }
}

/** One document for `bulkLoad`: as `ingestDocument` takes it. */
export interface BulkItem {
  doc: ExtractedDocument;
  norm: NormalizedDocument;
  opts?: IngestOptions;
}

/**
 * Store many documents none of which is stored yet (neither its bytes nor its path), the rows `ingestDocument` of
 * each in turn would write (the same ids, observations, restatements, paths, search items and
 * `plan_vs_actual_groups`; only the times differ), but fast: the documents go in transactions of about
 * `batchRows` observations each, the observations' query indexes (all but `observations_document`, which the
 * per-document steps read) are dropped while they load and created again at the end, and the groups of every
 * city × indicator touched are built once, after the last document, instead of once per document. Meant for
 * building a new database at once (scripts/bench-national.mjs); while it runs, readers of the file see it without
 * those indexes. A document already stored, or any failure, throws `STORE_FAILED` after the indexes are back and the
 * groups of the documents already committed are built: those documents stay stored, the failing batch does not.
 * Returns how many documents and observations were stored.
 */
export function bulkLoad(
  db: Database.Database,
  st: Statements,
  items: Iterable<BulkItem>,
  batchRows = 200_000,
): { documents: number; observations: number } {
  const deferred = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL
        AND name <> 'observations_document' ORDER BY name`,
    )
    .all() as { name: string; sql: string }[];
  let documents = 0;
  let observations = 0;
  let path = '';
  const insertOne = ({ doc, norm, opts = {} }: BulkItem) => {
    path = doc.path;
    if (st.bySha.get(doc.sha256) || st.pathOwner.get(doc.path, doc.path))
      throw new Error('bulkLoad takes only documents not stored yet (neither their bytes nor their path)');
    const row = documentRow(doc, norm, opts);
    const documentId = Number(st.document.run({ ...row, sha256: doc.sha256, path: doc.path }).lastInsertRowid);
    insertContents(st, documentId, doc, norm, opts);
    upsertPath(st, doc.path, documentId, opts.pathMunicipalityCode);
    st.deleteFailures.run(doc.path);
  };
  const commit = db.transaction((batch: BulkItem[]) => {
    for (const item of batch) insertOne(item);
  });
  try {
    db.transaction(() => {
      for (const { name } of deferred) db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
    }).immediate();
    let batch: BulkItem[] = [];
    let rows = 0;
    const flush = () => {
      commit.immediate(batch);
      documents += batch.length;
      observations += rows;
      batch = [];
      rows = 0;
    };
    for (const item of items) {
      batch.push(item);
      rows += item.norm.observations.length;
      if (rows >= batchRows) flush();
    }
    path = '';
    if (batch.length) flush();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ShiryoError('STORE_FAILED', path || db.name, reason, { cause: e });
  } finally {
    // (the municipality index first: the groups' rebuild reads the observations of each city × indicator by it)
    db.transaction(() => {
      const first = (x: { name: string }) => (x.name === 'observations_municipality' ? 0 : 1);
      for (const { sql } of [...deferred].sort((x, y) => first(x) - first(y)))
        db.exec(sql.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
      st.refreshGroups();
    }).immediate();
  }
  return { documents, observations };
}

/**
 * The document with these bytes is stored and was seen at `path` again, not read anew: record the path (and the
 * municipality it names). Null when the bytes are not stored. `replaced` when other bytes were stored at this path.
 */
export function recordPath(
  db: Database.Database,
  st: Statements,
  sha256: string,
  path: string,
  pathMunicipalityCode?: string | null,
): IngestResult | null {
  const tx = db.transaction((): IngestResult | null => {
    const same = st.bySha.get(sha256) as Stored | undefined;
    if (!same) return null;
    const owner = st.pathOwner.get(path, path) as { id: number } | undefined;
    const other = owner && owner.id !== same.id ? owner : undefined;
    if (other) detachPath(st, other.id, path);
    upsertPath(st, path, same.id, pathMunicipalityCode);
    st.deleteFailures.run(path);
    st.refreshGroups();
    return { status: other ? 'replaced' : 'unchanged', documentId: same.id };
  });
  try {
    return tx.immediate();
  } catch (e) {
    throw new ShiryoError('STORE_FAILED', path, e instanceof Error ? e.message : String(e), { cause: e });
  }
}
