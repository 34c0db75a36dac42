/**
 * Family "a year marked as expected" (`kind.expected-year-crossing-kind`): a year header that says its figures are
 * expected (`令和6年度（見込み）`, `令和7年度(推計)`) crossing a plan/result header. Under the plan word the value is that
 * year's plan; under the result word it is an estimate of the result (docs/OBSERVATIONS.md: `実績見込` → estimate),
 * not a final result, and not a plan either.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const rowsOf = (name: string) =>
  normalizeLayout(name).observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value]);

describe('a year row marked as expected, under 見込量 | 実績 columns (HTML)', () => {
  const rows = rowsOf('expected-year-rows.html');

  it('reads the result column of the expected year as an estimate', () => {
    expect(rows).toContainEqual(['生活介護', 2024, 'estimate', 6488]);
    expect(rows).toContainEqual(['就労継続支援B型', 2024, 'estimate', 4402]);
  });

  it("keeps that year's plan column a plan, and the other years as their columns say", () => {
    expect(rows).toContainEqual(['生活介護', 2024, 'plan', 6560]);
    expect(rows).toContainEqual(['生活介護', 2023, 'actual', 6305]);
    expect(rows).toContainEqual(['就労継続支援B型', 2025, 'plan', 4350]);
    expect(rows.filter((r) => r[2] === 'estimate')).toHaveLength(2);
  });
});

describe('a year column marked as expected, over 計画値 / 実績値 rows (PDF-like aligned text)', () => {
  const rows = rowsOf('linear-expected-year-columns.txt');

  it('reads the result row in the expected column as an estimate, not as a plan', () => {
    expect(rows).toContainEqual(['小規模多機能型居宅介護', 2025, 'estimate', 61]);
    expect(rows).toContainEqual(['夜間対応型訪問介護', 2025, 'estimate', 23]);
  });

  it('keeps the plan row a plan and the earlier year a result', () => {
    expect(rows).toContainEqual(['小規模多機能型居宅介護', 2025, 'plan', 70]);
    expect(rows).toContainEqual(['夜間対応型訪問介護', 2024, 'actual', 19]);
  });
});
