/**
 * Migration 011: `plan_vs_actual` reads `plan_vs_actual_groups`, kept by the store in the transaction of every
 * write. After each kind of write (new document, a second document of the same city and indicator, other bytes at a
 * path, a re-read in place with another city, a path of one document seen holding another's bytes, a failed
 * ingest rolled back) the view must hold exactly the rows 009's view computes from the observations.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/index.js';
import { sql as view009 } from '../src/migrations/009_restatements.js';
import { CITY, makeDoc, makeNorm, OTHER_CITY, obs, tempDb } from './helpers.js';

const pct = { unit: 'percent', unit_text: '%', value_kind: 'achievement_rate' as const };
let store: Store;

/** 009's plan_vs_actual, computed from the observations on every query, as a temporary view. */
function createView009(s: Store): void {
  const at = view009.lastIndexOf('CREATE VIEW plan_vs_actual AS');
  expect(at).toBeGreaterThan(0);
  s.db.exec(view009.slice(at).replace('CREATE VIEW plan_vs_actual AS', 'CREATE TEMP VIEW plan_vs_actual_009 AS'));
}

const ORDER = `ORDER BY municipality_code, indicator_id, indicator_label, subgroup, measure, unit, fiscal_year, plan,
  estimate, actual, achievement_rate, conflicts, n_observations, n_documents, confidence`;
const rowsOf = (view: string) => store.db.prepare(`SELECT * FROM ${view} ${ORDER}`).all();

function expectSameAs009(): void {
  const now = rowsOf('plan_vs_actual');
  expect(now).toEqual(rowsOf('temp.plan_vs_actual_009'));
  // and the stored groups are no more than the view shows (none left behind by a deleted document)
  expect(store.db.prepare('SELECT count(*) FROM plan_vs_actual_groups').pluck().get()).toBe(now.length);
}

const first = () =>
  makeNorm([
    obs({ fiscal_year: 2021, value_kind: 'plan', value: 100 }),
    obs({ fiscal_year: 2021, value_kind: 'actual', value: 90, col: 2, confidence: 0.7 }),
    obs({ fiscal_year: 2021, ...pct, value: 90, col: 3 }),
    obs({ fiscal_year: 2022, value_kind: 'plan', value: 110, col: 4 }),
    obs({ fiscal_year: 2022, ...pct, unit: 'percent', value: 111, col: 6 }),
    obs({ fiscal_year: 2021, subgroup: '精神障害者', value_kind: 'plan', value: 30, row: 2 }),
    obs({ indicator_id: null, indicator_label: '独自事業', fiscal_year: 2021, value_kind: 'plan', value: 4, row: 5 }),
    obs({ fiscal_year: null, period_kind: null, value_kind: 'actual', value: 5, row: 4 }),
  ]);

beforeEach(() => {
  store = openStore(tempDb());
  store.upsertMunicipalities([CITY, OTHER_CITY]);
  store.upsertCatalog([
    { id: 'service.kyodo_seikatsu_enjo', label: '共同生活援助', plan: 'shogai', units: ['person/month'], aliases: [] },
  ]);
  createView009(store);
});
afterEach(() => store.close());

describe('plan_vs_actual_groups', () => {
  it('holds what 009 computed after every kind of write', () => {
    store.ingestDocument(makeDoc('/plans/a.tsv'), first());
    expectSameAs009();
    expect(rowsOf('plan_vs_actual').length).toBeGreaterThan(3);

    // a second document of the same city and indicator: FY2021 actual 95 disagrees with 90 (a conflict across
    // documents), a restatement of FY2022's plan in a sentence (left out), the label written differently
    store.ingestDocument(
      makeDoc('/plans/a2.tsv'),
      makeNorm([
        obs({ fiscal_year: 2021, value_kind: 'actual', value: 95, indicator_label: 'グループホーム' }),
        obs({ fiscal_year: 2022, value_kind: 'actual', value: 121, col: 2 }),
        obs({ fiscal_year: 2022, value_kind: 'actual', value: 121, table_index: 3, row: 9 }),
      ]),
    );
    expectSameAs009();
    const conflicts = store.db
      .prepare(
        "SELECT conflicts FROM plan_vs_actual WHERE indicator_id IS NOT NULL AND fiscal_year = 2021 AND subgroup IS NULL AND unit = 'person/month'",
      )
      .pluck()
      .get();
    expect(conflicts).toBe('actual');

    // other bytes at a.tsv: the first version is dropped (cascade) and its groups rebuilt without it
    store.ingestDocument(makeDoc('/plans/a.tsv', 'v2'), makeNorm([obs({ fiscal_year: 2021, value: 101 })]));
    expectSameAs009();

    // the same bytes of a2.tsv read anew with another city: its rows move from one city's groups to the other's
    store.ingestDocument(
      makeDoc('/plans/a2.tsv'),
      makeNorm([obs({ fiscal_year: 2021, value_kind: 'actual', value: 95 })], OTHER_CITY, 'option'),
    );
    expectSameAs009();
    expect(
      store.db.prepare('SELECT DISTINCT municipality_code FROM plan_vs_actual_groups ORDER BY 1').pluck().all(),
    ).toEqual([OTHER_CITY.code, CITY.code].sort());

    // a2.tsv's bytes seen at a.tsv: the document there (seen nowhere else) is dropped
    expect(store.recordPath(makeDoc('/plans/a2.tsv').sha256, '/plans/a.tsv')?.status).toBe('replaced');
    expectSameAs009();
    expect(
      store.db.prepare('SELECT count(*) FROM plan_vs_actual_groups WHERE municipality_code = ?').pluck().get(CITY.code),
    ).toBe(0);
  });

  it('a failed ingest leaves the groups as they were', () => {
    store.ingestDocument(makeDoc('/plans/a.tsv'), first());
    const before = rowsOf('plan_vs_actual');
    expect(() =>
      store.ingestDocument(makeDoc('/plans/a.tsv', 'v2'), makeNorm([obs({ value: 7 })]), { failAfterObservations: 1 }),
    ).toThrow();
    expect(rowsOf('plan_vs_actual')).toEqual(before);
    expectSameAs009();
  });

  it('a query of one indicator reads the groups by index, not the observations', () => {
    store.ingestDocument(makeDoc('/plans/a.tsv'), first());
    const details = (
      store.db.prepare('EXPLAIN QUERY PLAN SELECT * FROM plan_vs_actual WHERE indicator_id = ?').all('x') as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    // (either index of the groups that starts with the indicator: 015's year index is smaller, the planner may take it)
    expect(
      details.some((d) => /^SEARCH j USING INDEX plan_vs_actual_groups_(indicator|year) \(indicator_id=\?/.test(d)),
    ).toBe(true);
    expect(details.some((d) => /\bobservations\b/.test(d))).toBe(false);
  });
});
