/**
 * Family "a column stating when a kind's values stand": `目標年度 | 令和8年度末` beside `目標値 | 114`, `基準時点 |
 * 令和4年度末` beside `基準値 | 120` — each kind takes the year of its own column, not the first year of the row.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a column giving the year of a kind of value', () => {
  const n = normalizeLayout('kind-year-columns.tsv');
  const rows = n.observations.map((o) => [o.indicator_label, o.value_kind, o.fiscal_year, o.value]);

  it('dates a target by the 目標年度 column, after the base year of the row', () => {
    expect(rows).toContainEqual(['福祉施設入所者数', 'target', 2026, 114]);
    expect(rows).toContainEqual(['就労移行支援利用者数', 'target', 2026, 42]);
  });

  it('dates a base value by its own column', () => {
    expect(rows).toContainEqual(['福祉施設入所者数', 'baseline', 2022, 120]);
    expect(rows).toContainEqual(['就労移行支援利用者数', 'baseline', 2021, 35]);
  });

  it('reads the year column after the value', () => {
    expect(rows).toContainEqual(['基幹相談支援センター設置数', 'target', 2026, 2]);
  });
});
