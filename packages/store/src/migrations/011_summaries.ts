/**
 * 011 — national-scale answers from a summary kept at ingest (issue 17; docs/benchmarks.md).
 *
 * `plan_vs_actual` grouped every observation of the indicator asked for on every query (README query 2 and
 * `shiryo compare` of one indicator read ~52,000 rows at 15 M and aggregated them: ~170–490 ms). Its groups are
 * now a table, `plan_vs_actual_groups`: one row per city × indicator (catalog id, else the label as written) ×
 * subgroup × measure × unit × fiscal year, with the `windowed`/`joined` columns of migration 009's view (minimum and
 * maximum of each kind, the rates of the city × indicator × subgroup × measure × year across units, counts, lowest
 * confidences). The store rebuilds the groups of every city × indicator a document touches, in the transaction
 * that writes or deletes its observations (`PLAN_VS_ACTUAL_REFRESH`), so the table always holds what 009's view
 * would compute. The view keeps its name, columns and rows; it now reads that table and joins the reference names.
 * Columns are untyped, so values keep the types the aggregates gave them.
 *
 * README query 1 (one indicator's actuals by city × year × unit through `observations_flat`) reads its rows from
 * `observations_indicator_kind`, a covering index in the query's order (indicator, kind, city name, year, unit,
 * then the filtered and selected columns), in place of `observations_indicator` (indicator, year, kind): no row of
 * the table is read and no sort is needed. A lookup of an indicator and a year still uses its first column.
 */

/** The groups of `plan_vs_actual` (rows of 009's `joined`) of the observations `source` selects. */
const groupsOf = (source: string, where: string) => /* sql */ `
WITH grouped AS (
  SELECT
    o.municipality_code,
    o.indicator_id,
    CASE WHEN o.indicator_id IS NULL THEN o.indicator_label END AS label_key,
    min(CASE WHEN o.value_kind <> 'achievement_rate' THEN o.indicator_label END)   AS label_written,
    min(CASE WHEN o.value_kind <> 'achievement_rate' THEN o.municipality_name END) AS name_written,
    min(CASE WHEN o.value_kind <> 'achievement_rate' THEN o.prefecture END)        AS prefecture_written,
    o.subgroup,
    o.measure,
    o.unit,
    o.fiscal_year,
    min(CASE WHEN o.value_kind = 'plan' THEN o.value END)     AS plan_min,
    max(CASE WHEN o.value_kind = 'plan' THEN o.value END)     AS plan_max,
    min(CASE WHEN o.value_kind = 'estimate' THEN o.value END) AS estimate_min,
    max(CASE WHEN o.value_kind = 'estimate' THEN o.value END) AS estimate_max,
    min(CASE WHEN o.value_kind = 'actual' THEN o.value END)   AS actual_min,
    max(CASE WHEN o.value_kind = 'actual' THEN o.value END)   AS actual_max,
    sum(o.value_kind <> 'achievement_rate')                   AS n_observations,
    min(CASE WHEN o.value_kind <> 'achievement_rate' THEN o.confidence END) AS confidence,
    group_concat(DISTINCT CASE WHEN o.value_kind <> 'achievement_rate' THEN o.document_id END) AS document_ids,
    min(CASE WHEN o.value_kind = 'achievement_rate' THEN o.value END)      AS unit_rate_min,
    max(CASE WHEN o.value_kind = 'achievement_rate' THEN o.value END)      AS unit_rate_max,
    sum(o.value_kind = 'achievement_rate')                                 AS unit_n_rates,
    min(CASE WHEN o.value_kind = 'achievement_rate' THEN o.confidence END) AS unit_rate_confidence
  FROM ${source}
  WHERE o.municipality_code IS NOT NULL AND o.fiscal_year IS NOT NULL
    AND o.value_kind IN ('plan', 'estimate', 'actual', 'achievement_rate')
    AND o.restates IS NULL ${where}
  GROUP BY o.municipality_code, o.indicator_id, label_key, o.subgroup, o.measure, o.unit, o.fiscal_year
),
windowed AS (
  SELECT
    g.*,
    min(unit_rate_min) OVER w        AS rate_min,
    max(unit_rate_max) OVER w        AS rate_max,
    sum(unit_n_rates) OVER w         AS n_rates,
    min(unit_rate_confidence) OVER w AS rate_confidence
  FROM grouped g
  WINDOW w AS (PARTITION BY municipality_code, indicator_id, label_key, subgroup, measure, fiscal_year)
)
SELECT
  municipality_code, indicator_id, label_key, label_written, name_written, prefecture_written, subgroup, measure,
  unit, fiscal_year, plan_min, plan_max, estimate_min, estimate_max, actual_min, actual_max, n_observations,
  confidence, length(document_ids) - length(replace(document_ids, ',', '')) + 1, rate_min, rate_max, n_rates,
  rate_confidence,
  CASE WHEN plan_min = plan_max THEN plan_min END,
  CASE WHEN estimate_min = estimate_max THEN estimate_min END,
  CASE WHEN actual_min = actual_max THEN actual_min END,
  CASE WHEN rate_min = rate_max THEN rate_min END
FROM windowed
WHERE n_observations > 0`;

