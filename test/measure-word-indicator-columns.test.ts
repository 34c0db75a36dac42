/**
 * Family "indicators side by side as columns" (`label.measure-word-among-indicator-columns`): a table of years as
 * rows (`令和5年度 | 実績`) whose columns are indicators, one of them headed by a word that elsewhere is a measure
 * (`利用者数`, `入所者数`). That column is an indicator like its neighbours; before, its numbers had no label and a row
 * led by a year and a kind "continued" the indicator of the row above — the last column's — a confident wrong label.
 * A markdown document in other words than any fixture or corpus document (那須塩原市, 地域生活支援拠点).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a measure word among indicator columns', () => {
  const n = normalizeLayout('measure-word-indicator-columns.md');
  const of = (v: number) =>
    n.observations.filter((o) => o.value === v).map((o) => [o.indicator_label, o.fiscal_year, o.value_kind]);

  it('labels the column by its own header', () => {
    expect(of(36)).toEqual([['利用者数', 2022, 'actual']]);
    expect(of(41)).toEqual([['利用者数', 2023, 'actual']]);
    expect(of(45)).toEqual([['利用者数', 2024, 'target']]);
  });

  it('leaves the neighbouring indicators as they were', () => {
    expect(of(15)).toEqual([['緊急時の受入件数', 2023, 'actual']]);
    expect(of(2)).toEqual([['拠点等の設置数', 2024, 'target']]);
  });

  it('gives no number the label of another column', () => {
    const byLabel = (l: string) => n.observations.filter((o) => o.indicator_label === l).map((o) => o.value);
    expect(byLabel('緊急時の受入件数').sort((a, b) => a - b)).toEqual([12, 15, 18]);
  });
});
