/**
 * 008 — queries that stay fast at national scale (1,741 cities × 10 years × 300 indicators ≈ 15 M observations;
 * `scripts/bench-national.mjs`, docs/benchmarks.md).
 *
 * - `plan_vs_actual` reads the achievement rates in the same pass as plans and results: one GROUP BY per city ×
 *   indicator × subgroup × measure × unit × year over the four kinds, then the rates of every unit of a city ×
 *   indicator × subgroup × measure × year gathered by a window over that partition (the old view joined a `rates`
 *   CTE that SQLite materialized for the whole table on every query, 2.6 s at 450,000 rows whatever the filter).
 *   A filter on the city, indicator or year is now pushed down to the observations index. Same rows and columns.
 * - The single-column indexes on `fiscal_year` and `value_kind` go: a few distinct values each, they misled the
 *   planner (README query 1 scanned every `actual` through `observations_value_kind`) and cost every insert.
 * - `observations_doubted`, a partial index of the numbers the README's review queries look for
 *   (`confidence < 0.6 OR warnings <> '[]'`), in document order: the first doubted numbers of the first documents
 *   are found without a pass over the others, and a count of them reads only them.
 */
export const sql = /* sql */ `
DROP INDEX IF EXISTS observations_fiscal_year;
DROP INDEX IF EXISTS observations_value_kind;
CREATE INDEX observations_doubted ON observations (document_id, table_index, row, col)
  WHERE confidence < 0.6 OR warnings <> '[]';

DROP VIEW plan_vs_actual;
CREATE VIEW plan_vs_actual AS
WITH grouped AS (
  SELECT
    municipality_code,
    indicator_id,
    CASE WHEN indicator_id IS NULL THEN indicator_label END AS label_key,
    min(CASE WHEN value_kind <> 'achievement_rate' THEN indicator_label END)   AS label_written,
    min(CASE WHEN value_kind <> 'achievement_rate' THEN municipality_name END) AS name_written,
    min(CASE WHEN value_kind <> 'achievement_rate' THEN prefecture END)        AS prefecture_written,
    subgroup,
    measure,
    unit,
    fiscal_year,
    min(CASE WHEN value_kind = 'plan' THEN value END)     AS plan_min,
    max(CASE WHEN value_kind = 'plan' THEN value END)     AS plan_max,
    min(CASE WHEN value_kind = 'estimate' THEN value END) AS estimate_min,
    max(CASE WHEN value_kind = 'estimate' THEN value END) AS estimate_max,
    min(CASE WHEN value_kind = 'actual' THEN value END)   AS actual_min,
    max(CASE WHEN value_kind = 'actual' THEN value END)   AS actual_max,
    sum(value_kind <> 'achievement_rate')                 AS n_observations,
    min(CASE WHEN value_kind <> 'achievement_rate' THEN confidence END) AS confidence,
    group_concat(DISTINCT CASE WHEN value_kind <> 'achievement_rate' THEN document_id END) AS document_ids,
    min(CASE WHEN value_kind = 'achievement_rate' THEN value END)      AS unit_rate_min,
    max(CASE WHEN value_kind = 'achievement_rate' THEN value END)      AS unit_rate_max,
    sum(value_kind = 'achievement_rate')                               AS unit_n_rates,
    min(CASE WHEN value_kind = 'achievement_rate' THEN confidence END) AS unit_rate_confidence
  FROM observations
  WHERE municipality_code IS NOT NULL AND fiscal_year IS NOT NULL
    AND value_kind IN ('plan', 'estimate', 'actual', 'achievement_rate')
  GROUP BY municipality_code, indicator_id, label_key, subgroup, measure, unit, fiscal_year
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
),
joined AS (
  SELECT
    c.*,
    CASE WHEN c.plan_min = c.plan_max THEN c.plan_min END             AS plan,
    CASE WHEN c.estimate_min = c.estimate_max THEN c.estimate_min END AS estimate,
    CASE WHEN c.actual_min = c.actual_max THEN c.actual_min END       AS actual,
    CASE WHEN c.rate_min = c.rate_max THEN c.rate_min END             AS achievement_rate
  FROM windowed c
  WHERE c.n_observations > 0
)
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
  length(j.document_ids) - length(replace(j.document_ids, ',', '')) + 1      AS n_documents,
  min(j.confidence, coalesce(j.rate_confidence, j.confidence))               AS confidence
FROM joined j
LEFT JOIN indicators i ON i.id = j.indicator_id
LEFT JOIN municipalities m ON m.code = j.municipality_code;
`;
