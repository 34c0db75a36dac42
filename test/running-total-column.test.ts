/**
 * Family "running totals beside the figures" (issue 13, real-osaka-covid-20210407 table 5: `市町村 | 発生者数 | 累計`):
 * a column headed by 累計 alone counts the item of the column before it, cumulatively. Before, 累計 was read as the
 * item (`大阪市 累計`) and the count it totals was lost. The document here is a TSV in other words (相談件数 by 地区).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a running-total column', () => {
  const n = normalizeLayout('running-total-column.tsv');
  const of = (v: number) =>
    n.observations.filter((o) => o.value === v).map((o) => [o.indicator_label, o.subgroup, o.measure]);

  it('labels the running total with the item of the column before it, 累計 as its measure', () => {
    expect(of(148)).toEqual([['相談件数', '北地区', '累計']]);
    expect(of(131)).toEqual([['相談件数', '南地区', '累計']]);
  });

  it('leaves the figures it totals as they were', () => {
    // (its measure is the count word of its header, as before)
    expect(of(12)).toEqual([['相談件数', '北地区', '件数']]);
  });
});
