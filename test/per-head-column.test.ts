/**
 * Family "a per-head column in a settlement analysis with years as rows" (issue 13: 歳出比較分析表): a column headed
 * by a basis and a kind word (`人口1人当たり決算額（円）`) beside the total (`決算額（千円）`) measures the same item per
 * head — the item is the heading's (`公共施設整備費の分析`), and `人口1人当たり` is the measure. Before, the basis was
 * taken for the indicator (`人口1人当たり`) and the heading dropped for that column only. Found on the real
 * fixture real-kobe-saisyutu-hikaku21 (page 3: H17 … H21 as rows, うち単独分 under each); the document here is a
 * TSV in other words (公共施設整備費, H22/H23).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a per-head column beside the total, years as rows', () => {
  const n = normalizeLayout('per-head-column-years-as-rows.tsv');
  const of = (v: number) =>
    n.observations
      .filter((o) => o.value === v)
      .map((o) => [o.indicator_label, o.measure, o.subgroup, o.unit, o.value_kind, o.fiscal_year]);

  it("labels the per-head amount with the heading's item, the basis as its measure", () => {
    expect(of(34120)).toEqual([['公共施設整備費の分析', '人口1人当たり', null, 'yen', 'actual', 2010]]);
    expect(of(12690)).toEqual([['公共施設整備費の分析', '人口1人当たり', '単独分', 'yen', 'actual', 2011]]);
  });

  it('keeps the total and the rate of the same rows on the same item', () => {
    expect(of(52_400_000_000)).toEqual([['公共施設整備費の分析', null, null, 'yen', 'actual', 2010]]);
    expect(of(-8.2)).toEqual([['公共施設整備費の分析', null, null, 'percent', 'deviation', 2011]]);
  });
});
