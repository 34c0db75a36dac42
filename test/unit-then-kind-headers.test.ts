/**
 * Family "a kind word after the unit's bracket" (`移動支援（時間／月）計画`, two header lines joined): the word after the
 * bracket is the column's kind, even `計画` and `差`, stems that also end names of things (`整備計画`) and alone count
 * as a kind only after a measure. Before, `計画` and `差` stayed in the label and the values were read as results.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('unit-then-kind-headers.tsv');
const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit]);

describe('headers of a name, its unit in brackets, then a kind word', () => {
  it('reads the weak kind stems after the bracket as kinds, with the name as the label', () => {
    expect(rows).toContainEqual(['移動支援', 2023, 'plan', 300, 'hour/month']);
    expect(rows).toContainEqual(['移動支援', 2023, 'deviation', -12, 'hour/month']);
    expect(rows).toContainEqual(['日中一時支援', 2024, 'plan', 150, 'person_day/month']);
    expect(rows).toContainEqual(['日中一時支援', 2024, 'deviation', -1, 'person_day/month']);
  });

  it('keeps the results results, and nothing else', () => {
    expect(rows).toContainEqual(['移動支援', 2024, 'actual', 301, 'hour/month']);
    expect(rows.filter((r) => r[2] === 'actual')).toHaveLength(4);
    expect(rows).toHaveLength(12);
  });
});
