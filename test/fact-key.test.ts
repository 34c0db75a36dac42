/**
 * "The same fact" has one definition (`factKey`, packages/model/src/fact.ts) read by the confidence's agreement
 * evidence (`collides`: one fact, two values) and the store's restatements (`restates`: one fact, one value, stated
 * in another table or a sentence). The store computes it in SQL (`FACT_KEY_SQL` inside migration 009's
 * `RESTATEMENTS`): here both are run on the same observations, and must group them alike.
 */
import { canonicalMeasure, canonicalSubgroup, factKey, type Observation } from '@shiryo/model';
import { confidenceContext } from '@shiryo/normalizer';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { observation } from '../packages/normalizer/test/observation.js';
import { RESTATEMENTS } from '../packages/store/src/migrations/009_restatements.js';

const base: Observation = observation({ indicator_label: '共同生活援助', value_kind: 'actual' });
const obs = (o: Partial<Observation>): Observation => ({ ...base, ...o });

/** `restates` as the store sets it: each observation's row in a minimal `observations` table, then RESTATEMENTS. */
function storeRestates(os: Observation[]): (number | null)[] {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE observations (id INTEGER PRIMARY KEY, document_id INTEGER, table_index INTEGER,
    indicator_id TEXT, indicator_label TEXT, subgroup TEXT, measure TEXT, subgroup_canonical TEXT,
    measure_canonical TEXT, unit TEXT, fiscal_year INTEGER, value_kind TEXT, subset_of_kind TEXT, qualifier TEXT,
    value REAL, restates INTEGER)`);
  const insert = db.prepare(`INSERT INTO observations (id, document_id, table_index, indicator_id, indicator_label,
    subgroup, measure, subgroup_canonical, measure_canonical, unit, fiscal_year, value_kind, subset_of_kind, qualifier,
    value) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  os.forEach((o, i) => {
    // (the canonical columns as packages/store/src/ingest.ts fills them)
    insert.run(
      i + 1,
      o.table_index,
      o.indicator_id,
      o.indicator_label,
      o.subgroup,
      o.measure,
      canonicalSubgroup(o.subgroup),
      canonicalMeasure(o.measure, o.unit),
      o.unit,
      o.fiscal_year,
      o.value_kind,
      o.value_kind === 'subset' ? (o.subset_of_kind ?? null) : null,
      o.qualifier,
      o.value,
    );
  });
  db.prepare(RESTATEMENTS).run(1);
  const rows = db.prepare('SELECT restates FROM observations ORDER BY id').all() as { restates: number | null }[];
  db.close();
  return rows.map((r) => r.restates);
}

/** `restates` from `factKey`: the first observation of the same fact and value, when it is in another table. */
function keyRestates(os: Observation[]): (number | null)[] {
  return os.map((o) => {
    const first = os.findIndex((p) => factKey(p) === factKey(o) && p.value === o.value);
    return os[first]!.table_index !== o.table_index ? first + 1 : null;
  });
}

// Observations of one document: pairs that differ in one field of the fact, or only in its wording.
const DOCUMENT: Observation[] = [
  obs({}),
  // the same fact in a sentence (table_index null: a sentence is a table of its own) — a restatement
  obs({ table_index: null, reader: 'prose', row: null, col: null }),
  // the measure in other words (利用実人数 is 利用者数) in another table — the same fact, the same value
  obs({ table_index: 1, measure: '利用実人数' }),
  // the subgroup in other words (精神障がい者 is 精神障害者) — the same fact, with another value: a collision
  obs({ subgroup: '精神障害者', value: 3, col: 2 }),
  obs({ subgroup: '精神障がい者の利用者数(再掲)', value: 4, table_index: 2 }),
  // another year, another kind, another unit, a qualifier: other facts
  obs({ fiscal_year: 2025, table_index: 3 }),
  obs({ value_kind: 'plan', table_index: 3 }),
  obs({ unit: 'person', table_index: 3 }),
  obs({ qualifier: 'gte', table_index: 3 }),
  // a catalog id makes two wordings of the indicator one fact; without one, the label as written decides
  obs({ indicator_id: 'gh', indicator_label: 'グループホーム', value: 20, table_index: 4 }),
  obs({ indicator_id: 'gh', indicator_label: '共同生活援助(グループホーム)', value: 20, table_index: 5 }),
  obs({ indicator_label: '共同生活援助(グループホーム)', value: 20, table_index: 6 }),
  // two labels one catalog id files together, with other values: one fact for a restatement's key, two for a
  // disagreement (the label as written tells them apart)
  obs({ indicator_id: 'jt', indicator_label: '自立訓練(機能訓練)', value: 7, table_index: 9 }),
  obs({ indicator_id: 'jt', indicator_label: '自立訓練(生活訓練)', value: 33, table_index: 9, col: 2 }),
  // the same label under another heading with another value: another area's figure, no disagreement
  obs({ section: '北部圏域', value: 12, table_index: 10 }),
  // a subset's fact includes the kind it is part of
  obs({ value_kind: 'subset', subset_of_kind: 'plan', value: 5, table_index: 7 }),
  obs({ value_kind: 'subset', subset_of_kind: 'actual', value: 5, table_index: 8 }),
  obs({ value_kind: 'subset', subset_of_kind: 'plan', value: 6, table_index: 8, col: 3 }),
];

describe('one definition of the same fact, for the store and the confidence', () => {
  it('groups restatements in SQL (migration 009) as factKey does', () => {
    const stored = storeRestates(DOCUMENT);
    expect(stored).toEqual(keyRestates(DOCUMENT));
    // (checked by hand: the sentence and the other wording of the measure restate the first; the second wording of
    // the catalog indicator restates the first; the label without a catalog id is its own fact; nothing else)
    expect(stored).toEqual([
      ...[null, 1, 1, null, null, null, null, null, null, null, 10, null],
      ...[null, null, null, null, null, null],
    ]);
  });

  it('counts as collisions the observations of one fact with two values, by the same key, strictly', () => {
    const { collides } = confidenceContext(DOCUMENT);
    const at = DOCUMENT.map((o, i) => (collides.has(o) ? i : -1)).filter((i) => i >= 0);
    // the two wordings of 精神障害者 (3 and 4); two subsets of the plan (5 and 6); nothing restated with its value,
    // nor the two labels of one catalog id, nor another heading's figure
    expect(at).toEqual([3, 4, 15, 17]);
  });
});
