import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type ExtractedDocument, type NormalizedDocument, ShiryoError, type Stage } from '@shiryo/model';
import Database from 'better-sqlite3';
import { exportObservations } from './export.js';
import { type BulkItem, bulkLoad, ingestDocument, prepareIngest, recordPath } from './ingest.js';
import { type AppliedMigration, appliedMigrations, migrate, schemaProblem } from './migrate.js';
import { SCHEMA_VERSION } from './migrations/index.js';
import { exportParquet } from './parquet.js';
import {
  documentsWithoutMunicipality,
  listIssues,
  loadPopulations,
  planVsActual,
  populationsLoaded,
  recordFailure,
  stats,
  storedDocument,
  storedIndicators,
  summary,
} from './queries.js';
import { upsertCatalog, upsertMunicipalities } from './reference.js';
import { indexPending, type SearchHit, search } from './search.js';
import type {
  CatalogEntryInput,
  DocumentWithoutMunicipality,
  ExportFilter,
  ExportFormat,
  IngestOptions,
  IngestResult,
  IssueFilter,
  IssueRow,
  MunicipalityInput,
  OpenOptions,
  PlanVsActualFilter,
  PlanVsActualRow,
  PopulationsLoaded,
  StoredDocument,
  StoredIndicator,
  StoreStats,
  SummaryRow,
} from './types.js';

/** A shiryo SQLite file. Every write is its own transaction; close it in `finally`. */
export interface Store {
  /** The open connection, for queries of your own (read the views; write through the methods). */
  readonly db: Database.Database;
  readonly file: string;
  readonly readonly: boolean;
  ingestDocument(doc: ExtractedDocument, norm: NormalizedDocument, opts?: IngestOptions): IngestResult;
  /**
   * Many new documents at once (none of them stored yet, neither bytes nor path): the rows `ingestDocument` of each
   * would write, in transactions of about `batchRows` observations, with the observations' query indexes and the
   * `plan_vs_actual` groups built once at the end (see `bulkLoad` in ingest.ts). For building a new database.
   */
  bulkLoad(items: Iterable<BulkItem>, opts?: { batchRows?: number }): { documents: number; observations: number };
  /** The stored bytes were seen at `path` again (not read anew): record it. Null when the bytes are not stored. */
  recordPath(sha256: string, path: string, pathMunicipalityCode?: string | null): IngestResult | null;
  /** The stored document with these bytes and every path it was seen at, or null. */
  storedDocument(sha256: string): StoredDocument | null;
  documentsWithoutMunicipality(): DocumentWithoutMunicipality[];
  recordFailure(path: string, error: ShiryoError, sha256?: string | null, stage?: Stage): number;
  upsertCatalog(entries: readonly CatalogEntryInput[]): number;
  upsertMunicipalities(rows: readonly MunicipalityInput[]): number;
  exportObservations(format: ExportFormat, write: (chunk: string) => void, filter?: ExportFilter): number;
  /** The export contract as Parquet, written to the open file `fd` (closed at the end); the number of rows. */
  exportParquet(fd: number, filter?: ExportFilter): number;
  summary(): SummaryRow[];
  stats(): StoreStats;
  listIssues(filter?: IssueFilter): IssueRow[];
  /** Rows of the `plan_vs_actual` view. */
  planVsActual(filter?: PlanVsActualFilter): PlanVsActualRow[];
  /** Store populations (replacing those of the same city and year); what the table then holds. */
  loadPopulations(
    rows: readonly { code: string; year: number; population: number; source: string }[],
  ): PopulationsLoaded;
  populations(): PopulationsLoaded;
  /**
   * Blocks, table captions and cells holding every word (any length: 拠点 too), by city and document;
   * `total` counts every hit, `hits` holds the first `limit`.
   */
  search(
    words: readonly string[],
    opts?: { limit?: number; municipality?: string },
  ): { total: number; hits: SearchHit[] };
  /** The stored catalog, with aliases and observation counts. */
  indicators(): StoredIndicator[];
  migrations(): AppliedMigration[];
  /**
   * `PRAGMA optimize`: refresh the planner's statistics (ANALYZE, limited so it takes milliseconds) on the tables
   * whose size changed. Run it after an ingest: without statistics SQLite picked a poor index at national scale
   * (docs/benchmarks.md). False when the database was busy (the statistics stay as they were).
   */
  optimize(): boolean;
  close(): void;
}

/** Why a file system call failed, in words (the errno message without its path, which the caller names). */
function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'ENOSPC') return 'no space left on the device';
  return sqliteReason(e);
}

/**
 * What an SQLite error means for the file, in words: a file that is not a database, a damaged one, one that cannot
 * be written. Other errors keep their message.
 */
export function sqliteReason(e: unknown): string {
  const code = String((e as { code?: unknown } | undefined)?.code ?? '');
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_NOTADB') return 'not an SQLite database';
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) return `the database is damaged (${msg})`;
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_'))
    return 'the database cannot be written (read-only)';
  if (code === 'SQLITE_CANTOPEN') return 'cannot open it (is its folder writable?)';
  if (code.startsWith('SQLITE_IOERR')) return `a read or write failed (${msg})`;
  if (code === 'SQLITE_FULL') return 'no space left on the device';
  return msg;
}

