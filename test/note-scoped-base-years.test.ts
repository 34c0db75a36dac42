/**
 * Family "base years stated in a note under the table": a note opened by `注２）` / `（注）` (not only `※`) that says
 * when the base values stand, for the rows it names (`基準値は、入所者数・退院者数は令和4年度末、一般就労関係は令和3年度の
 * 実績値です`). The rows whose label holds a name take that year; a row no clause names gets none.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('base years a note gives groups of rows', () => {
  const n = normalizeLayout('note-scoped-base-years.txt');
  const rows = n.observations.map((o) => [o.indicator_label, o.value_kind, o.fiscal_year, o.value]);

  it('dates the base of each row by the clause naming it', () => {
    expect(rows).toContainEqual(['福祉施設の入所者数', 'baseline', 2022, 248]);
    expect(rows).toContainEqual(['精神病床からの退院者数', 'baseline', 2022, 57]);
    // `一般就労関係`: the rows whose label holds 一般就労
    expect(rows).toContainEqual(['就労継続支援からの一般就労者数', 'baseline', 2021, 19]);
  });

  it('gives no year to a base whose row no clause names, and leaves targets and results to their headers', () => {
    expect(rows).toContainEqual(['就労定着率8割以上の事業所数', 'baseline', null, 3]);
    expect(rows).toContainEqual(['福祉施設の入所者数', 'target', 2026, 241]);
    expect(rows).toContainEqual(['就労継続支援からの一般就労者数', 'actual', 2024, 22]);
  });
});
