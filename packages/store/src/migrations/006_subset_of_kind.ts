/**
 * 006 — a subset keeps the kind of the figure it is part of (`observations.subset_of_kind`: `191 <116>` in a plan
 * column is a part of a plan), so parts of plans and parts of results are never compared. `observations_flat` gains
 * the column right after `rules`, as the export contract's last key. NULL for every other kind, and for subsets
 * stored before this migration (ingest them again with --force to fill it).
 */
export const sql = /* sql */ `
ALTER TABLE observations ADD COLUMN subset_of_kind TEXT;

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
  d.title             AS document_title,
  i.label             AS indicator_canonical_label,
  o.id                AS observation_id,
  o.document_id       AS document_id
FROM observations o
JOIN documents d ON d.id = o.document_id
LEFT JOIN indicators i ON i.id = o.indicator_id;
`;
