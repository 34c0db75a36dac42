import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/paged-outlook.txt (越谷市, written for this test): a service table cut by a page break (page number,
// running header, repeated header), `うち` rows, a markdown 成果目標 table whose cells hold counts with words, and a
// 障害児 table with bracketed subsets, a glued footnote mark and an estimated result. Generalizes the 草加市 and
// 各務原市 blind fixtures.
const n = normalizeLayout('paged-outlook.txt');
const row = (o: Observation) => [o.indicator_label, o.subgroup, o.fiscal_year, o.value_kind, o.value, o.unit];
const of = (label: string) => n.observations.filter((o) => o.indicator_label === label);

describe('a table cut by a page break, and the tables after it', () => {
  it('joins the two parts: the first row after the break continues 生活介護', () => {
    expect(of('生活介護').map((o) => [o.fiscal_year, o.value_kind, o.value, o.unit])).toEqual([
      [2021, 'plan', 5100, 'person_day/month'],
      [2021, 'actual', 5020, 'person_day/month'],
      [2021, 'achievement_rate', 98.4, 'percent'],
      [2022, 'plan', 5200, 'person_day/month'],
      [2022, 'actual', 5150, 'person_day/month'],
      [2022, 'achievement_rate', 99, 'percent'],
      [2021, 'plan', 260, 'person/month'],
      [2021, 'actual', 255, 'person/month'],
      [2021, 'achievement_rate', 98.1, 'percent'],
      [2022, 'plan', 265, 'person/month'],
      [2022, 'actual', 262, 'person/month'],
      [2022, 'achievement_rate', 98.9, 'percent'],
    ]);
    expect(n.observations.some((o) => o.indicator_label.includes('実績報告'))).toBe(false);
  });

  it('reads a `うち精神障害者` row as the service above, by that group', () => {
    expect(
      of('共同生活援助')
        .filter((o) => o.subgroup === '精神障害者')
        .map((o) => o.value),
    ).toEqual([40, 44, 110, 42, 47, 111.9]);
  });

  it('reads the 成果目標 rows as rows (not a second header), each count with its own year', () => {
    expect(of('地域生活移行者数').map((o) => [o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier])).toEqual([
      [2023, 'target', 9, 'person', null],
      [2023, 'target', 6, 'percent', 'gte'],
      // `4人（令和4年度末までの累計）`
      [2022, 'actual', 4, 'person', null],
    ]);
    // the 基準値 cell `30人（令和元年度）` dates its own count, not the target beside it
    expect(of('一般就労移行者数').map((o) => [o.fiscal_year, o.value_kind, o.value])).toEqual([
      [2023, 'target', 39],
      [2023, 'target', 1.3],
      [2022, 'actual', 33],
      [2019, 'baseline', 30],
    ]);
  });

  it('reads `120（3）` under a note on bracketed parts as a subset, `27※1` as 27, `実績(見込)` as an estimate', () => {
    expect(
      n.observations
        .filter((o) => ['児童発達支援', '短期入所'].includes(o.indicator_label))
        .map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value]),
    ).toEqual([
      ['児童発達支援', 2024, 'plan', 120],
      ['児童発達支援', 2024, 'subset', 3],
      ['児童発達支援', 2024, 'estimate', 116],
      ['児童発達支援', 2024, 'subset', 4],
      // 達成率 names no year: that of the result beside it
      ['児童発達支援', 2024, 'achievement_rate', 96.7],
      ['短期入所', 2024, 'plan', 30],
      ['短期入所', 2024, 'estimate', 27],
      ['短期入所', 2024, 'achievement_rate', 90],
    ]);
  });

  it('reads bullets under `【令和6年度の状況】` as that year’s results', () => {
    expect(n.observations.at(-1) && row(n.observations.at(-1)!)).toEqual([
      '児童発達支援センター',
      null,
      2024,
      'actual',
      2,
      'facility',
    ]);
  });
});
