import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

// Family "a spreadsheet saved as HTML keeps its title and unit line as rows of the sheet" (found by the blind fixture
// kaigo-9ki-excel-html-plan-ratio, which arrived at F1 0.000): the unit row stands right-aligned over the last
// column, not in the first one; the city is named only in the title row, which becomes the table's caption; the
// 合計 row spans the two label columns; the estimate column is headed 実績見込額.
describe('Excel sheet as HTML: unit row over the last column, city only in the title row', () => {
  const n = normalizeLayout('excel-sheet-unit-row-right.html');

  it('finds the city in the title row the extractor lifted into the caption', () => {
    expect(n.municipality?.code).toBe('362026');
  });

  it('reads the right-aligned （単位：千円） row as the unit line (amounts ×1,000 in yen, rates in percent)', () => {
    expect(n.observations.slice(0, 6).map(row)).toEqual([
      ['介護予防・日常生活支援総合事業 訪問型サービス', 2024, 'plan', 52_300_000, 'yen'],
      ['介護予防・日常生活支援総合事業 訪問型サービス', 2024, 'estimate', 50_118_000, 'yen'],
      ['介護予防・日常生活支援総合事業 訪問型サービス', 2024, 'achievement_rate', 95.8, 'percent'],
      ['介護予防・日常生活支援総合事業 通所型サービス', 2024, 'plan', 88_410_000, 'yen'],
      ['介護予防・日常生活支援総合事業 通所型サービス', 2024, 'estimate', 90_022_000, 'yen'],
      ['介護予防・日常生活支援総合事業 通所型サービス', 2024, 'achievement_rate', 101.8, 'percent'],
    ]);
  });

  it('reads 実績見込額 as the estimate with nothing left over for the label', () => {
    const est = n.observations.filter((o) => o.value_kind === 'estimate');
    expect(est).toHaveLength(4);
    for (const o of est) expect(o.indicator_label).not.toMatch(/額|値/u);
  });

  it('names the 合計 row by the caption the title row became', () => {
    const total = n.observations.filter((o) => /合計/u.test(o.subgroup ?? ''));
    expect(total.map((o) => [o.value_kind, o.value, o.unit])).toEqual([
      ['plan', 260_710_000, 'yen'],
      ['estimate', 258_780_000, 'yen'],
      ['achievement_rate', 99.3, 'percent'],
    ]);
    for (const o of total) expect(o.indicator_label).toMatch(/^地域支援事業費/u);
  });

  it("does not check the 合計 row's rate against the sum of the rates above it", () => {
    const rate = n.observations.find((o) => /合計/u.test(o.subgroup ?? '') && o.value_kind === 'achievement_rate');
    expect(rate?.warnings).toEqual([]);
    expect(n.issues.filter((i) => i.code === 'CHECK_MISMATCH')).toEqual([]);
  });
});
