/**
 * 013 — the README's count of doubted numbers per city, from a count kept at ingest (issue 17; docs/benchmarks.md).
 *
 * "Numbers the pipeline doubted, per city" (`count(*)` of `observations_flat` where `confidence < 0.6 OR warnings
 * <> '[]'`, by municipality name) read every doubted number on every query: ~1.1 M at national scale (15.7 M
 * observations), seconds. `doubted_counts` holds that count per document and municipality name (the
 * observation's, as `observations_flat` shows it), written by the store with the document's observations
 * (`DOUBTED_CLEAR`, `DOUBTED_COUNT`) and dropped with them (ON DELETE CASCADE, and before a document is read anew); the view
 * `doubted_by_municipality` adds up a city's documents, so the query reads one row per document.
 */

/** Forget one document's counts (run before its observations are counted again). */
export const DOUBTED_CLEAR = 'DELETE FROM doubted_counts WHERE document_id = ?';

/** The doubted numbers of one document, counted per municipality name as written. */
export const DOUBTED_COUNT = /* sql */ `INSERT INTO doubted_counts (document_id, municipality_name, doubted)
  SELECT document_id, municipality_name, count(*) FROM observations
  WHERE document_id = ? AND (confidence < 0.6 OR warnings <> '[]')
  GROUP BY document_id, municipality_name`;

export const sql = /* sql */ `
CREATE TABLE doubted_counts (
  document_id       INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  municipality_name TEXT,
  doubted           INTEGER NOT NULL
);
CREATE INDEX doubted_counts_document ON doubted_counts (document_id);
INSERT INTO doubted_counts (document_id, municipality_name, doubted)
SELECT document_id, municipality_name, count(*) FROM observations
WHERE confidence < 0.6 OR warnings <> '[]'
GROUP BY document_id, municipality_name;

-- (the count of observations_flat's doubted rows per municipality_name: a city's documents added up)
CREATE VIEW doubted_by_municipality AS
SELECT municipality_name, sum(doubted) AS doubted
FROM doubted_counts
GROUP BY municipality_name;
`;