const GROUP_COLUMNS = `municipality_code, indicator_id, label_key, label_written, name_written, prefecture_written,
  subgroup, measure, unit, fiscal_year, plan_min, plan_max, estimate_min, estimate_max, actual_min, actual_max,
  n_observations, confidence, n_documents, rate_min, rate_max, n_rates, rate_confidence, plan, estimate, actual,
  achievement_rate`;

/**
 * The city × indicator keys (`temp.plan_vs_actual_dirty`) whose groups a document's observations feed; run with
 * the document's id before its observations are deleted and after they are written.
 */
export const PLAN_VS_ACTUAL_MARK = /* sql */ `
INSERT INTO temp.plan_vs_actual_dirty (municipality_code, indicator_id, label_key)
SELECT DISTINCT municipality_code, indicator_id, CASE WHEN indicator_id IS NULL THEN indicator_label END
FROM observations
WHERE document_id = ? AND municipality_code IS NOT NULL AND fiscal_year IS NOT NULL
  AND value_kind IN ('plan', 'estimate', 'actual', 'achievement_rate')`;

/** The temporary table of keys to rebuild (one per connection). */
export const PLAN_VS_ACTUAL_DIRTY = /* sql */ `
CREATE TEMP TABLE IF NOT EXISTS plan_vs_actual_dirty (
  municipality_code TEXT NOT NULL,
  indicator_id      TEXT,
  label_key         TEXT
)`;

/** The marked keys, each once (a key is NULL in one of its columns: a UNIQUE constraint would not merge them). */
const DIRTY_KEYS = '(SELECT DISTINCT municipality_code, indicator_id, label_key FROM temp.plan_vs_actual_dirty)';

/** Rebuild the groups of the marked keys from the observations, then forget the keys. */
export const PLAN_VS_ACTUAL_REFRESH: readonly string[] = [
  `DELETE FROM plan_vs_actual_groups WHERE rowid IN (
    SELECT g.rowid FROM ${DIRTY_KEYS} k CROSS JOIN plan_vs_actual_groups g
    WHERE g.municipality_code = k.municipality_code AND g.indicator_id IS k.indicator_id
      AND g.label_key IS k.label_key)`,
  `INSERT INTO plan_vs_actual_groups (${GROUP_COLUMNS}) ${groupsOf(
    `${DIRTY_KEYS} k CROSS JOIN observations o`,
    `AND o.municipality_code = k.municipality_code AND o.indicator_id IS k.indicator_id
    AND CASE WHEN o.indicator_id IS NULL THEN o.indicator_label END IS k.label_key`,
  )}`,
  'DELETE FROM temp.plan_vs_actual_dirty',
];

export const sql = /* sql */ `
CREATE TABLE plan_vs_actual_groups (
  municipality_code, indicator_id, label_key, label_written, name_written, prefecture_written, subgroup, measure,
  unit, fiscal_year, plan_min, plan_max, estimate_min, estimate_max, actual_min, actual_max, n_observations,
  confidence, n_documents, rate_min, rate_max, n_rates, rate_confidence, plan, estimate, actual, achievement_rate
);
INSERT INTO plan_vs_actual_groups (${GROUP_COLUMNS}) ${groupsOf('observations o', '')};
CREATE INDEX plan_vs_actual_groups_indicator ON plan_vs_actual_groups (indicator_id, label_key, municipality_code);
CREATE INDEX plan_vs_actual_groups_municipality ON plan_vs_actual_groups (municipality_code, indicator_id, label_key);

DROP VIEW plan_vs_actual;
-- (the rows and columns of 009's view, from the groups kept at ingest)
CREATE VIEW plan_vs_actual AS
SELECT
  j.municipality_code,
  coalesce(m.name, j.name_written)                                           AS municipality_name,
  coalesce(m.prefecture, j.prefecture_written)                               AS prefecture,
  j.indicator_id,
  coalesce(i.label, j.label_written)                                         AS indicator_label,
  j.subgroup,
  j.measure,
  j.unit,
  j.fiscal_year,
  j.plan,
  j.estimate,
  j.actual,
  j.achievement_rate,
  CASE WHEN j.plan > 0 AND j.actual IS NOT NULL THEN round(100.0 * j.actual / j.plan, 1) END AS computed_rate,
  CASE WHEN j.plan IS NOT NULL AND j.actual IS NOT NULL THEN j.actual < j.plan END AS shortfall,
  nullif(
    substr(
      CASE WHEN j.plan_min <> j.plan_max THEN ', plan' ELSE '' END ||
      CASE WHEN j.estimate_min <> j.estimate_max THEN ', estimate' ELSE '' END ||
      CASE WHEN j.actual_min <> j.actual_max THEN ', actual' ELSE '' END ||
      CASE WHEN j.rate_min <> j.rate_max THEN ', achievement_rate' ELSE '' END,
      3),
    '')                                                                      AS conflicts,
  j.n_observations + j.n_rates                                               AS n_observations,
  j.n_documents                                                              AS n_documents,
  min(j.confidence, coalesce(j.rate_confidence, j.confidence))               AS confidence
FROM plan_vs_actual_groups j
LEFT JOIN indicators i ON i.id = j.indicator_id
LEFT JOIN municipalities m ON m.code = j.municipality_code;

DROP INDEX observations_indicator;
CREATE INDEX observations_indicator_kind ON observations
  (indicator_id, value_kind, municipality_name, fiscal_year, unit, confidence, value, document_id);
`;
