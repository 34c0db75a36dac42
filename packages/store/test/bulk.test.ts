/**
 * `Store.bulkLoad` writes what `ingestDocument` of each document in turn writes (every table, the search index,
 * the plan_vs_actual groups, the schema's indexes), only faster; and it refuses a document already stored.
 */
import type { Observation } from '@shiryo/model';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/index.js';
import { CITY, makeDoc, makeNorm, OTHER_CITY, obs, tempDb } from './helpers.js';

/** Three documents: two cities, a restatement (same fact in another table), an indicator known by its label only. */
function items() {
  const first: Observation[] = [
    obs({ value_kind: 'plan', value: 45, value_text: '45' }),
    obs({ value_kind: 'actual', value: 40, value_text: '40', col: 2 }),
    obs({ value_kind: 'achievement_rate', value: 88.9, value_text: '88.9', unit: 'percent', unit_text: '%', col: 3 }),
    // the plan again in a sentence (table 1): a restatement
    obs({ value_kind: 'plan', value: 45, value_text: '45', table_index: 1, row: 0, col: 0 }),
    obs({ indicator_id: null, indicator_label: '独自の指標', value_kind: 'actual', value: 7, value_text: '7', row: 2 }),
    obs({
      fiscal_year: 2022,
      period_start: '2022-04-01',
      period_end: '2023-03-31',
      value: 47,
      value_text: '47',
      col: 4,
    }),
  ];
  const second: Observation[] = [
    obs({ value_kind: 'plan', value: 12, value_text: '12', confidence: 0.5 }),
    obs({ value_kind: 'actual', value: 15, value_text: '15', col: 2, warnings: ['sum differs'] }),
  ];
  // a second document of the first city feeding the same city × indicator key
  const third: Observation[] = [obs({ value_kind: 'actual', value: 41, value_text: '41', col: 5 })];
  return [
    { doc: makeDoc('/p/higashimatsuyama.tsv'), norm: makeNorm(first, CITY), opts: { pathMunicipalityCode: CITY.code } },
    { doc: makeDoc('/p/tokorozawa.tsv'), norm: makeNorm(second, OTHER_CITY), opts: {} },
    { doc: makeDoc('/p/higashimatsuyama-2.tsv', 'v2'), norm: makeNorm(third, CITY), opts: { planGiven: true } },
  ];
}

/** Every row of every table (times left out), the groups in a stable order, and the schema. */
function dump(db: Database.Database) {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    if (t === 'migrations') continue;
    // (FTS5's config tables are WITHOUT ROWID)
    const withoutRowid = /WITHOUT ROWID/i.test(
      db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(t) as string,
    );
    const order = withoutRowid ? '1' : 'rowid';
    const rows = db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).all() as Record<string, unknown>[];
    for (const r of rows) {
      delete r.ingested_at;
      delete r.seen_at;
      delete r.created_at;
    }
    // (the groups' rowids follow the order they were rebuilt in: compare them as a set)
    out[t] = t === 'plan_vs_actual_groups' ? rows.map((r) => JSON.stringify(r)).sort() : rows;
  }
  out.schema = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all();
  out.planVsActual = db.prepare('SELECT * FROM plan_vs_actual ORDER BY 1, 4, 5, 6, 7, 8, 9').all();
  return out;
}

describe('Store.bulkLoad', () => {
  it('stores what ingestDocument of each document in turn stores', () => {
    const one = openStore(tempDb());
    const bulk = openStore(tempDb());
    try {
      for (const s of [one, bulk]) s.upsertMunicipalities([CITY, OTHER_CITY]);
      for (const { doc, norm, opts } of items()) one.ingestDocument(doc, norm, opts);
      // (batches of 2 observations: the three documents go in three transactions)
      expect(bulk.bulkLoad(items(), { batchRows: 2 })).toEqual({ documents: 3, observations: 9 });
      const a = dump(one.db);
      const b = dump(bulk.db);
      expect(b).toEqual(a);
      // the check sees what it should: a restatement, groups of both cities, search items, the deferred indexes
      expect(b.observations).toContainEqual(expect.objectContaining({ restates: 1, table_index: 1 }));
      // (東松山市: the service in 2021 (plan, two actuals, its rate in percent joined) and 2022, 独自の指標; 所沢市)
      expect((b.plan_vs_actual_groups as string[]).length).toBe(4);
      expect((b.search_items as unknown[]).length).toBeGreaterThan(0);
      const indexes = (b.schema as { type: string; name: string }[]).filter((x) => x.type === 'index');
      expect(indexes.map((x) => x.name)).toEqual(
        expect.arrayContaining(['observations_indicator_kind', 'observations_municipality', 'observations_doubted']),
      );
      expect(bulk.planVsActual({ municipality: CITY.code, fiscalYear: 2021 })).toEqual(
        one.planVsActual({ municipality: CITY.code, fiscalYear: 2021 }),
      );
    } finally {
      one.close();
      bulk.close();
    }
  });

  it('refuses a document already stored, keeping the batches before it and the indexes', () => {
    const store = openStore(tempDb());
    try {
      const [a, b, c] = items();
      store.ingestDocument(b!.doc, b!.norm, b!.opts);
      expect(() => store.bulkLoad([a!, b!, c!], { batchRows: 1 })).toThrow(/not stored yet/);
      const paths = store.db.prepare('SELECT path FROM documents ORDER BY id').pluck().all();
      expect(paths).toEqual(['/p/tokorozawa.tsv', '/p/higashimatsuyama.tsv']);
      const names = store.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' ORDER BY name")
        .pluck()
        .all();
      expect(names).toEqual([
        'observations_document',
        'observations_doubted',
        'observations_indicator_kind',
        'observations_municipality',
      ]);
      // the first document's groups were built
      expect(store.planVsActual({ municipality: CITY.code }).length).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });
});
