import type { ShiryoError, Stage } from '@shiryo/model';
import type Database from 'better-sqlite3';
import type {
  DocumentWithoutMunicipality,
  IssueFilter,
  IssueRow,
  PlanVsActualFilter,
  PlanVsActualRow,
  PopulationsLoaded,
  StoredDocument,
  StoredIndicator,
  StoreStats,
  SummaryRow,
} from './types.js';

/** Documents, tables and observations per municipality (unknown city last), with where the cities came from. */
export function summary(db: Database.Database): SummaryRow[] {
  const rows = db
    .prepare(`SELECT municipality_code, municipality_name, prefecture, documents, tables, observations
      FROM documents_summary ORDER BY municipality_code IS NULL, municipality_code`)
    .all() as Omit<SummaryRow, 'sources'>[];
  const sources = db
    .prepare(`SELECT municipality_code AS code, coalesce(municipality_source, 'unrecorded') AS source, count(*) AS n
      FROM documents GROUP BY 1, 2 ORDER BY 1, 2`)
    .all() as { code: string | null; source: keyof SummaryRow['sources']; n: number }[];
  return rows.map((r) => ({
    ...r,
    sources: Object.fromEntries(
      sources.filter((s) => s.code === r.municipality_code && s.code !== null).map((s) => [s.source, s.n]),
    ),
  }));
}

/** The stored document with these bytes, with every path it was seen at; null when not stored. */
export function storedDocument(db: Database.Database, sha256: string): StoredDocument | null {
  const d = db
    .prepare(`SELECT id, sha256, path, municipality_code, municipality_name, prefecture, municipality_source, plan,
        plan_period, plan_source, document_date, n_tables, n_observations
      FROM documents WHERE sha256 = ?`)
    .get(sha256) as Omit<StoredDocument, 'paths'> | undefined;
  if (!d) return null;
  const paths = db
    .prepare('SELECT path, municipality_code FROM document_paths WHERE document_id = ? ORDER BY seen_at, rowid')
    .all(d.id) as StoredDocument['paths'];
  return { ...d, paths };
}

/** Documents stored without a municipality, by path, with the reasons their issues give. */
export function documentsWithoutMunicipality(db: Database.Database): DocumentWithoutMunicipality[] {
  const docs = db
    .prepare(
      'SELECT id, path, n_observations AS observations FROM documents WHERE municipality_code IS NULL ORDER BY path',
    )
    .all() as Omit<DocumentWithoutMunicipality, 'paths' | 'reasons'>[];
  const paths = db.prepare('SELECT path FROM document_paths WHERE document_id = ? ORDER BY seen_at, rowid').pluck();
  const reasons = db
    .prepare(`SELECT code || ': ' || message FROM issues WHERE document_id = ? AND code LIKE 'MUNICIPALITY%'
      ORDER BY id`)
    .pluck();
  return docs.map((d) => ({ ...d, paths: paths.all(d.id) as string[], reasons: reasons.all(d.id) as string[] }));
}

