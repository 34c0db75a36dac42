/**
 * A section title's year dates the tables under it (`## 令和5年度の実績` over `### 訪問系サービス` over a table whose
 * columns name a kind but no year), however many sub-headings and sentences stand between them.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value];

describe('the year of an enclosing section title', () => {
  const n = normalizeLayout('heading-year-sections.md');

  it('dates each table by the nearest heading above it that states one fiscal year', () => {
    expect(n.observations.map(row)).toEqual([
      ['居宅介護', 2023, 'actual', 118],
      ['重度訪問介護', 2023, 'actual', 6],
      ['生活介護', 2024, 'plan', 240],
    ]);
    expect(n.observations.every((o) => o.rules.includes('period.heading'))).toBe(true);
  });
});
