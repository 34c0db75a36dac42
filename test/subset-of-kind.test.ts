import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/paged-outlook.txt: 児童発達支援 令和6年度 計画 `120（3）` and 実績(見込) `116（4）`, under a note that the
// bracketed numbers are a part (内数). Each part keeps the kind of the figure it is part of.
describe('a subset keeps the kind of the figure it is part of (subset_of_kind)', () => {
  it('`120（3）` in a plan column is a part of a plan, `116（4）` in an estimate column a part of an estimate', () => {
    const n = normalizeLayout('paged-outlook.txt');
    const rows = n.observations
      .filter((o) => o.indicator_label === '児童発達支援')
      .map((o) => [o.value_kind, o.value, o.subset_of_kind ?? null]);
    expect(rows).toEqual([
      ['plan', 120, null],
      ['subset', 3, 'plan'],
      ['estimate', 116, null],
      ['subset', 4, 'estimate'],
      ['achievement_rate', 96.7, null],
    ]);
  });
});
