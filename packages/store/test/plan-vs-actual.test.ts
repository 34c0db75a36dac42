import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/index.js';
import { CITY, makeDoc, makeNorm, OTHER_CITY, obs, tempDb } from './helpers.js';

let store: Store;
const GH = 'service.kyodo_seikatsu_enjo';
const pct = { unit: 'percent', unit_text: '%', value_kind: 'achievement_rate' as const };

beforeEach(() => {
  store = openStore(tempDb());
  store.upsertMunicipalities([CITY, OTHER_CITY]);
  store.upsertCatalog([{ id: GH, label: '共同生活援助', plan: 'shogai', units: ['person/month'], aliases: [] }]);
  // 東松山市, one document: FY2021 plan 100, actual 90, the document's 達成率 90.0 %; FY2022 plan 110, actual 121
  // and a 達成率 that does not agree with them (111.0); a 精神障害者 breakdown row; a subset; a value without a year.
  store.ingestDocument(
    makeDoc('/plans/a.tsv'),
    makeNorm([
      obs({ fiscal_year: 2021, value_kind: 'plan', value: 100 }),
      obs({ fiscal_year: 2021, value_kind: 'actual', value: 90, col: 2, confidence: 0.7 }),
      obs({ fiscal_year: 2021, ...pct, value: 90, col: 3 }),
      obs({ fiscal_year: 2022, value_kind: 'plan', value: 110, col: 4 }),
      obs({ fiscal_year: 2022, value_kind: 'actual', value: 121, col: 5 }),
      obs({ fiscal_year: 2022, ...pct, value: 111, col: 6 }),
      obs({ fiscal_year: 2021, subgroup: '精神障害者', value_kind: 'plan', value: 30, row: 2 }),
      obs({ fiscal_year: 2021, subgroup: '精神障害者', value_kind: 'actual', value: 30, row: 2, col: 2 }),
      obs({ fiscal_year: 2021, subgroup: '精神障害者(再掲)', value_kind: 'subset', value: 29, row: 3 }),
      obs({ fiscal_year: null, period_kind: null, value_kind: 'actual', value: 5, row: 4 }),
    ]),
  );
  // 東松山市, a second document: FY2021 actual 95 (disagrees with 90), and a 見込 for FY2023; the label as written
  // differs but the catalog id is the same.
  store.ingestDocument(
    makeDoc('/plans/a2.tsv'),
    makeNorm([
      obs({ fiscal_year: 2021, value_kind: 'actual', value: 95, indicator_label: 'グループホーム' }),
      obs({ fiscal_year: 2023, value_kind: 'estimate', value: 118, col: 2 }),
    ]),
  );
  // 所沢市 counts persons (not per month) and measures 利用実人数: its own row; an indicator without a catalog id.
  store.ingestDocument(
    makeDoc('/plans/b.tsv'),
    makeNorm(
      [
        obs({ fiscal_year: 2021, unit: 'person', measure: '利用実人数', value_kind: 'plan', value: 60 }),
        obs({ fiscal_year: 2021, unit: 'person', measure: '利用実人数', value_kind: 'actual', value: 61, col: 2 }),
        obs({ indicator_id: null, indicator_label: '独自事業', fiscal_year: 2021, value_kind: 'plan', value: 4 }),
      ],
      OTHER_CITY,
    ),
  );
});
afterEach(() => store.close());

const COLS = `municipality_name, prefecture, indicator_id, indicator_label, subgroup, measure, unit, fiscal_year, plan,
  estimate, actual, achievement_rate, computed_rate, shortfall, conflicts, n_observations, n_documents, confidence`;

