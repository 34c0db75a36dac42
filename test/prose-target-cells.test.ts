import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/prose-target-cells.txt (小金井市, written for this test): the families the 三鷹市 blind fixture
// (shogai-7ki-prose-target-cells) showed, in other words — a 成果目標 table whose cells are prose that dates its counts,
// and activity cells holding two counts of one period (`月14人・5,600時間`).
const n = normalizeLayout('prose-target-cells.txt');
const row = (o: Observation) => [o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier];
const of = (t: number) => n.observations.filter((o) => o.table_index === t);

describe('a table whose cells date their counts in words', () => {
  it('reads rows whose cells date a count (`令和8年度末に84人以下`) as body rows, not headers', () => {
    const t0 = of(0);
    expect(t0.filter((o) => o.row === 1).map(row)).toEqual([
      [2022, 'baseline', 88, 'person', null],
      [2026, 'target', 6, 'person', 'gte'],
      [2024, 'actual', 1, 'person', null],
    ]);
    expect(t0.filter((o) => o.row === 2).map(row)).toEqual([
      [2026, 'target', 84, 'person', 'lte'],
      [2024, 'actual', 86, 'person', null],
    ]);
    for (const o of t0.filter((o) => o.row === 2)) expect(o.indicator_label).toBe('施設入所者数');
    // the rows below keep their own labels (before, the header rows' texts were glued to them)
    for (const o of t0.filter((o) => o.row === 3)) expect(o.indicator_label).toBe('一般就労移行者数');
  });

  it('reads a `うち…` row as a part of the indicator above, in its words and its numbers alike', () => {
    const part = of(0).filter((o) => o.row === 4);
    expect(part.map((o) => [o.indicator_label, o.subgroup, ...row(o)])).toEqual([
      ['一般就労移行者数', '就労移行支援', 2021, 'baseline', 8, 'person', null],
      ['一般就労移行者数', '就労移行支援', 2024, 'actual', 9, 'person', null],
      // `令和8年度中に11人以上`, written in words (before: labelled `うち就労移行支援`, no subgroup)
      ['一般就労移行者数', '就労移行支援', 2026, 'target', 11, 'person', 'gte'],
    ]);
  });

  it('puts a target written without a year on the plan’s last year, not on the year the report heading names', () => {
    // `毎年度5回以上` under `…進捗状況（令和6年度）`: 毎年度 makes it a count per year; the target is the plan's
    expect(
      of(0)
        .filter((o) => o.row === 5)
        .map(row),
    ).toEqual([
      [2023, 'baseline', 3, 'time/year', null],
      [2026, 'target', 5, 'time/year', 'gte'],
      [2024, 'actual', 5, 'time/year', null],
    ]);
  });
});

describe('remarks measuring a result against the plan or last year', () => {
  it('reads shares and differences of the plan, and changes from last year, as rates and differences of the year', () => {
    expect(
      of(1)
        .filter((o) => o.col === 3)
        .map((o) => [o.row, ...row(o)]),
    ).toEqual([
      // `人数は見込量の85.7％`
      [1, 2024, 'achievement_rate', 85.7, 'percent', null],
      // `人数は見込量を5人上回った`
      [2, 2024, 'deviation', 5, 'person', null],
      // `前年度末から3人増加`
      [3, 2024, 'deviation', 3, 'person', null],
      // `利用時間は前年度比4％減`
      [4, 2024, 'deviation', 4, 'percent', null],
    ]);
  });
});

describe('two counts of one period in a cell', () => {
  it('gives the period written before the first count to the count joined to it by ・ or 、', () => {
    const cells = of(1).filter((o) => o.col === 1 || o.col === 2);
    expect(cells.map((o) => [o.indicator_label, o.value, o.unit])).toEqual([
      ['重度訪問介護', 14, 'person/month'],
      ['重度訪問介護', 5600, 'hour/month'],
      ['重度訪問介護', 12, 'person/month'],
      ['重度訪問介護', 5150, 'hour/month'],
      ['短期入所', 96, 'person/month'],
      ['短期入所', 480, 'person_day/month'],
      ['短期入所', 101, 'person/month'],
      ['短期入所', 512, 'person_day/month'],
      ['自立生活援助', 9, 'person/month'],
      ['自立生活援助', 11, 'person/month'],
      // `年1,200人、延べ8,400時間`
      ['移動支援', 1200, 'person/year'],
      ['移動支援', 8400, 'hour/year'],
      ['移動支援', 1150, 'person/year'],
      ['移動支援', 8020, 'hour/year'],
    ]);
  });
});