const count = (db: Database.Database, sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;

export function stats(db: Database.Database): StoreStats {
  return {
    documents: count(db, 'SELECT count(*) FROM documents'),
    partial_documents: count(db, "SELECT count(*) FROM documents WHERE status = 'partial'"),
    pages: count(db, 'SELECT count(*) FROM pages'),
    tables: count(db, 'SELECT count(*) FROM tables'),
    cells: count(db, 'SELECT count(*) FROM cells'),
    blocks: count(db, 'SELECT count(*) FROM blocks'),
    observations: count(db, 'SELECT count(*) FROM observations'),
    issues: count(db, 'SELECT count(*) FROM issues'),
    failures: count(db, 'SELECT count(*) FROM issues WHERE document_id IS NULL'),
    indicators: count(db, 'SELECT count(*) FROM indicators'),
    municipalities: count(db, 'SELECT count(*) FROM municipalities'),
    schema_version: db.pragma('user_version', { simple: true }) as number,
  };
}

export function listIssues(db: Database.Database, filter: IssueFilter = {}): IssueRow[] {
  const where: string[] = [];
  const params: string[] = [];
  const eq = (col: string, v: string | undefined) => {
    if (v === undefined) return;
    where.push(`${col} = ?`);
    params.push(v);
  };
  eq('path', filter.documentPath);
  eq('severity', filter.severity);
  eq('stage', filter.stage);
  eq('code', filter.code);
  if (filter.failuresOnly) where.push('document_id IS NULL');
  return db
    .prepare(`SELECT id, document_id, path, sha256, code, severity, stage, message, "where", created_at FROM issues
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`)
    .all(...params) as IssueRow[];
}

/** The stage a stopping error most likely comes from, when the caller does not say. */
function defaultStage(error: ShiryoError): Stage {
  if (error.code === 'STORE_FAILED') return 'store';
  if (error.code === 'OCR_FAILED' || error.code === 'TIMEOUT') return 'extract';
  return 'read';
}

/**
 * Record a file that could not be stored: one `issues` row with no document per path — the same failure seen
 * again is not written again (its row keeps its id and first time), a different one replaces it. Stored documents
 * are not touched. Returns the row's id.
 */
export function recordFailure(
  db: Database.Database,
  path: string,
  error: ShiryoError,
  sha256: string | null = null,
  stage: Stage = defaultStage(error),
): number {
  // read and write in one immediate transaction, so that two processes recording the same failure make one row
  // (a transaction that changes nothing commits nothing)
  return db
    .transaction(() => {
      const rows = db
        .prepare(
          'SELECT id, sha256, code, stage, message FROM issues WHERE document_id IS NULL AND path = ? ORDER BY id',
        )
        .all(path) as { id: number; sha256: string | null; code: string; stage: string; message: string }[];
      const first = rows[0];
      if (!first) {
        const r = db
          .prepare(`INSERT INTO issues (document_id, path, sha256, code, severity, stage, message, "where", created_at)
            VALUES (NULL, ?, ?, ?, 'error', ?, ?, NULL, ?)`)
          .run(path, sha256, error.code, stage, error.reason, new Date().toISOString());
        return Number(r.lastInsertRowid);
      }
      const same =
        first.sha256 === sha256 && first.code === error.code && first.stage === stage && first.message === error.reason;
      if (!same)
        db.prepare(`UPDATE issues SET sha256 = ?, code = ?, severity = 'error', stage = ?, message = ?, "where" = NULL,
            created_at = ? WHERE id = ?`).run(
          sha256,
          error.code,
          stage,
          error.reason,
          new Date().toISOString(),
          first.id,
        );
      for (const r of rows.slice(1)) db.prepare('DELETE FROM issues WHERE id = ?').run(r.id);
      return first.id;
    })
    .immediate();
}

/** A function making one row's object from its array, for these column names (compiled once per list). */
const makers = new Map<string, (row: unknown[]) => Record<string, unknown>>();
function rowMaker(columns: readonly string[]): (row: unknown[]) => Record<string, unknown> {
  const key = JSON.stringify(columns);
  let make = makers.get(key);
  if (!make) {
    // an object literal of the columns in order: one hidden class for every row (a later column of the same name
    // wins, at the first one's place, as in better-sqlite3's own objects)
    const body = columns.map((c, i) => `${JSON.stringify(c)}: r[${i}]`).join(', ');
    make = new Function('r', `return { ${body} };`) as (row: unknown[]) => Record<string, unknown>;
    makers.set(key, make);
  }
  return make;
}

/**
 * `stmt.all(...params)`, the same objects, built in JavaScript from better-sqlite3's row arrays (`.raw()`): its own
 * objects are made property by property in C++, which costs more than the query once there are thousands of rows
 * (`shiryo compare` of one indicator across Japan: ~17,000). See docs/benchmarks.md.
 */
export function allRows<T>(stmt: Database.Statement, ...params: unknown[]): T[] {
  const make = rowMaker(stmt.columns().map((c) => c.name));
  const rows = stmt.raw(true).all(...params) as unknown[][];
  const out = new Array<T>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = make(rows[i]!) as T;
  return out;
}

/** Rows of `plan_vs_actual`, by city, indicator, subgroup (none first), measure, unit and year. */
export function planVsActual(db: Database.Database, filter: PlanVsActualFilter = {}): PlanVsActualRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const which: string[] = [];
  if (filter.indicatorIds?.length) {
    which.push(`indicator_id IN (${filter.indicatorIds.map(() => '?').join(', ')})`);
    params.push(...filter.indicatorIds);
  }
  if (filter.labels?.length) {
    which.push(`(indicator_id IS NULL AND indicator_label IN (${filter.labels.map(() => '?').join(', ')}))`);
    params.push(...filter.labels);
  }
  if (which.length) where.push(`(${which.join(' OR ')})`);
  if (filter.fiscalYear !== undefined) {
    where.push('fiscal_year = ?');
    params.push(filter.fiscalYear);
  }
  // A kind whose values disagree has an empty column but is named in `conflicts`: the row has values of it.
  if (filter.kind !== undefined) {
    // the kind names a column: only the view's three, never text from the caller in the SQL
    const column = ({ plan: 'plan', estimate: 'estimate', actual: 'actual' } as Record<string, string>)[filter.kind];
    if (!column) throw new Error(`kind must be plan, estimate or actual, not ${JSON.stringify(filter.kind)}`);
    where.push(`(${column} IS NOT NULL OR instr(coalesce(conflicts, ''), ?) > 0)`);
    params.push(column);
  }
  if (filter.municipality) {
    // The view's name is computed (the reference name, else the name as written), so a filter on it reads every
    // city: first the codes it can match — the argument as a code, the codes the reference list gives the name,
    // the codes of groups written with that name (migration 014) — then those cities' groups by their index; the
    // filter itself stays, so the rows are the same.
    const codes = cachedStatement(
      db,
      `SELECT ? UNION SELECT code FROM municipalities WHERE name = ?
        UNION SELECT municipality_code FROM plan_vs_actual_groups WHERE name_written = ?`,
    )
      .pluck()
      .all(filter.municipality, filter.municipality, filter.municipality) as string[];
    where.push(`municipality_code IN (${codes.map(() => '?').join(', ')})`);
    params.push(...codes);
    where.push('(municipality_code = ? OR municipality_name = ?)');
    params.push(filter.municipality, filter.municipality);
  }
  if (filter.minConfidence !== undefined) {
    where.push('confidence >= ?');
    params.push(filter.minConfidence);
  }
  let limit = '';
  if (filter.limit !== undefined) {
    if (!Number.isInteger(filter.limit) || filter.limit < 0)
      throw new Error(`limit must be a whole number from 0, not ${filter.limit}`);
    limit = 'LIMIT ?';
    params.push(filter.limit);
  }
  return allRows<PlanVsActualRow>(
    cachedStatement(
      db,
      `SELECT * FROM ${filter.withPopulation ? 'plan_vs_actual_per_10000' : 'plan_vs_actual'} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY municipality_code, indicator_id, indicator_label, subgroup IS NOT NULL, subgroup, measure IS NOT NULL,
        measure, unit, fiscal_year ${limit}`,
    ),
    ...params,
  );
}

