import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// Tables copied a row per line out of a viewer, written for this test (test/layouts/linear-spaced-split-rows.txt,
// 鶴岡市), in three families of how such copies come out: each row's label on a line of its own and its numbers
// on the next (with the unit on the label's line or not); the header line run into the first row
// (`区分 令和6年度 令和7年度 令和8年度 移動支援事業 95 100 105`); a page break between two rows, its page number
// and running header left in the copy, with and without blank lines around them.
const n = normalizeLayout('linear-spaced-split-rows.txt');
/** Year, kind, value and unit of the observations of a row, its label read as the indicator or as its subgroup. */
const of = (label: string) =>
  n.observations
    .filter((o: Observation) => o.indicator_label === label || o.subgroup === label)
    .map((o) => [o.fiscal_year, o.value_kind, o.value, o.unit]);
const tableOf = (label: string) =>
  n.observations.find((o) => o.indicator_label === label || o.subgroup === label)?.table_index;

describe('a label on a line, its numbers on the next', () => {
  it('each numbers line is the row of the label above it, under the header', () => {
    expect(of('療養介護')).toEqual([
      [2021, 'actual', 41, null],
      [2022, 'actual', 42, null],
      [2023, 'actual', 44, null],
    ]);
    expect(of('自立訓練(生活訓練)').map((r) => r[2])).toEqual([18, 15, 21]);
    expect(of('就労定着支援').map((r) => r[2])).toEqual([9, 12, 14]);
  });
  it('a unit on the label line is the row unit', () => {
    expect(of('計画相談支援')).toEqual([
      [2021, 'actual', 205, 'person/month'],
      [2022, 'actual', 219, 'person/month'],
      [2023, 'actual', 230, 'person/month'],
    ]);
    expect(of('地域定着支援').map((r) => [r[2], r[3]])).toEqual([
      [6, 'person/month'],
      [7, 'person/month'],
      [7, 'person/month'],
    ]);
  });
});

describe('the header run into the first row', () => {
  it('the period heads are the header, the words after them the first row label', () => {
    // (in 人/年: the unit line `単位：人/年` under the table, before the next heading, is its own)
    expect(of('移動支援事業')).toEqual([
      [2024, 'plan', 95, 'person/year'],
      [2025, 'plan', 100, 'person/year'],
      [2026, 'plan', 105, 'person/year'],
    ]);
    expect(of('日中一時支援事業').map((r) => [r[0], r[2]])).toEqual([
      [2024, 64],
      [2025, 66],
      [2026, 68],
    ]);
    expect(n.observations.some((o) => /令和/u.test(o.indicator_label))).toBe(false);
  });
});

describe('page furniture between two rows', () => {
  it('the page number and running header leave the table whole (no blank lines)', () => {
    expect(of('保育所等訪問支援')).toEqual([
      [2024, 'plan', 24, 'person/month'],
      [2025, 'plan', 27, 'person/month'],
      [2026, 'plan', 30, 'person/month'],
    ]);
    expect(tableOf('居宅訪問型児童発達支援')).toBe(tableOf('児童発達支援'));
    expect(n.observations.some((o) => /資料/u.test(`${o.indicator_label}${o.subgroup ?? ''}`))).toBe(false);
  });
  it('and across blank lines around the page number', () => {
    expect(of('福祉型強化')).toEqual([
      [2024, 'plan', 12, 'person_day/month'],
      [2025, 'plan', 14, 'person_day/month'],
      [2026, 'plan', 16, 'person_day/month'],
    ]);
    expect(of('医療型(日帰り)').map((r) => r[2])).toEqual([6, 6, 7]);
    expect(tableOf('医療型(日帰り)')).toBe(tableOf('福祉型'));
    expect(n.observations.some((o) => o.value === 8 && o.unit === 'person_day/month')).toBe(false);
  });
});
