/**
 * `Store.planVsActual`'s filters read by index (migrations 014, 015) and give the rows the plain filters gave: a
 * municipality by code, by reference name (two cities of one name), by the name as written of a city missing from
 * the reference list, and a written name the reference list overrides (no row); a fiscal year.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type PlanVsActualRow, type Store } from '../src/index.js';
import { CITY, makeDoc, makeNorm, OTHER_CITY, obs, tempDb } from './helpers.js';

const FUCHU_TOKYO = { code: '132063', name: '府中市', prefecture: '東京都', kana: 'ふちゅうし' };
const FUCHU_HIROSHIMA = { code: '342084', name: '府中市', prefecture: '広島県', kana: 'ふちゅうし' };
/** Not in the reference list: the view shows the name as written. */
const UNLISTED = { code: '999991', name: '架空町', prefecture: '埼玉県', kana: 'かくうちょう' };
/** CITY's code written with another name: the view shows the reference name, 東松山市. */
const MISNAMED = { ...CITY, name: '東松山町' };

let store: Store;
const docOf = (n: number, city: typeof CITY) =>
  makeNorm(
    [2021, 2022, 2023].flatMap((fiscal_year, i) => [
      obs({ fiscal_year, value_kind: 'plan', value: 100 + n + i, col: 1 + 2 * i }),
      obs({ fiscal_year, value_kind: 'actual', value: 90 + n + i, col: 2 + 2 * i }),
    ]),
    city,
  );

beforeEach(() => {
  store = openStore(tempDb());
  store.upsertMunicipalities([CITY, OTHER_CITY, FUCHU_TOKYO, FUCHU_HIROSHIMA]);
  store.upsertCatalog([
    { id: 'service.kyodo_seikatsu_enjo', label: '共同生活援助', plan: 'shogai', units: ['person/month'], aliases: [] },
  ]);
  for (const [n, city] of [CITY, OTHER_CITY, FUCHU_TOKYO, FUCHU_HIROSHIMA, UNLISTED].entries())
    store.ingestDocument(makeDoc(`/plans/${n}.tsv`), docOf(n, city));
  store.ingestDocument(makeDoc('/plans/misnamed.tsv'), docOf(9, MISNAMED));
});
afterEach(() => store.close());

/** The rows the filter `municipality_code = x OR municipality_name = x` keeps, from every row. */
const byHand = (all: PlanVsActualRow[], x: string) =>
  all.filter((r) => r.municipality_code === x || r.municipality_name === x);

describe('planVsActual --municipality', () => {
  it('gives the rows of the plain filter, for codes, reference names, written names and unknown words', () => {
    const all = store.planVsActual();
    expect(new Set(all.map((r) => r.municipality_name))).toEqual(new Set(['東松山市', '所沢市', '府中市', '架空町']));
    const cases: [string, number][] = [
      [CITY.code, 1], // (two documents, its own and the misnamed one, feed the same groups)
      ['東松山市', 1],
      [OTHER_CITY.code, 1],
      ['所沢市', 1],
      ['府中市', 2],
      [FUCHU_HIROSHIMA.code, 1],
      ['架空町', 1],
      [UNLISTED.code, 1],
      ['東松山町', 0],
      ['どこにもない市', 0],
    ];
    for (const [x, cities] of cases) {
      const rows = store.planVsActual({ municipality: x });
      expect(rows, x).toEqual(byHand(all, x));
      expect(new Set(rows.map((r) => r.municipality_code)).size, x).toBe(cities);
      // three years each city
      expect(rows.length, x).toBe(3 * cities);
      const year = store.planVsActual({ municipality: x, fiscalYear: 2022, kind: 'actual' });
      expect(year, x).toEqual(
        byHand(all, x).filter(
          // (an actual that disagrees between documents is left empty and named in conflicts: 東松山市's two)
          (r) => r.fiscal_year === 2022 && (r.actual !== null || (r.conflicts ?? '').includes('actual')),
        ),
      );
    }
  });

  it('reads the groups by the municipality index, not a walk of every city', () => {
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM plan_vs_actual WHERE municipality_code IN (?, ?) AND indicator_id IN (?)
         AND (municipality_code = ? OR municipality_name = ?)`,
      )
      .all('132063', '342084', 'service.kyodo_seikatsu_enjo', '府中市', '府中市') as { detail: string }[];
    const groups = plan.map((r) => r.detail).find((d) => / j /.test(` ${d} `) || d.includes('plan_vs_actual_groups'));
    expect(groups).toMatch(/SEARCH j USING INDEX plan_vs_actual_groups_municipality \(municipality_code=\?/);
    const names = store.db
      .prepare('EXPLAIN QUERY PLAN SELECT municipality_code FROM plan_vs_actual_groups WHERE name_written = ?')
      .all('架空町') as { detail: string }[];
    expect(names.map((r) => r.detail).join('\n')).toContain('USING COVERING INDEX plan_vs_actual_groups_name');
  });

  it('--year: the rows of the plain filter, read by the year index (migration 015)', () => {
    const all = store.planVsActual();
    for (const fiscalYear of [2021, 2022, 2023, 2030]) {
      const rows = store.planVsActual({ indicatorIds: ['service.kyodo_seikatsu_enjo'], fiscalYear });
      expect(rows, String(fiscalYear)).toEqual(all.filter((r) => r.fiscal_year === fiscalYear));
      expect(rows.length).toBe(fiscalYear === 2030 ? 0 : 5);
    }
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM plan_vs_actual WHERE (indicator_id IN (?)) AND fiscal_year = ?
         ORDER BY municipality_code, indicator_id`,
      )
      .all('service.kyodo_seikatsu_enjo', 2022) as { detail: string }[];
    expect(plan.map((r) => r.detail).join('\n')).toMatch(
      /SEARCH j USING INDEX plan_vs_actual_groups_year \(indicator_id=\? AND fiscal_year=\?\)/,
    );
  });
});

describe('planVsActual limit', () => {
  it('gives the first rows of the same order, none for 0, and refuses a limit that is not a whole number', () => {
    const all = store.planVsActual();
    expect(all.length).toBe(15); // 5 cities (the misnamed document feeds CITY's groups) × 3 years
    for (const n of [1, 4, 14, 15, 100]) expect(store.planVsActual({ limit: n })).toEqual(all.slice(0, n));
    expect(store.planVsActual({ limit: 0 })).toEqual([]);
    expect(store.planVsActual({ municipality: '府中市', limit: 4 })).toEqual(
      all.filter((r) => r.municipality_name === '府中市').slice(0, 4),
    );
    expect(() => store.planVsActual({ limit: -1 })).toThrow(/limit must be a whole number/);
    expect(() => store.planVsActual({ limit: 1.5 })).toThrow(/limit must be a whole number/);
  });
});