/**
 * Statements prepared once per connection, by their text: `compare` has a few shapes of query, and preparing the
 * view's statement again on every call cost more than running it for a few rows (docs/benchmarks.md).
 */
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function cachedStatement(db: Database.Database, sql: string): Database.Statement {
  let map = prepared.get(db);
  if (!map) {
    map = new Map();
    prepared.set(db, map);
  }
  let stmt = map.get(sql);
  if (!stmt) {
    if (map.size >= 64) map.clear();
    stmt = db.prepare(sql);
    map.set(sql, stmt);
  }
  return stmt;
}

/** The catalog stored in the file, with aliases and the number of observations of each id. */
export function storedIndicators(db: Database.Database): StoredIndicator[] {
  const rows = db
    .prepare(`SELECT i.id, i.label, i.plan, i.goal_area,
        (SELECT json_group_array(alias) FROM indicator_aliases a WHERE a.indicator_id = i.id) AS aliases,
        (SELECT count(*) FROM observations o WHERE o.indicator_id = i.id) AS observations
      FROM indicators i ORDER BY i.id`)
    .all() as (Omit<StoredIndicator, 'aliases'> & { aliases: string })[];
  return rows.map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] }));
}

/**
 * Store populations (`code`, `year`, `population`, `source`), replacing those of the same city and year, in one
 * transaction; returns what the table then holds.
 */
export function loadPopulations(
  db: Database.Database,
  rows: readonly { code: string; year: number; population: number; source: string }[],
): PopulationsLoaded {
  const put = db.prepare(
    `INSERT INTO populations (municipality_code, year, population, source) VALUES (?, ?, ?, ?)
     ON CONFLICT (municipality_code, year) DO UPDATE SET population = excluded.population, source = excluded.source`,
  );
  db.transaction(() => {
    for (const r of rows) put.run(r.code, r.year, r.population, r.source);
  })();
  return populationsLoaded(db);
}

export function populationsLoaded(db: Database.Database): PopulationsLoaded {
  return db
    .prepare(
      `SELECT count(*) AS rows, count(DISTINCT municipality_code) AS municipalities, min(year) AS minYear,
         max(year) AS maxYear FROM populations`,
    )
    .get() as PopulationsLoaded;
}
