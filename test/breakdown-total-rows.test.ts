/**
 * test/layouts/breakdown-total-rows.txt (written for this test, in other words than the 伊勢崎市 and 北見市 blind
 * fixtures): two families of the 0.86–0.97 band.
 * - "total row of a breakdown table": the `計` row of `表4 退院支援の依頼元別件数` under the corner `依頼元` totals the
 *   caption's 退院支援件数 (not a 依頼元 named `依頼元`), and the `前年度比（％）` row under it continues that total;
 * - "a note reference after a unit": a unit cell `人/年※2`, `件/年(注3)` is the unit, its note mark no part of it.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('breakdown-total-rows.txt');
const row = (o: Observation) => [o.indicator_label, o.subgroup, o.fiscal_year, o.value_kind, o.value, o.unit];
const rows = n.observations.map(row);

describe('the total row of a table broken down by its corner', () => {
  it('names the 計 row after what the caption counts', () => {
    expect(rows).toContainEqual(['退院支援件数', '計 東地区', 2023, 'actual', 367, 'case/year']);
    expect(rows).toContainEqual(['退院支援件数', '計 合計', 2024, 'actual', 760, 'case/year']);
    expect(rows.filter((r) => r[0] === '依頼元')).toEqual([]);
  });

  it('keeps the rows of the breakdown as they are, and the ratio row under the total continues it', () => {
    expect(rows).toContainEqual(['病院', '東地区', 2023, 'actual', 210, 'case/year']);
    expect(rows).toContainEqual(['退院支援件数', '合計', 2024, 'actual', 104.4, 'percent']);
  });
});

describe('a unit cell with a note reference', () => {
  it('reads 人/年※2 and 件/年(注3) as their units', () => {
    expect(rows).toContainEqual(['訪問入浴サービス事業', null, 2024, 'actual', 21, 'person/year']);
    expect(rows).toContainEqual(['日常生活用具給付等事業', null, 2024, 'plan', 1850, 'case/year']);
  });
});