describe('plan_vs_actual', () => {
  it('one wide row per city × indicator × subgroup × measure × unit × year, with both rates and the shortfall', () => {
    const rows = store.db
      .prepare(`SELECT ${COLS} FROM plan_vs_actual WHERE indicator_id = ?
        ORDER BY municipality_code DESC, subgroup IS NOT NULL, fiscal_year`)
      .all(GH);
    const base = { prefecture: '埼玉県', indicator_id: GH, indicator_label: '共同生活援助', subgroup: null };
    const gh = { ...base, municipality_name: '東松山市', measure: '利用者数', unit: 'person/month' };
    expect(rows).toEqual([
      {
        ...gh,
        fiscal_year: 2021,
        plan: 100,
        estimate: null,
        actual: null, // 90 and 95 disagree
        achievement_rate: 90,
        computed_rate: null,
        shortfall: null,
        conflicts: 'actual',
        n_observations: 4,
        n_documents: 2,
        confidence: 0.7,
      },
      {
        ...gh,
        fiscal_year: 2022,
        plan: 110,
        estimate: null,
        actual: 121,
        achievement_rate: 111, // as the document gives it; 121 / 110 is 110.0 %
        computed_rate: 110,
        shortfall: 0,
        conflicts: null,
        n_observations: 3,
        n_documents: 1,
        confidence: 0.9,
      },
      {
        ...gh,
        fiscal_year: 2023,
        plan: null,
        estimate: 118,
        actual: null,
        achievement_rate: null,
        computed_rate: null,
        shortfall: null,
        conflicts: null,
        n_observations: 1,
        n_documents: 1,
        confidence: 0.9,
      },
      {
        ...gh,
        subgroup: '精神障害者',
        fiscal_year: 2021,
        plan: 30,
        estimate: null,
        actual: 30,
        achievement_rate: null,
        computed_rate: 100,
        shortfall: 0,
        conflicts: null,
        n_observations: 2,
        n_documents: 1,
        confidence: 0.9,
      },
      {
        ...base,
        municipality_name: '所沢市',
        measure: '利用実人数',
        unit: 'person',
        fiscal_year: 2021,
        plan: 60,
        estimate: null,
        actual: 61,
        achievement_rate: null,
        computed_rate: 101.7,
        shortfall: 0,
        conflicts: null,
        n_observations: 2,
        n_documents: 1,
        confidence: 0.9,
      },
    ]);
  });

  it('a shortfall is an actual below plan; subsets and values without a year stay out; no id: the label', () => {
    store.ingestDocument(
      makeDoc('/plans/c.tsv'),
      makeNorm([
        obs({ fiscal_year: 2024, value_kind: 'plan', value: 50 }),
        obs({ fiscal_year: 2024, value_kind: 'actual', value: 42.5, col: 2 }),
      ]),
    );
    const short = store.db
      .prepare('SELECT plan, actual, computed_rate, shortfall FROM plan_vs_actual WHERE fiscal_year = 2024')
      .all();
    expect(short).toEqual([{ plan: 50, actual: 42.5, computed_rate: 85, shortfall: 1 }]);
    const where = (w: string) => store.db.prepare(`SELECT count(*) FROM plan_vs_actual WHERE ${w}`).pluck().get();
    expect(where("subgroup LIKE '%再掲%'")).toBe(0);
    expect(where('fiscal_year IS NULL')).toBe(0);
    expect(
      store.db
        .prepare('SELECT indicator_id, indicator_label, plan FROM plan_vs_actual WHERE indicator_id IS NULL')
        .all(),
    ).toEqual([{ indicator_id: null, indicator_label: '独自事業', plan: 4 }]);
  });

  it('a filter on the indicator reaches the index of the stored groups (no pass over every observation)', () => {
    const plan = (sql: string) =>
      (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(GH) as { detail: string }[]).map((r) => r.detail);
    const details = plan('SELECT * FROM plan_vs_actual WHERE indicator_id = ?');
    // Schema 5 joined a rates CTE materialized from every observation: `MATERIALIZE rates` over a range scan;
    // schema 11 reads the groups kept at ingest (plan_vs_actual_groups) by their indicator index.
    expect(details.some((d) => d.startsWith('MATERIALIZE'))).toBe(false);
    expect(details.some((d) => /^SEARCH j USING (COVERING )?INDEX .*indicator_id=\?/.test(d))).toBe(true);
    expect(details.some((d) => /^SCAN (observations|j)\b/.test(d))).toBe(false);
  });

  it('optimize leaves the planner statistics of the observations', () => {
    expect(store.optimize()).toBe(true);
    const stats = store.db.prepare("SELECT idx FROM sqlite_stat1 WHERE tbl = 'observations'").all();
    expect(stats.length).toBeGreaterThan(0);
  });
});
