/**
 * Family "the plan term a line states": `（計画期間 R6～R8）`, `計画期間：令和6年度～令和8年度` in a document that
 * names no 第N期 plan gives the plan's last year, on which a target without a year of its own falls.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a plan period stated on a line of its own', () => {
  const n = normalizeLayout('stated-plan-period.txt');
  const rows = n.observations.map((o) => [o.indicator_label, o.value_kind, o.fiscal_year, o.value]);

  it('dates a target without a year at the last year of the period', () => {
    expect(rows).toContainEqual(['介護予防サポーター登録者数', 'target', 2026, 200]);
    expect(rows).toContainEqual(['いきいき百歳体操の参加者数', 'target', 2026, 1000]);
  });

  it('leaves a value whose header names its year to that year', () => {
    expect(rows).toContainEqual(['介護予防サポーター登録者数', 'baseline', 2022, 145]);
  });

  it('reports the period as the plan period', () => {
    expect(new Set(n.observations.map((o) => o.plan_period))).toEqual(new Set(['2024-2026']));
  });
});
