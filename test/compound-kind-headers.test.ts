/**
 * test/layouts/compound-kind-headers.tsv (written for this test, in other words than the corpus and the fixtures):
 * a year's header whose kind is a compound word read by its stems (docs/OBSERVATIONS.md, value_kind): `実績（速報値）`
 * → actual, `実績値（見込）` → estimate, `見込（推計）` and `将来推計` → plan — and no part of the kind word is left in
 * the indicator (before: `実績値（見込）` read as a plan labelled `…実績値`, `将来推計` as an actual labelled `…将来推計`).
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('compound-kind-headers.tsv');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value];

describe('compound kind words under years', () => {
  it('reads each kind by its stems and keeps the label clean', () => {
    expect(n.observations.map(row)).toEqual([
      ['就労継続支援B型', 2022, 'actual', 210],
      ['就労継続支援B型', 2023, 'estimate', 222],
      ['就労継続支援B型', 2024, 'plan', 230],
      ['就労継続支援B型', 2025, 'plan', 241],
    ]);
  });
});
