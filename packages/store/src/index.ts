/**
 * @shiryo/store — the SQLite file: schema and numbered migrations, one transaction per document, views for
 * researchers, and the export contract (JSONL / CSV). Holds SQL only; parses nothing.
 */
export { csvField, csvRecord } from './csv.js';
export {
  CANNED_QUERIES,
  type DatasetteMetadata,
  datasetteMetadata,
  datasetteName,
  OBSERVATION_COLUMNS,
} from './datasette.js';
export type { BulkItem } from './ingest.js';
export type { AppliedMigration } from './migrate.js';
export { MIGRATIONS, type Migration, SCHEMA_VERSION } from './migrations/index.js';
export { parquetSchema } from './parquet.js';
export { bigramText, type SearchHit, searchQuery, snippet } from './search.js';
export { openStore, type Store, sqliteReason } from './store.js';
export type * from './types.js';
