import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/area-crosstab.tsv (前橋市, written for this test): areas as columns, a compound row name, and a ratio
// to last year under a count — the families of the 伊勢崎市 and 刈谷市 blind fixtures, in other words.
const n = normalizeLayout('area-crosstab.tsv');
const row = (o: Observation) => [o.indicator_label, o.subgroup, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('a cross-tab of areas', () => {
  it('reads areas (東部, 西部) as subgroups, and `保健・医療` as one name', () => {
    expect(n.observations.slice(0, 6).map(row)).toEqual([
      ['保健・医療', '東部', 2024, 'actual', 120, null],
      ['保健・医療', '西部', 2024, 'actual', 95, null],
      ['保健・医療', '合計', 2024, 'actual', 215, null],
      ['権利擁護', '東部', 2024, 'actual', 300, null],
      ['権利擁護', '西部', 2024, 'actual', 280, null],
      ['権利擁護', '合計', 2024, 'actual', 580, null],
    ]);
  });

  it('reads a `前年度比（％）` row as this year’s ratio of the count above, not a difference', () => {
    expect(n.observations.slice(6).map(row)).toEqual([
      ['相談件数', null, 2023, 'actual', 1000, 'case/year'],
      ['相談件数', null, 2024, 'actual', 1060, 'case/year'],
      ['相談件数', null, 2024, 'actual', 106, 'percent'],
    ]);
  });
});

describe('a unit written with its measure inside the name', () => {
  const m = normalizeLayout('unit-in-name.tsv');

  it('reads `移動支援事業（実利用者数：人/年）` as per-year users, and `未実施` as no value', () => {
    expect(m.observations.map((o) => [o.measure, o.fiscal_year, o.value, o.unit])).toEqual([
      ['実利用者数', 2022, 142, 'person/year'],
      ['実利用者数', 2023, 150, 'person/year'],
    ]);
    expect(m.observations[0]!.indicator_label).toContain('移動支援事業');
  });
});
