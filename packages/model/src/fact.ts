/**
 * "The same fact": which observations of one document state one fact, their values aside. One definition for the
 * two places that ask it:
 *
 * - the confidence's agreement evidence (`collides`, packages/normalizer/src/confidence.ts): two values for one fact,
 *   so at least one of them was misread;
 * - the store's restatements (`observations.restates`, migration 009): one value stated twice (a table and a
 *   sentence), counted once.
 *
 * A fact is its indicator (the catalog id, else the label as written), its subgroup and measure in their canonical
 * names (`canonicalSubgroup`, `canonicalMeasure`: `利用実人数` and `利用者数` are one measure), its unit, fiscal year,
 * kind (with the kind a subset is part of: a part of a plan is not a part of a result) and qualifier. Not its
 * wording, place or confidence, and not its section (the heading a number sits under): a figure restated under
 * another heading is the same fact (a goal sheet's baseline again in the next sheet, a table's result again in a
 * sentence of the evaluation: 214 of the 594 restatements of the fixtures are under another heading).
 *
 * Two values are a disagreement (`{ strict: true }`) only between observations that agree on everything that could
 * tell two facts apart: under the same heading (`section`) and with the same label as written (not only the same
 * catalog id). Across headings, or across labels the catalog files under one id, two values are, in the documents
 * with known truth, nearly always two facts the reading keeps apart and the key does not (the same service per area,
 * each under its heading: 1,124 of 1,126 such observations right on the tuned corpus, seeds 101–103; 自立訓練(機能訓練)
 * and 自立訓練(生活訓練), one catalog id: 489 of 512 right), while one value under two wordings or two headings is one
 * fact stated twice (共同生活援助 in a table, 共同生活援助(グループホーム) in a sentence: 36 of the fixtures' 594
 * restatements need the catalog id, 214 are under another heading). Equal values are evidence of one fact; a coarse
 * key shared by two different values is not evidence of a misreading.
 *
 * `factKey` computes it in TypeScript; `FACT_KEY_SQL` is the same key over the columns of the store's `observations`
 * table (for PARTITION BY), where the canonical names are stored columns (`subgroup_canonical`, `measure_canonical`,
 * set from the same functions at ingest). test/fact-key.test.ts checks that they group alike.
 */
import { canonicalMeasure, canonicalSubgroup } from './canonical.js';

/** The fields of an observation its fact is read from. */
export interface FactFields {
  indicator_id: string | null;
  indicator_label: string;
  subgroup: string | null;
  measure: string | null;
  unit: string | null;
  fiscal_year: number | null;
  value_kind: string;
  qualifier: string | null;
  subset_of_kind?: string | null | undefined;
  section?: string | null | undefined;
}

/**
 * The fact an observation states, as a string: equal for two observations of the same fact (see the module doc);
 * `strict`, of the same fact under the same heading and label as written (what a disagreement needs).
 */
export function factKey(o: FactFields, { strict = false }: { strict?: boolean } = {}): string {
  return JSON.stringify([
    ...(strict
      ? [o.section ?? null, o.indicator_label]
      : [o.indicator_id, o.indicator_id === null ? o.indicator_label : null]),
    canonicalSubgroup(o.subgroup) ?? o.subgroup,
    canonicalMeasure(o.measure, o.unit) ?? o.measure,
    o.unit,
    o.fiscal_year,
    o.value_kind,
    // (as the store keeps it: the kind a subset is part of, for a subset only)
    o.value_kind === 'subset' ? (o.subset_of_kind ?? null) : null,
    o.qualifier,
  ]);
}

/**
 * `factKey` as SQL expressions over the store's `observations` columns, comma-separated (for PARTITION BY or
 * GROUP BY; SQL groups NULLs together as `factKey` does).
 */
export const FACT_KEY_SQL = [
  'indicator_id',
  'CASE WHEN indicator_id IS NULL THEN indicator_label END',
  'coalesce(subgroup_canonical, subgroup)',
  'coalesce(measure_canonical, measure)',
  'unit',
  'fiscal_year',
  'value_kind',
  'subset_of_kind',
  'qualifier',
].join(', ');
