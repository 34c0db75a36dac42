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
