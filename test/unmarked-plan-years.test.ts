/**
 * Family "plan years left unmarked after marked results" (`kind.unmarked-years-after-results`): a table whose earlier
 * years say what they are (`2021年度 実績`, `R5見込`) and whose later years say nothing lists the plan's figures for
 * those later years — years as rows or as columns. Before, nothing gave the later years a kind and they were read as
 * results (`kind.default-actual`) with full confidence. A table none of whose years is marked keeps reading them as
 * results (a statistics table).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const rowsOf = (name: string) =>
  normalizeLayout(name).observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value]);

describe('years after 実績 / 見込み years, with no kind of their own', () => {
  const rows = rowsOf('unmarked-plan-years.md');

  it('reads the unmarked later years as plans, years as rows', () => {
    expect(rows).toContainEqual(['訪問看護', 2024, 'plan', 6120]);
    expect(rows).toContainEqual(['訪問リハビリテーション', 2026, 'plan', 1420]);
  });

  it('reads the unmarked later years as plans, years as columns', () => {
    expect(rows).toContainEqual(['通所介護', 2024, 'plan', 22900]);
    expect(rows).toContainEqual(['通所介護', 2026, 'plan', 23900]);
  });

  it('reads the years after a 見込 year alone as plans', () => {
    expect(rows).toContainEqual(['短期入所生活介護', 2025, 'plan', 2450]);
  });

  it('keeps the marked years as marked, and a table with no marked year as results', () => {
    expect(rows).toContainEqual(['訪問看護', 2022, 'actual', 5680]);
    expect(rows).toContainEqual(['通所介護', 2021, 'actual', 21300]);
    expect(rows.filter((r) => r[3] === 8510)).toEqual([['認定者数', 2023, 'actual', 8510]]);
  });
});
