/**
 * 010 — full-text search that Datasette and sqlite-utils detect, and that finds two-character words (issue 14 item 8).
 *
 * - `blocks_fts` is declared again as `content="blocks"`: Datasette's and sqlite-utils' `detect_fts` look for a
 *   virtual table whose SQL matches `%VIRTUAL TABLE%USING FTS%content="blocks"%` (or `content=[blocks]`); 001 wrote
 *   `content = 'blocks'`, which neither matches, so neither offered search on `blocks`. Same columns, tokenizer
 *   (trigram: any substring of three characters or more) and triggers; rebuilt from `blocks`.
 * - `search_items`: every block, table caption and table cell holding a word, with `bigrams`, its text as
 *   overlapping pairs of characters (written by the store: `packages/store/src/search.ts`), indexed by
 *   `search_items_fts` (unicode61: a pair is a token), so 拠点, 就労, 相談 are found (`shiryo search`). Rows go with
 *   their document (ON DELETE CASCADE; the triggers keep the index in step).
 * - `search_pending`: documents stored before this migration, indexed by the store the next time the file is
 *   opened for writing (any `ingest`, or a reading command on the older file).
 */
export const sql = /* sql */ `
DROP TRIGGER blocks_fts_insert;
DROP TRIGGER blocks_fts_delete;
DROP TRIGGER blocks_fts_update;
DROP TABLE blocks_fts;
CREATE VIRTUAL TABLE blocks_fts USING fts5(text, content="blocks", content_rowid="id", tokenize="trigram");
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
INSERT INTO blocks_fts (blocks_fts) VALUES ('rebuild');

CREATE TABLE search_items (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  -- block (a heading, paragraph or list item), caption (a table's), cell (a table's cell with words)
  source      TEXT NOT NULL CHECK (source IN ('block', 'caption', 'cell')),
  page        INTEGER,
  table_index INTEGER,
  row         INTEGER,
  col         INTEGER,
  text        TEXT NOT NULL,
  -- the text as pairs of characters (NFKC, lower case): what search_items_fts indexes
  bigrams     TEXT NOT NULL
);
CREATE INDEX search_items_document ON search_items (document_id);
CREATE VIRTUAL TABLE search_items_fts USING fts5(bigrams, content="search_items", content_rowid="id",
  tokenize="unicode61 remove_diacritics 0");
CREATE TRIGGER search_items_fts_insert AFTER INSERT ON search_items BEGIN
  INSERT INTO search_items_fts (rowid, bigrams) VALUES (new.id, new.bigrams);
END;
CREATE TRIGGER search_items_fts_delete AFTER DELETE ON search_items BEGIN
  INSERT INTO search_items_fts (search_items_fts, rowid, bigrams) VALUES ('delete', old.id, old.bigrams);
END;
CREATE TRIGGER search_items_fts_update AFTER UPDATE ON search_items BEGIN
  INSERT INTO search_items_fts (search_items_fts, rowid, bigrams) VALUES ('delete', old.id, old.bigrams);
  INSERT INTO search_items_fts (rowid, bigrams) VALUES (new.id, new.bigrams);
END;

CREATE TABLE search_pending (document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE);
INSERT INTO search_pending (document_id) SELECT id FROM documents;
`;
