/** Years in headers: a row of years under label rows heads the columns; past years' missing markers label nothing. */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a year row under two rows of group labels (markdown: one header row given)', () => {
  const n = normalizeLayout('year-row-under-groups.md');
  const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value]);

  it('dates every value by its column and labels it by the groups above', () => {
    expect(rows).toEqual([
      ['通所支援 児童発達支援', 2024, 'plan', 64],
      ['通所支援 児童発達支援', 2025, 'plan', 66],
      ['通所支援 放課後等デイサービス', 2024, 'plan', 210],
      ['通所支援 放課後等デイサービス', 2025, 'plan', 218],
      ['通所支援 児童発達支援', 2023, 'actual', 58],
      ['通所支援 児童発達支援', 2024, 'actual', 61],
      ['通所支援 放課後等デイサービス', 2023, 'actual', 197],
      ['通所支援 放課後等デイサービス', 2024, 'actual', 205],
      ['通所支援 児童発達支援', 2025, 'plan', 65],
      ['通所支援 放課後等デイサービス', 2025, 'plan', 221],
    ]);
  });

  it('keeps the first year column, whose only number is among missing markers, a column of data', () => {
    expect(rows).toContainEqual(['通所支援 児童発達支援', 2023, 'actual', 58]);
  });
});

describe('a row of kind words under a row of measures, years as rows (markdown: one header row given)', () => {
  const n = normalizeLayout('kind-row-under-measures.md');
  const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit]);

  it('heads the columns with groups, measures and kinds, and dates each row by its stub', () => {
    expect(rows).toEqual(
      expect.arrayContaining([
        ['自立訓練', 2023, 'actual', 12, 'person/month'],
        ['自立訓練', 2024, 'deviation', 1, 'person/month'],
        ['短期入所', 2023, 'plan', 96, 'person_day/month'],
        ['短期入所', 2025, 'plan', 102, 'person_day/month'],
      ]),
    );
  });

  it('keeps a four-digit count (`18７9`) a value, not a year of the header', () => {
    expect(rows).toContainEqual(['居宅介護', 2023, 'actual', 1879, null]);
  });
});

describe('a row of years whose last cell the page edge cut (`202`)', () => {
  it('still heads the columns with their years', () => {
    const n = normalizeLayout('year-row-cut-edge.tsv');
    expect(n.observations.map((o) => [o.fiscal_year, o.value_kind, o.value])).toEqual([
      [2024, 'plan', 118],
      [null, 'plan', 121],
      [2022, 'actual', 104],
      [2023, 'actual', 109],
      [2024, 'actual', 112],
    ]);
  });
});

describe('years in linearized rows: the header line read as a paragraph before the table', () => {
  it('dates the columns by the years the line ends with', () => {
    const n = normalizeLayout('linear-years-line.txt');
    const yearOf = (v: number) => n.observations.filter((o) => o.value === v).map((o) => o.fiscal_year);
    // 実利用者数 実績 29 30 34, 見込量 31 33 35; 延べ利用日数 見込量 210 221 232, 実績見込 229
    expect([29, 30, 34].map(yearOf)).toEqual([[2023], [2024], [2025]]);
    expect([31, 33, 35].map(yearOf)).toEqual([[2024], [2025], [2026]]);
    expect([210, 221, 232, 229].map(yearOf)).toEqual([[2024], [2025], [2026], [2026]]);
  });
});
