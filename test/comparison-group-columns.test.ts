/**
 * Families of a settlement analysis with years as rows (issue 13: 歳出比較分析表, found on the real fixture
 * real-kobe-saisyutu-hikaku21 page 3; the document here is a TSV in other words — 公共施設整備費, H22/H23):
 * - "a comparison group's columns": `当該団体` (the body itself) and `類似団体平均` (the group it is compared with)
 *   say whose figure a column holds, not what it is of — the item is the heading's; the group is a subgroup, and
 *   the rate column right of the group's column (`増減率(%)(B)`) is that group's change;
 * - "lettered columns and their difference": `(A)-(B)` is a deviation in the unit of the columns it differences;
 * - a part row (`うち単独分`) is a part of the cell above it, not of its left neighbour's item: before, each cell of
 *   the row took the label the cell before it had just been given, and the labels piled up
 *   (`人口1人当たり 当該団体 当該団体 類似団体平均`).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('comparison-group columns in a table of years as rows', () => {
  const n = normalizeLayout('comparison-group-years-as-rows.tsv');
  const of = (v: number) =>
    n.observations
      .filter((o) => o.value === v)
      .map((o) => [o.indicator_label, o.subgroup, o.unit, o.value_kind, o.fiscal_year]);

  it("labels the body's own figures with the heading's item, not with 当該団体", () => {
    expect(of(52_400_000_000)).toEqual([['公共施設整備費の分析', null, 'yen', 'actual', 2010]]);
    expect(of(34120)).toEqual([['公共施設整備費の分析', null, 'yen', 'actual', 2010]]);
    expect(of(4.2)).toEqual([['公共施設整備費の分析', null, 'percent', 'deviation', 2010]]);
  });

  it('puts the comparison group, and the rate of change beside it, in the subgroup', () => {
    expect(of(30100)).toEqual([['公共施設整備費の分析', '類似団体平均', 'yen', 'actual', 2010]]);
    expect(of(-1.5)).toEqual([['公共施設整備費の分析', '類似団体平均', 'percent', 'deviation', 2010]]);
  });

  it('reads (A)-(B) as the difference of the two rates, in percent', () => {
    expect(of(5.7)).toEqual([['公共施設整備費の分析', null, 'percent', 'deviation', 2010]]);
    expect(of(-4.5)).toEqual([['公共施設整備費の分析', null, 'percent', 'deviation', 2011]]);
  });

  it('reads a part row as a part of the item above each of its cells', () => {
    expect(of(21_000_000_000)).toEqual([['公共施設整備費の分析', '単独分', 'yen', 'actual', 2010]]);
    expect(of(13700)).toEqual([['公共施設整備費の分析', '単独分', 'yen', 'actual', 2010]]);
    expect(of(12000)).toEqual([['公共施設整備費の分析', '単独分 類似団体平均', 'yen', 'actual', 2010]]);
    expect(of(-5)).toEqual([['公共施設整備費の分析', '単独分 類似団体平均', 'percent', 'deviation', 2011]]);
    expect(of(-2.4)).toEqual([['公共施設整備費の分析', '単独分', 'percent', 'deviation', 2011]]);
  });
});
