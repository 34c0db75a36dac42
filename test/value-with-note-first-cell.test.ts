// Family "one cell misjudged shifts a whole table": in an HTML table, a value followed by its note under the first
// year — a missing value with its reason (`―（休止）`, `－（※2）`), a count of four digits with its kind
// (`1985（見込）`, in a table whose years are 令和N年度) — is a value cell, not a third row label. Before,
// reconcileRowWidths (the repair for HTML rows whose spans do not add up) took such a row for one label deeper than
// the others: it widened the header's corner and kept that row's later values left-aligned after the note, so 12
// and 14 went under 令和6年度 and 令和7年度 instead of 令和7年度 and 令和8年度. A row with a real extra label and fewer
// values (`利用人数 | 3人 | 7人` under three years) is still moved. Written in other words than the probe where
// the family was found (a service table with `―（休止）` and `2030(見込)` under 見込量 rows).

import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.fiscal_year, o.value];

describe('a value with its note in the first value cell of a row', () => {
  const n = normalizeLayout('value-with-note-first-cell.html');
  const of = (name: string) => n.observations.filter((o) => o.indicator_label.includes(name)).map(row);

  it('keeps the values after ―（休止） and －（※2） under their own years', () => {
    expect(of('日中一時支援')).toEqual([
      [2025, 12],
      [2026, 14],
    ]);
    expect(of('訪問入浴')).toEqual([
      [2025, 3],
      [2026, 4],
    ]);
  });

  it('leaves the other rows where they were', () => {
    expect(of('成年後見')).toEqual([
      [2024, 4],
      [2025, 5],
      [2026, 6],
    ]);
    expect(n.observations.filter((o) => o.value === 2040 || o.value === 2110).map((o) => o.fiscal_year)).toEqual([
      2025, 2026,
    ]);
  });
});
