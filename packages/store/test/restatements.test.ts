import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/index.js';
import { CITY, makeDoc, makeNorm, OTHER_CITY, obs, tempDb } from './helpers.js';

/**
 * Issue 14 item 5: a fact a document states twice (東松山市's group-home users in a table and again in a sentence;
 * 昭島市's 施設入所者数 in two goal sheets) is counted once by the views that count or compare.
 */
let store: Store;
const GH = 'service.kyodo_seikatsu_enjo';

beforeEach(() => {
  store = openStore(tempDb());
  store.upsertMunicipalities([CITY, OTHER_CITY]);
  store.upsertCatalog([{ id: GH, label: '共同生活援助', plan: 'shogai', units: ['person/month'], aliases: [] }]);
  store.ingestDocument(
    makeDoc('/plans/a.tsv'),
    makeNorm([
      // table 0: FY2021 plan 100, actual 90 (measure 利用実人数)
      obs({ fiscal_year: 2021, value_kind: 'plan', value: 100, measure: '利用実人数' }),
      obs({ fiscal_year: 2021, value_kind: 'actual', value: 90, col: 2, measure: '利用実人数' }),
      // table 3 says the actual again, under another label of the same id and no measure (利用者数 by its unit)
      obs({ fiscal_year: 2021, value_kind: 'actual', value: 90, table_index: 3, measure: null, indicator_label: 'GH' }),
      // a sentence says it a third time
      obs({ fiscal_year: 2021, value_kind: 'actual', value: 90, table_index: null, row: null, col: null }),
      // the same table twice with one value is not a restatement (two cells of one table: a breakdown not told apart)
      obs({ fiscal_year: 2022, value_kind: 'actual', value: 7, row: 5 }),
      obs({ fiscal_year: 2022, value_kind: 'actual', value: 7, row: 6 }),
      // another value, another kind or another year in another table is another fact
      obs({ fiscal_year: 2021, value_kind: 'actual', value: 91, table_index: 4 }),
      obs({ fiscal_year: 2021, value_kind: 'plan', value: 90, table_index: 4, col: 3 }),
    ]),
  );
  // The same fact in another document is not a restatement (two documents: counted as two sources).
  store.ingestDocument(
    makeDoc('/plans/a2.tsv'),
    makeNorm([obs({ fiscal_year: 2021, value_kind: 'actual', value: 90, table_index: 1 })]),
  );
});
afterEach(() => store.close());

describe('restatements', () => {
  it('marks the later statements of a fact from another table of the same document', () => {
    const rows = store.db
      .prepare(`SELECT o.table_index, o.value_kind, o.value, f.table_index AS first_table
        FROM observations o LEFT JOIN observations f ON f.id = o.restates ORDER BY o.id`)
      .all();
    expect(rows).toEqual([
      { table_index: 0, value_kind: 'plan', value: 100, first_table: null },
      { table_index: 0, value_kind: 'actual', value: 90, first_table: null },
      { table_index: 3, value_kind: 'actual', value: 90, first_table: 0 },
      { table_index: null, value_kind: 'actual', value: 90, first_table: 0 },
      { table_index: 0, value_kind: 'actual', value: 7, first_table: null },
      { table_index: 0, value_kind: 'actual', value: 7, first_table: null },
      { table_index: 4, value_kind: 'actual', value: 91, first_table: null },
      { table_index: 4, value_kind: 'plan', value: 90, first_table: null },
      { table_index: 1, value_kind: 'actual', value: 90, first_table: null },
    ]);
  });

  it('city_comparison and plan_vs_actual count each fact once', () => {
    const cc = store.db
      .prepare(`SELECT measure, n_values, n_documents, min_value, max_value FROM city_comparison
        WHERE indicator_id = ? AND fiscal_year = 2021 AND value_kind = 'actual' ORDER BY measure`)
      .all(GH);
    // 利用実人数 of the table (90 and 91 of table 4 count; the table-3 and sentence copies do not), and 利用者数
    // of the second document.
    expect(cc).toEqual([
      { measure: '利用実人数', n_values: 1, n_documents: 1, min_value: 90, max_value: 90 },
      { measure: '利用者数', n_values: 2, n_documents: 2, min_value: 90, max_value: 91 },
    ]);
    const pva = store.db
      .prepare(`SELECT measure, plan, actual, n_observations, conflicts FROM plan_vs_actual
        WHERE indicator_id = ? AND fiscal_year = 2021 ORDER BY measure`)
      .all(GH);
    expect(pva).toEqual([
      { measure: '利用実人数', plan: 100, actual: 90, n_observations: 2, conflicts: null },
      { measure: '利用者数', plan: 90, actual: null, n_observations: 3, conflicts: 'actual' },
    ]);
  });

  it('the export says which observations restate another (the last key, `restatement`)', () => {
    let out = '';
    store.exportObservations('jsonl', (c) => {
      out += c;
    });
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(rows[0] ?? {}).at(-1)).toBe('restatement');
    expect(rows.filter((r) => r.restatement === true).map((r) => [r.document_path, r.table_index])).toEqual([
      ['/plans/a.tsv', null],
      ['/plans/a.tsv', 3],
    ]);
    expect(rows.filter((r) => r.restatement === false)).toHaveLength(7);
  });
});
