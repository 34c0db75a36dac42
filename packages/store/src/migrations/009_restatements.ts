/**
 * 009 — restatements (issue 14 item 5). A document often states one fact twice: a result in its table and again in
 * a sentence (東松山市's group-home users), a goal sheet's baseline again in the next sheet (昭島市's 施設入所者数).
 * Counting both doubles them in every comparison, and two readings of one fact that differ only in how the label or
 * measure is worded split a city's row in two.
 *
 * `observations.restates`: the id of the first observation of the same document stating the same fact — the same
 * indicator (catalog id, else the label as written), subgroup and measure in their canonical names (`subgroup_canonical`,
 * `measure_canonical`, else as written), unit, fiscal year, kind (and `subset_of_kind`), qualifier and value — when
 * that first one is in another table (a sentence counts as a table of its own; two cells of one table with one value
 * are not a restatement: a breakdown whose rows were not told apart must still show as a conflict). NULL for a first
 * statement. Set at ingest by the store (`RESTATEMENTS`, below), for the whole file here. "The same fact" is
 * `FACT_KEY_SQL` (packages/model/src/fact.ts), the one definition the confidence's agreement evidence reads too.
 *
 * The views that count or compare leave restatements out: `city_comparison` (n_values, min, max …) and
 * `plan_vs_actual` (so `shiryo compare`). `observations_flat` gains `restatement` (1 for a restatement, else 0; true/false in the export) after `measure_canonical`, the
 * export contract's new last key, and `restates` (the observation id) after `document_id`.
 */
import { FACT_KEY_SQL } from '@shiryo/model';

export const RESTATEMENTS = /* sql */ `
UPDATE observations SET restates = f.first_id
FROM (
  SELECT id, table_index,
    first_value(id) OVER w          AS first_id,
    first_value(table_index) OVER w AS first_table
  FROM observations
  WHERE document_id = ?
  WINDOW w AS (PARTITION BY document_id, ${FACT_KEY_SQL}, value ORDER BY id)
) f
WHERE observations.id = f.id AND f.table_index IS NOT f.first_table`;

export const sql = /* sql */ `
ALTER TABLE observations ADD COLUMN restates INTEGER;

${RESTATEMENTS.replace('document_id = ?', 'TRUE')};

DROP VIEW observations_flat;
CREATE VIEW observations_flat AS
SELECT
  d.sha256            AS document_sha256,
  d.path              AS document_path,
  o.municipality_code,
  o.municipality_name,
  o.prefecture,
  o.plan,
  o.plan_period,
  o.section,
  o.indicator_id,
  o.indicator_label,
  o.subgroup,
  o.measure,
  o.unit,
  o.unit_text,
  o.period_kind,
  o.fiscal_year,
  o.period_start,
  o.period_end,
  o.value_kind,
  o.value,
  o.value_text,
  o.qualifier,
  o.page,
  o.table_index,
  o.row,
  o.col,
  o.confidence,
  o.warnings,
  o.rules,
  o.subset_of_kind,
  o.subgroup_canonical,
  o.measure_canonical,
  o.restates IS NOT NULL AS restatement,
  d.title             AS document_title,
  i.label             AS indicator_canonical_label,
  o.id                AS observation_id,
  o.document_id       AS document_id,
  o.restates          AS restates
FROM observations o
JOIN documents d ON d.id = o.document_id
LEFT JOIN indicators i ON i.id = o.indicator_id;
;

DROP VIEW city_comparison;
-- (as in 002, restatements left out)
CREATE VIEW city_comparison AS
SELECT
  o.indicator_id,
  coalesce(i.label, min(o.indicator_label)) AS indicator_label,
  o.subgroup,
  o.measure,
  o.unit,
  o.fiscal_year,
  o.value_kind,
  o.municipality_code,
  coalesce(m.name, min(o.municipality_name)) AS municipality_name,
  coalesce(m.prefecture, min(o.prefecture))  AS prefecture,
  CASE WHEN min(o.value) = max(o.value) THEN min(o.value) END AS value,
  count(*)                      AS n_values,
  min(o.value)                  AS min_value,
  max(o.value)                  AS max_value,
  avg(o.value)                  AS avg_value,
  count(DISTINCT o.document_id) AS n_documents
FROM observations o
LEFT JOIN indicators i ON i.id = o.indicator_id
LEFT JOIN municipalities m ON m.code = o.municipality_code
WHERE o.municipality_code IS NOT NULL AND o.restates IS NULL
GROUP BY
  o.indicator_id,
  CASE WHEN o.indicator_id IS NULL THEN o.indicator_label END,
  o.subgroup, o.measure, o.unit, o.fiscal_year, o.value_kind, o.municipality_code;

DROP VIEW plan_vs_actual;
-- (as in 008, restatements left out)
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
    AND restates IS NULL
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
