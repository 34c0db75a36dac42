/** 002 — the views researchers query. `observations_flat` starts with exactly the export keys, in order. */
export const sql = /* sql */ `
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
  d.title             AS document_title,
  i.label             AS indicator_canonical_label,
  o.id                AS observation_id,
  o.document_id       AS document_id
FROM observations o
JOIN documents d ON d.id = o.document_id
LEFT JOIN indicators i ON i.id = o.indicator_id;

-- One row per (indicator, subgroup, measure, unit, fiscal year, value kind, municipality).
-- Observations with a catalog id are grouped by the id (label variants merge); others by the label as written.
-- value: the value when every observation of the group agrees, else NULL (see min/max/avg and n_values).
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
WHERE o.municipality_code IS NOT NULL
GROUP BY
  o.indicator_id,
  CASE WHEN o.indicator_id IS NULL THEN o.indicator_label END,
  o.subgroup, o.measure, o.unit, o.fiscal_year, o.value_kind, o.municipality_code;

-- Per municipality of the documents (NULL code: documents whose city was not recognised).
CREATE VIEW documents_summary AS
SELECT
  d.municipality_code,
  coalesce(m.name, max(d.municipality_name)) AS municipality_name,
  coalesce(m.prefecture, max(d.prefecture))  AS prefecture,
  count(*)                                   AS documents,
  sum(d.status = 'partial')                  AS partial_documents,
  sum(d.n_tables)                            AS tables,
  sum(d.n_observations)                      AS observations,
  max(d.ingested_at)                         AS last_ingested_at
FROM documents d
LEFT JOIN municipalities m ON m.code = d.municipality_code
GROUP BY d.municipality_code;
`;
