import type { Severity, Stage } from '@shiryo/model';
import type Database from 'better-sqlite3';

export interface OpenOptions {
  /** Open an existing file for reading only: no directories created, no migrations, no writes. */
  readonly?: boolean;
  /** How long to wait for another writer's lock, in ms (default 10 000). */
  busyTimeoutMs?: number;
}

export type IngestStatus = 'inserted' | 'replaced' | 'unchanged';

export interface IngestResult {
  status: IngestStatus;
  documentId: number;
}

/** Test hooks: make a document fail part way, to prove the transaction leaves nothing behind. */
export interface IngestOptions {
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
}

export interface SummaryRow {
  municipality_code: string | null;
  municipality_name: string | null;
  prefecture: string | null;
  documents: number;
  tables: number;
  observations: number;
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
