/** 001 — the tables: documents and what was extracted from them, observations, reference lists, issues. */
export const sql = /* sql */ `
-- AUTOINCREMENT on documents and observations: a replaced version never takes over its predecessor's ids.
CREATE TABLE documents (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  sha256            TEXT NOT NULL UNIQUE,
  path              TEXT NOT NULL UNIQUE,
  media_type        TEXT NOT NULL,
  encoding          TEXT,
  bytes             INTEGER NOT NULL,
  title             TEXT,
  municipality_code TEXT,
  municipality_name TEXT,
  prefecture        TEXT,
  plan              TEXT,
  plan_period       TEXT,
  status            TEXT NOT NULL CHECK (status IN ('ok', 'partial')),
  n_pages           INTEGER NOT NULL,
  n_tables          INTEGER NOT NULL,
  n_blocks          INTEGER NOT NULL,
  n_observations    INTEGER NOT NULL,
  meta              TEXT NOT NULL DEFAULT '{}',
  ingested_at       TEXT NOT NULL
);
CREATE INDEX documents_municipality ON documents (municipality_code);

CREATE TABLE pages (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  page        INTEGER NOT NULL,
  width       REAL NOT NULL,
  height      REAL NOT NULL,
  rotation    REAL NOT NULL DEFAULT 0,
  n_spans     INTEGER NOT NULL,
  n_rulings   INTEGER NOT NULL,
  needs_ocr   INTEGER NOT NULL DEFAULT 0,
  text        TEXT NOT NULL,
  PRIMARY KEY (document_id, page)
);

CREATE TABLE tables (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  table_index   INTEGER NOT NULL,
  page          INTEGER NOT NULL,
  seq           INTEGER NOT NULL,
  line          INTEGER,
  method        TEXT NOT NULL,
  n_rows        INTEGER NOT NULL,
  n_cols        INTEGER NOT NULL,
  header_rows   INTEGER NOT NULL,
  caption       TEXT,
  unit_hint     TEXT,
  parent        INTEGER,
  quality_score REAL NOT NULL,
  empty_ratio   REAL NOT NULL,
  repairs       TEXT NOT NULL DEFAULT '[]',
  bbox          TEXT,
  UNIQUE (document_id, table_index)
);

CREATE TABLE cells (
  id       INTEGER PRIMARY KEY,
  table_id INTEGER NOT NULL REFERENCES tables (id) ON DELETE CASCADE,
  row      INTEGER NOT NULL,
  col      INTEGER NOT NULL,
  row_span INTEGER NOT NULL DEFAULT 1,
  col_span INTEGER NOT NULL DEFAULT 1,
  role     TEXT NOT NULL,
  text     TEXT NOT NULL,
  orig     TEXT NOT NULL,
  bbox     TEXT
);
CREATE INDEX cells_position ON cells (table_id, row, col);

CREATE TABLE blocks (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  page        INTEGER NOT NULL,
  line        INTEGER,
  kind        TEXT NOT NULL,
  level       INTEGER,
  text        TEXT NOT NULL,
  orig        TEXT NOT NULL
);
CREATE INDEX blocks_document ON blocks (document_id, seq);

-- Full-text search over block text. The trigram tokenizer matches any substring of 3+ characters,
-- which is what Japanese (no spaces between words) needs. External content: kept in sync by triggers.
CREATE VIRTUAL TABLE blocks_fts USING fts5 (text, content = 'blocks', content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER blocks_fts_insert AFTER INSERT ON blocks BEGIN
  INSERT INTO blocks_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER blocks_fts_delete AFTER DELETE ON blocks BEGIN
  INSERT INTO blocks_fts (blocks_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER blocks_fts_update AFTER UPDATE ON blocks BEGIN
  INSERT INTO blocks_fts (blocks_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO blocks_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE observations (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id       INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  municipality_code TEXT,
  municipality_name TEXT,
  prefecture        TEXT,
  plan              TEXT,
  plan_period       TEXT,
  section           TEXT,
  indicator_id      TEXT,
  indicator_label   TEXT NOT NULL,
  subgroup          TEXT,
  measure           TEXT,
  unit              TEXT,
  unit_text         TEXT,
  period_kind       TEXT,
  fiscal_year       INTEGER,
  period_start      TEXT,
  period_end        TEXT,
  value_kind        TEXT NOT NULL,
  value             REAL NOT NULL,
  value_text        TEXT NOT NULL,
  qualifier         TEXT,
  page              INTEGER,
  table_index       INTEGER,
  row               INTEGER,
  col               INTEGER,
  confidence        REAL NOT NULL,
  warnings          TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX observations_document ON observations (document_id, table_index, row, col);
CREATE INDEX observations_municipality ON observations (municipality_code, indicator_id, fiscal_year);
CREATE INDEX observations_indicator ON observations (indicator_id, fiscal_year, value_kind);
CREATE INDEX observations_fiscal_year ON observations (fiscal_year);
CREATE INDEX observations_value_kind ON observations (value_kind);

CREATE TABLE indicators (
  id        TEXT PRIMARY KEY,
  label     TEXT NOT NULL,
  plan      TEXT NOT NULL,
  goal_area TEXT,
  units     TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE indicator_aliases (
  indicator_id TEXT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  alias        TEXT NOT NULL,
  PRIMARY KEY (indicator_id, alias)
);
CREATE INDEX indicator_aliases_alias ON indicator_aliases (alias);

CREATE TABLE municipalities (
  code       TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  prefecture TEXT NOT NULL,
  kana       TEXT
);
CREATE INDEX municipalities_name ON municipalities (name);

CREATE TABLE issues (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
  path        TEXT NOT NULL,
  sha256      TEXT,
  code        TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity IN ('info', 'warn', 'error')),
  stage       TEXT NOT NULL,
  message     TEXT NOT NULL,
  "where"     TEXT,
  created_at  TEXT NOT NULL
);
CREATE INDEX issues_document ON issues (document_id);
CREATE INDEX issues_path ON issues (path);
`;
