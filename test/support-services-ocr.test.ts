import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/support-services-ocr.tsv (白河市, written for this test): 地域生活支援事業 tables as OCR leaves them,
// in other words than the 須賀川市 fixture whose breakage they share.
const n = normalizeLayout('support-services-ocr.tsv');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('OCR-damaged 地域生活支援事業 tables', () => {
  it('keeps 有/無 rows out of the header and out of the labels; a cell’s 人 in a 人/年 row is per year', () => {
    expect(n.observations.slice(0, 6).map(row)).toEqual([
      ['訪問入浴サービス事業', 2020, 'plan', 12, 'person/year'],
      ['訪問入浴サービス事業', 2021, 'plan', 13, 'person/year'],
      ['訪問入浴サービス事業', 2022, 'plan', 14, 'person/year'],
      ['訪問入浴サービス事業', 2020, 'actual', 11, 'person/year'],
      // `1 3 人`
      ['訪問入浴サービス事業', 2021, 'actual', 13, 'person/year'],
      // `1 2`
      ['訪問入浴サービス事業', 2022, 'actual', 12, 'person/year'],
    ]);
  });

  it('gives both rows the unit written under the label (`延べ利用回数` / `（回／年）`), and joins `2 ,150`', () => {
    expect(n.observations.slice(6, 10).map((o) => [o.measure, o.fiscal_year, o.value_kind, o.value, o.unit])).toEqual([
      ['利用回数', 2021, 'plan', 300, 'time/year'],
      ['利用回数', 2022, 'plan', 320, 'time/year'],
      ['利用回数', 2021, 'actual', 2150, 'time/year'],
      ['利用回数', 2022, 'actual', 310, 'time/year'],
    ]);
  });

  it('reads results under `目標値に対する実績` as results, and hours totalled over a year as hours per year', () => {
    expect(n.observations.slice(10).map((o) => [o.fiscal_year, o.value_kind, o.value, o.unit])).toEqual([
      [2022, 'actual', 3, 'time/year'],
      // `延べ420時間の利用があった`
      [2022, 'actual', 420, 'hour/year'],
    ]);
  });
});
