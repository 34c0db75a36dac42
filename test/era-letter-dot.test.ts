/**
 * Era letters written with a full stop (`R.5年度`, `H.30年度`, `R.6.4.1現在`): the same years as `R5年度`. A layout
 * in other words than any fixture (a TSV of 鶴ヶ島市 with years and kinds in one header cell).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('era letters with a full stop in the year heads', () => {
  const n = normalizeLayout('era-letter-dot-years.tsv');

  it('reads R.5年度 計画 / R.5年度 実績 / R.6年度 計画 as fiscal years 2023, 2023 and 2024 with their kinds', () => {
    expect(n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit])).toEqual([
      ['生活介護', 2023, 'plan', 212, 'person/month'],
      ['生活介護', 2023, 'actual', 205, 'person/month'],
      ['生活介護', 2024, 'plan', 220, 'person/month'],
      ['短期入所(福祉型)', 2023, 'plan', 340, 'person_day/month'],
      ['短期入所(福祉型)', 2023, 'actual', 318, 'person_day/month'],
      ['短期入所(福祉型)', 2024, 'plan', 352, 'person_day/month'],
    ]);
  });

  it('is not doubted for the full stop: the numbers keep the confidence of an undamaged header', () => {
    for (const o of n.observations) expect(o.confidence, o.indicator_label ?? '').toBeGreaterThanOrEqual(0.7);
  });
});
