/**
 * Family "tables drawn with characters" (extractor, drawn.ts): box-drawing rules and pandoc grid tables in a text
 * export. Documents in other words than the fixtures (すずらん町, みなと村): every value under its year and kind, the
 * unit of its row, a service spanned over its two unit rows, dash cells giving nothing.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const rows = (name: string) =>
  normalizeLayout(name).observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit]);

describe('tables drawn with characters', () => {
  it('reads a heavy box-drawn table with a two-line header and a spanned service', () => {
    const r = rows('drawn-box-rules.txt');
    expect(r).toHaveLength(7);
    expect(r).toContainEqual(['生活介護', 2023, 'actual', 4210, 'person_day/month']);
    expect(r).toContainEqual(['生活介護', 2024, 'plan', 220, 'person/month']);
    expect(r).toContainEqual(['就労継続支援(B型)', 2023, 'actual', 3980, 'person_day/month']);
    expect(r).toContainEqual(['短期入所', 2024, 'plan', 325, 'person_day/month']);
  });

  it('reads a pandoc grid table whose year spans its kinds', () => {
    expect(rows('drawn-grid-spans.md')).toEqual([
      ['相談件数', 2024, 'target', 1200, 'case/year'],
      ['相談件数', 2024, 'actual', 1134, 'case/year'],
      ['研修の開催回数', 2024, 'target', 6, 'time/year'],
    ]);
  });
});
