/**
 * Header words in labels: a markdown table has one header row (the line before `---`); the rows under it that name
 * every value column (a banner, the services, the kinds) are header rows too, not body rows labelling nothing. A
 * group row (a label in its first cell only) stays in the body.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('header rows below a markdown header row', () => {
  const n = normalizeLayout('label-header-rows.md');
  const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

  it('reads the services and kinds named in the rows under the header as column headers', () => {
    expect(n.observations.map(row)).toEqual([
      ['障害児通所支援 児童発達支援', 2022, 'plan', 48, null],
      ['障害児通所支援 児童発達支援', 2022, 'actual', 51, null],
      ['障害児通所支援 保育所等訪問支援', 2022, 'plan', 12, null],
      ['障害児通所支援 保育所等訪問支援', 2022, 'actual', 9, null],
      ['障害児通所支援 児童発達支援', 2023, 'plan', 50, null],
      ['障害児通所支援 児童発達支援', 2023, 'actual', 57, null],
      ['障害児通所支援 保育所等訪問支援', 2023, 'plan', 14, null],
      ['障害児通所支援 保育所等訪問支援', 2023, 'actual', 15, null],
      ['居宅介護', 2022, 'actual', 820, 'hour/month'],
      ['居宅介護', 2023, 'actual', 845, 'hour/month'],
    ]);
  });
});
