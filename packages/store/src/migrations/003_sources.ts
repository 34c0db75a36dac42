/**
 * 003 — where a document's facts come from. A document is its bytes; the paths it was seen at and the metadata a
 * person gave (a municipality, a plan, a date) are facts of their own.
 */
export const sql = /* sql */ `
-- option (--municipality), manifest, path, text; NULL: no municipality, or stored before this migration.
ALTER TABLE documents ADD COLUMN municipality_source TEXT
  CHECK (municipality_source IN ('option', 'manifest', 'path', 'text', 'metadata'));
-- manifest or text; NULL: no plan, or stored before this migration.
ALTER TABLE documents ADD COLUMN plan_source TEXT CHECK (plan_source IN ('manifest', 'text'));
-- The document's date as a manifest gave it (ISO: 2024-03-15 or 2024-03).
ALTER TABLE documents ADD COLUMN document_date TEXT;

-- Every path a document was seen at (documents.path is the first). A path holds one document at a time.
CREATE TABLE document_paths (
  path              TEXT PRIMARY KEY,
  document_id       INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  -- The municipality the path names (municipalityFromPath); NULL: none, an ambiguous one, or not read yet.
  municipality_code TEXT,
  seen_at           TEXT NOT NULL
);
CREATE INDEX document_paths_document ON document_paths (document_id);
INSERT INTO document_paths (path, document_id, municipality_code, seen_at)
  SELECT path, id, NULL, ingested_at FROM documents;
`;
