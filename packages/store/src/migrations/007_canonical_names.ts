/**
 * 007 — canonical subgroups and measures (issue 14 item 4): `observations.subgroup_canonical` (`精神障がい者の利用者数
 * (再掲)`, `精神障害者の利用者数で、内数`, `精神障害者` → `精神障害者`) and `observations.measure_canonical` (`利用者数`,
 * `利用実人数`, none in `person/month` → `利用者数`), set at ingest by `canonicalSubgroup` / `canonicalMeasure` of
 * `@shiryo/model`. `subgroup` and `measure` keep the words as written. `observations_flat` gains both right after
 * `subset_of_kind`, as the export contract's last keys. NULL for observations stored before this migration (ingest
 * them again with --force to fill them).
 */
export const sql = /* sql */ `
ALTER TABLE observations ADD COLUMN subgroup_canonical TEXT;
ALTER TABLE observations ADD COLUMN measure_canonical TEXT;

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
  d.title             AS document_title,
  i.label             AS indicator_canonical_label,
  o.id                AS observation_id,
  o.document_id       AS document_id
FROM observations o
JOIN documents d ON d.id = o.document_id
LEFT JOIN indicators i ON i.id = o.indicator_id;
`;
