/**
 * test/layouts/missing-word-cells.tsv (written for this test, in other words than the corpus and the fixtures): a
 * cell that says why it holds no number (`集計中`, `未集計`, `皆増`) is missing — no value, never zero, and no part of
 * the row's label (before, the word was glued to the indicator: `日中一時支援 集計中`) — and `▼1` is −1 as `▲1` is.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('missing-word-cells.tsv');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value];

describe('cells that say why they hold no number', () => {
  it('stores no value for them and keeps the labels clean', () => {
    expect(n.observations.map(row)).toEqual([
      ['地域活動支援センター', 2022, 'actual', 3],
      ['地域活動支援センター', 2023, 'actual', 2],
      ['地域活動支援センター', 2023, 'deviation', -1],
      ['移動支援', 2022, 'actual', 0],
      ['移動支援', 2023, 'actual', 4],
      ['日中一時支援', 2022, 'actual', 15],
    ]);
  });
});