/** A path that is there but is not a file a database can be (a folder, a pipe, a device): why, else null. */
function notAFile(file: string): string | null {
  try {
    const st = statSync(file);
    if (st.isDirectory()) return 'is a folder, not a database file';
    if (!st.isFile()) return 'is not a regular file';
  } catch {
    // absent: the caller says so or creates it
  }
  return null;
}

function connect(file: string, readonly: boolean): Database.Database {
  const odd = notAFile(file);
  if (odd) throw new ShiryoError('STORE_FAILED', file, odd);
  if (readonly) {
    if (!existsSync(file)) throw new ShiryoError('FILE_NOT_FOUND', file, 'no database at this path');
    try {
      return new Database(file, { readonly: true, fileMustExist: true });
    } catch (e) {
      throw new ShiryoError('STORE_FAILED', file, `cannot open the database: ${fsReason(e)}`, { cause: e });
    }
  }
  const dir = dirname(resolve(file));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new ShiryoError('STORE_FAILED', file, `cannot create its folder ${dir}: ${fsReason(e)}`, { cause: e });
  }
  if (existsSync(file)) {
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch (e) {
      throw new ShiryoError('STORE_FAILED', file, `cannot write the database: ${fsReason(e)}`, { cause: e });
    }
  }
  try {
    return new Database(file);
  } catch (e) {
    const reason = e instanceof Error && /unable to open/i.test(e.message) ? 'is its folder writable?' : fsReason(e);
    throw new ShiryoError('STORE_FAILED', file, `cannot open or create the database (${reason})`, { cause: e });
  }
}

/**
 * The file exists and an older shiryo wrote it (its schema version is below this one's). A file shiryo did not
 * write (no `migrations` table: an empty file, another program's database) is refused, never migrated by a
 * command that only reads.
 */
function olderSchema(file: string): boolean {
  if (!existsSync(file) || notAFile(file)) return false;
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new ShiryoError('STORE_FAILED', file, `cannot open the database: ${fsReason(e)}`, { cause: e });
  }
  try {
    if ((db.pragma('user_version', { simple: true }) as number) >= SCHEMA_VERSION) return false;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    if (!tables.includes('migrations'))
      throw new ShiryoError(
        'STORE_FAILED',
        file,
        tables.length === 0
          ? 'not a shiryo database: it is empty (shiryo ingest --db FILE makes one)'
          : `not a shiryo database: its tables (${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ' …' : ''}) are not shiryo's`,
      );
    return true;
  } catch (e) {
    if (e instanceof ShiryoError) throw e;
    throw new ShiryoError('STORE_FAILED', file, `cannot read the database: ${sqliteReason(e)}`, { cause: e });
  } finally {
    db.close();
  }
}

/**
 * Open (and create, unless `readonly`) a shiryo SQLite file: WAL, foreign keys on, a busy timeout, and the
 * numbered migrations applied. Throws `ShiryoError` (`FILE_NOT_FOUND`, `STORE_FAILED`) naming the file.
 */
export function openStore(file: string, opts: OpenOptions = {}): Store {
  const readonly = opts.readonly ?? false;
  if (readonly && opts.migrateOlder && olderSchema(file)) openStore(file).close();
  const db = connect(file, readonly);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 10_000))}`);
    db.pragma('foreign_keys = ON');
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
      indexPending(db);
    }
    const problem = schemaProblem(db);
    if (problem) throw new Error(problem);
  } catch (e) {
    db.close();
    if (e instanceof ShiryoError) throw e;
    throw new ShiryoError('STORE_FAILED', file, sqliteReason(e), { cause: e });
  }
  let statements: ReturnType<typeof prepareIngest> | undefined;
  const ingestStatements = () => {
    if (!statements) statements = prepareIngest(db);
    return statements;
  };
  return {
    db,
    file,
    readonly,
    ingestDocument: (doc, norm, o) => ingestDocument(db, ingestStatements(), doc, norm, o),
    bulkLoad: (items, o) => bulkLoad(db, ingestStatements(), items, o?.batchRows),
    recordPath: (sha256, path, code) => recordPath(db, ingestStatements(), sha256, path, code),
    storedDocument: (sha256) => storedDocument(db, sha256),
    documentsWithoutMunicipality: () => documentsWithoutMunicipality(db),
    recordFailure: (path, error, sha256, stage) => recordFailure(db, path, error, sha256 ?? null, stage),
    upsertCatalog: (entries) => upsertCatalog(db, entries),
    upsertMunicipalities: (rows) => upsertMunicipalities(db, rows),
    exportObservations: (format, write, filter) => exportObservations(db, format, write, filter),
    exportParquet: (fd, filter) => exportParquet(db, fd, filter),
    summary: () => summary(db),
    stats: () => stats(db),
    listIssues: (filter) => listIssues(db, filter),
    planVsActual: (filter) => planVsActual(db, filter),
    loadPopulations: (rows) => loadPopulations(db, rows),
    populations: () => populationsLoaded(db),
    indicators: () => storedIndicators(db),
    search: (words, o) => search(db, words, o),
    migrations: () => appliedMigrations(db),
    optimize: () => {
      try {
        db.exec('PRAGMA optimize');
        return true;
      } catch {
        return false;
      }
    },
    close: () => {
      if (db.open) db.close();
    },
  };
}
