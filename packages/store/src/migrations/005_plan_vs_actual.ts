/**
 * 005 — `plan_vs_actual`: plans against results, one wide row per city × indicator × subgroup × measure × unit ×
 * fiscal year, for `shiryo compare` and for SQL of one's own.
 *
 * - Indicator: the catalog id when there is one (label variants merge), else the label as written.
 * - plan, estimate, actual: the value when every observation of that kind in the row agrees, else NULL and the
 *   kind is named in `conflicts` (two tables of one city disagreeing, or a table whose breakdown rows were not told
 *   apart). Subsets (内数, 再掲) are left out: a subset is never put beside a total.
 * - achievement_rate: the document's own 達成率 (percent), from the achievement-rate observations of the same city,
 *   indicator, subgroup, measure and year, whatever their unit (they are in percent, the counts in persons …).
 * - computed_rate: 100 × actual / plan, one decimal. shortfall: 1 when actual is below plan, 0 when not, NULL when
 *   either is missing.
 * - Observations without a city or a fiscal year are left out; `confidence` is the lowest of the row's
 *   observations, rates included.
 */
export const sql = /* sql */ `
CREATE VIEW plan_vs_actual AS
WITH counts AS (
  SELECT
    municipality_code,
    indicator_id,
    CASE WHEN indicator_id IS NULL THEN indicator_label END AS label_key,
    min(indicator_label) AS label_written,
    min(municipality_name) AS name_written,
    min(prefecture)        AS prefecture_written,
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
    count(*)                    AS n_observations,
    min(confidence)             AS confidence,
    group_concat(DISTINCT document_id) AS document_ids
  FROM observations
  WHERE municipality_code IS NOT NULL AND fiscal_year IS NOT NULL
    AND value_kind IN ('plan', 'estimate', 'actual')
  GROUP BY municipality_code, indicator_id, label_key, subgroup, measure, unit, fiscal_year
),
rates AS (
  SELECT
    municipality_code,
    indicator_id,
    CASE WHEN indicator_id IS NULL THEN indicator_label END AS label_key,
    subgroup,
    measure,
    fiscal_year,
    min(value)      AS rate_min,
    max(value)      AS rate_max,
    count(*)        AS n_rates,
    min(confidence) AS confidence
  FROM observations
  WHERE municipality_code IS NOT NULL AND fiscal_year IS NOT NULL AND value_kind = 'achievement_rate'
  GROUP BY municipality_code, indicator_id, label_key, subgroup, measure, fiscal_year
),
joined AS (
  SELECT
    c.*,
    CASE WHEN c.plan_min = c.plan_max THEN c.plan_min END             AS plan,
    CASE WHEN c.estimate_min = c.estimate_max THEN c.estimate_min END AS estimate,
    CASE WHEN c.actual_min = c.actual_max THEN c.actual_min END       AS actual,
    CASE WHEN r.rate_min = r.rate_max THEN r.rate_min END             AS achievement_rate,
    r.rate_min,
    r.rate_max,
    coalesce(r.n_rates, 0) AS n_rates,
    r.confidence           AS rate_confidence
  FROM counts c
  LEFT JOIN rates r
    ON r.municipality_code = c.municipality_code
   AND r.indicator_id IS c.indicator_id
   AND r.label_key IS c.label_key
   AND r.subgroup IS c.subgroup
   AND r.measure IS c.measure
   AND r.fiscal_year = c.fiscal_year
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
