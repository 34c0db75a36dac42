/**
 * test/layouts/guideline-asides.tsv (written for this test, in other words than the corpus and the fixtures): a
 * guideline set above the city, however it is named — a column `県の考え方`, an aside in the city's own cell
 * `4（国の指針：…6%以上）`, a row `都の目標`, a note `※指針値：…`, an aside after a sentence `（国の目標：…）` — states
 * the country's or the prefecture's figures: none of its numbers is an observation, and the city's figures beside
 * them keep their own year; the guideline's column beside a row's own label gives it neither words nor a kind
 * (`令和3年度実績の1.31倍以上` once made a 基準値 row a result labelled `…1.31倍以上`).
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('guideline-asides.tsv');
const row = (o: Observation) => [o.fiscal_year, o.value_kind, o.value, o.unit];

describe('figures of a guideline set above the city', () => {
  it("keeps the city's figures, each of its own year", () => {
    const rows = n.observations.map(row);
    expect(rows).toContainEqual([2022, 'baseline', 50, 'person']);
    expect(rows).toContainEqual([2026, 'target', 4, 'person']);
    expect(rows).toContainEqual([2026, 'target', 150, 'person']);
    expect(rows).toContainEqual([2026, 'target', 11, 'person']);
    expect(rows.filter((r) => r[2] === 2)).toHaveLength(1);
  });
  it("stores none of the guideline's numbers (its column, row, note and asides)", () => {
    const values = n.observations.map((o) => o.value);
    for (const v of [6, 1.2, 12, 5, 1]) expect(values).not.toContain(v);
    expect(n.observations).toHaveLength(9);
  });
  it("reads neither label nor kind from the guideline's column beside the row's own (`…実績の1.31倍以上`)", () => {
    const rows = n.observations
      .filter((o) => o.indicator_label.startsWith('就労移行'))
      .map((o) => [o.indicator_label, ...row(o)]);
    expect(rows).toEqual([
      ['就労移行支援事業の利用者数', 2022, 'baseline', 20, 'person'],
      ['就労移行支援事業の利用者数', 2026, 'target', 26, 'person'],
    ]);
  });
});
