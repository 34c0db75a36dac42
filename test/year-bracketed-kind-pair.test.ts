/**
 * Family "paired kinds in one cell", the pair written in a bracket after the column's year (`令和4年度（計画|実績）`
 * over `1,250 | 1,180`, a converter folding two columns into one): one value of each kind, in order.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a kind pair in brackets after the year of a column', () => {
  const n = normalizeLayout('year-bracketed-kind-pair.md');
  const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value]);

  it('gives the first value the first kind and the second the second', () => {
    expect(rows).toContainEqual(['居宅介護', 2022, 'plan', 1250]);
    expect(rows).toContainEqual(['居宅介護', 2022, 'actual', 1180]);
    expect(rows).toContainEqual(['短期入所', 2023, 'plan', 98]);
    expect(rows).toContainEqual(['短期入所', 2023, 'estimate', 99]);
  });

  it('reads a part written as missing as no value', () => {
    expect(rows).toContainEqual(['生活介護', 2023, 'plan', 215]);
    expect(rows.filter((r) => r[0] === '生活介護' && r[1] === 2023)).toHaveLength(1);
  });

  it('keeps a bracketed formula after a measure (`達成率（実績/計画）`) no pair', async () => {
    const { kindPairOf } = await import('@shiryo/model');
    expect(kindPairOf('（計画|実績）')).toEqual(['plan', 'actual']);
    expect(kindPairOf('達成率（実績/計画）')).toBeNull();
  });
});
