/** A note that says when the values of a kind stand (`※現状値は令和4年度末時点、目標値は令和8年度末の数値`). */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a note giving the year of each kind of value', () => {
  const n = normalizeLayout('kind-note-years.tsv');
  const rows = n.observations.map((o) => [o.indicator_label, o.value_kind, o.fiscal_year, o.period_kind, o.value]);

  it('dates the columns that name a kind but no year', () => {
    expect(rows).toContainEqual(['施設入所者数', 'baseline', 2022, 'fy_end', 96]);
    expect(rows).toContainEqual(['施設入所者数', 'target', 2026, 'fy_end', 91]);
    expect(rows).toContainEqual(['地域生活移行者数', 'target', 2026, 'fy_end', 7]);
  });

  it('leaves a column that names its year to that year (the note gives 実績 none)', () => {
    expect(rows).toContainEqual(['施設入所者数', 'actual', 2024, 'fy', 94]);
    expect(rows).toContainEqual(['地域生活移行者数', 'actual', 2024, 'fy', 2]);
  });
});
