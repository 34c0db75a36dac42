import type { Severity, Stage } from '@shiryo/model';
import type Database from 'better-sqlite3';

export interface OpenOptions {
  /** Open an existing file for reading only: no directories created, no migrations, no writes. */
  readonly?: boolean;
  /**
   * With `readonly`: a file an older shiryo wrote is first migrated (opened read-write once: the migrations only
   * add), instead of refused.
   */
  migrateOlder?: boolean;
  /** How long to wait for another writer's lock, in ms (default 10 000). */
  busyTimeoutMs?: number;
}

/**
 * inserted: new bytes; replaced: other bytes were stored at this path; updated: bytes already stored, read anew
 * (new metadata, or `force`); unchanged: bytes and metadata already stored (the path is recorded all the same).
 */
export type IngestStatus = 'inserted' | 'replaced' | 'updated' | 'unchanged';

export interface IngestResult {
  status: IngestStatus;
  documentId: number;
}

export interface IngestOptions {
  /** Rewrite a stored document even when its bytes and metadata are already stored (re-extraction). */
  force?: boolean;
  /**
   * The municipality code the document's path names (`municipalityFromPath`; null: none, or ambiguous), recorded
   * with the path in `document_paths`. Undefined: not read (a path's recorded city stays).
   */
  pathMunicipalityCode?: string | null;
  /** The plan was given from outside (a manifest row): `plan_source` is `manifest`, else `text`. */
  planGiven?: boolean;
  /** The document's date as given (a manifest row), ISO. */
  documentDate?: string | null;
  // Test hooks: make a document fail part way, to prove the transaction leaves nothing behind.
  /** Throw once this many observations of the document have been inserted (0: before the first). */
  failAfterObservations?: number;
  /** Called inside the transaction after every row is written, just before the commit; throwing rolls back. */
  beforeCommit?: (db: Database.Database) => void;
}

/** One indicator of the national catalog (as `@shiryo/normalizer`'s `catalog()` gives it). */
export interface CatalogEntryInput {
  id: string;
  label: string;
  plan: string;
  goal_area?: string | null;
  units?: readonly string[];
  aliases: readonly string[];
}

export interface MunicipalityInput {
  code: string;
  name: string;
  prefecture: string;
  kana?: string | null;
}

export type ExportFormat = 'jsonl' | 'csv';

export interface ExportFilter {
  /** A municipality code (`112127`) or name (`東松山市`). */
  municipality?: string;
  /** Only the observations of this stored document path. */
  documentPath?: string;
  /** Observations of these catalog ids, or (`labels`) without an id and with one of these labels as written. */
  indicatorIds?: readonly string[];
  labels?: readonly string[];
  fiscalYear?: number;
  /** `plan`, `actual`, `subset` … */
  valueKind?: string;
  /** Only observations of at least this confidence. */
  minConfidence?: number;
}

export type MunicipalitySourceName = 'option' | 'manifest' | 'path' | 'text';

export interface SummaryRow {
  municipality_code: string | null;
  municipality_name: string | null;
  prefecture: string | null;
  documents: number;
  tables: number;
  observations: number;
  /** Documents per `municipality_source` (`unrecorded`: stored before schema 3). */
  sources: Partial<Record<MunicipalitySourceName | 'unrecorded', number>>;
}

/** What is stored of one document's bytes, for a caller deciding whether to read it anew. */
export interface StoredDocument {
  id: number;
  sha256: string;
  path: string;
  municipality_code: string | null;
  municipality_name: string | null;
  prefecture: string | null;
  municipality_source: MunicipalitySourceName | null;
  plan: string | null;
  plan_period: string | null;
  plan_source: 'manifest' | 'text' | null;
  document_date: string | null;
  n_tables: number;
  n_observations: number;
  /** Every path it was seen at, with the municipality each names (null: none, ambiguous or not read). */
  paths: { path: string; municipality_code: string | null }[];
}

/** A stored document whose municipality is unknown, and why (its municipality issues). */
export interface DocumentWithoutMunicipality {
  id: number;
  path: string;
  paths: string[];
  observations: number;
  reasons: string[];
}

export interface StoreStats {
  documents: number;
  partial_documents: number;
  pages: number;
  tables: number;
  cells: number;
  blocks: number;
  observations: number;
  /** Issue rows, of documents and of failed files. */
  issues: number;
  /** Issue rows of files that could not be stored (`document_id` NULL). */
  failures: number;
  indicators: number;
  municipalities: number;
  schema_version: number;
}

export interface IssueRow {
  id: number;
  document_id: number | null;
  path: string;
  sha256: string | null;
  code: string;
  severity: Severity;
  stage: Stage;
  message: string;
  where: string | null;
  created_at: string;
}

export interface IssueFilter {
  documentPath?: string;
  severity?: Severity;
  stage?: Stage;
  code?: string;
  /** Only the files that could not be stored (`document_id` NULL). */
  failuresOnly?: boolean;
}

/** Which rows of `plan_vs_actual` to read. */
export interface PlanVsActualFilter {
  /** Rows of these catalog ids. */
  indicatorIds?: readonly string[];
  /** Rows without a catalog id whose label as written is one of these. */
  labels?: readonly string[];
  fiscalYear?: number;
  /** Only rows that have a value of this kind. */
  kind?: 'plan' | 'estimate' | 'actual';
  /** A municipality code or name. */
  municipality?: string;
  /** Only rows whose every observation has at least this confidence. */
  minConfidence?: number;
  /** Read `plan_vs_actual_per_10000`: each row with its city's population nearest to its year. */
  withPopulation?: boolean;
  /** At most this many rows, the first in the order (all when undefined). */
  limit?: number;
}

/** One row of the `plan_vs_actual` view (see migration 005). */
export interface PlanVsActualRow {
  municipality_code: string;
  municipality_name: string | null;
  prefecture: string | null;
  indicator_id: string | null;
  indicator_label: string;
  subgroup: string | null;
  measure: string | null;
  unit: string | null;
  fiscal_year: number;
  plan: number | null;
  estimate: number | null;
  actual: number | null;
  achievement_rate: number | null;
  computed_rate: number | null;
  shortfall: 0 | 1 | null;
  conflicts: string | null;
  n_observations: number;
  n_documents: number;
  confidence: number;
}

/** A row of `plan_vs_actual_per_10000` (migration 012): a `plan_vs_actual` row and its population. */
export interface PlanVsActualPerRow extends PlanVsActualRow {
  population: number | null;
  population_year: number | null;
  population_source: string | null;
  plan_per_10000: number | null;
  estimate_per_10000: number | null;
  actual_per_10000: number | null;
}

/** What `populations` holds: rows, cities and the years they span. */
export interface PopulationsLoaded {
  rows: number;
  municipalities: number;
  minYear: number | null;
  maxYear: number | null;
}

/** One indicator of the catalog stored in the file, with its aliases and how many observations carry its id. */
export interface StoredIndicator {
  id: string;
  label: string;
  plan: string;
  goal_area: string | null;
  aliases: string[];
  observations: number;
}
