/**
 * Family "見込 for the current year", marked in the cell: `131見込`, `2,500（見込み）` in a table of results is an
 * estimate of that year's result; the cells beside it without the mark stay results.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a figure marked as expected in its own cell', () => {
  const n = normalizeLayout('cell-expected-mark.md');
  const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value]);

  it('reads a figure with the mark glued to it, an estimate', () => {
    expect(rows).toContainEqual(['意思疎通支援事業', 2024, 'estimate', 131]);
  });

  it('reads a figure with the mark in brackets, an estimate', () => {
    expect(rows).toContainEqual(['移動支援事業', 2024, 'estimate', 2500]);
  });

  it('leaves figures without the mark results', () => {
    expect(rows).toContainEqual(['意思疎通支援事業', 2023, 'actual', 126]);
    expect(rows).toContainEqual(['日中一時支援事業', 2024, 'actual', 72]);
  });
});
