/**
 * test/layouts/subset-part-forms.tsv (written for this test, in other words than the corpus and the fixtures): a part
 * written in brackets after its whole — `120（うち重症心身障害児 15）`, `40（内 6）`, and `1,250《300》` under a note
 * `※《 》内は…` — is a subset of the value (docs/OBSERVATIONS.md: the value beside it, of kind `subset`), named by the
 * words written with it or by the note; before, the うち/内 parts were lost and the named ones turned the cell into a
 * label.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('subset-part-forms.tsv');
const row = (o: Observation) => [o.indicator_label, o.subgroup, o.value_kind, o.subset_of_kind ?? null, o.value];

describe('parts written in brackets after their whole', () => {
  it('reads the whole and the part named after うち', () => {
    const rows = n.observations.map(row);
    expect(rows).toContainEqual(['日中一時支援', null, 'plan', null, 120]);
    expect(rows).toContainEqual(['日中一時支援', '重症心身障害児', 'subset', 'plan', 15]);
    expect(rows).toContainEqual(['日中一時支援', null, 'actual', null, 98]);
    expect(rows).toContainEqual(['日中一時支援', '重症心身障害児', 'subset', 'actual', 11]);
  });
  it('reads a part after 内 with no name as a subset of no subgroup', () => {
    const rows = n.observations.map(row);
    expect(rows).toContainEqual(['移動支援', null, 'subset', 'plan', 6]);
    expect(rows).toContainEqual(['移動支援', null, 'subset', 'actual', 5]);
    expect(rows).toContainEqual(['移動支援', null, 'actual', null, 37]);
  });
  it('names a part in double angle brackets by the note under its table', () => {
    const parts = n.observations.filter((o) => o.indicator_label === '居宅介護' && o.value_kind === 'subset');
    expect(parts.map((o) => [o.subgroup, o.value])).toEqual([
      ['精神障害者の時間数', 300],
      ['精神障害者の時間数', 280],
    ]);
  });
  it('stores nothing else', () => {
    expect(n.observations).toHaveLength(12);
  });
});
