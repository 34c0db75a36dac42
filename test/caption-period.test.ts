import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('caption-period-cell.tsv');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('a caption with a year after the values of a results cell', () => {
  it('dates the values and leaves each its item of the row', () => {
    expect(n.observations.filter((o) => o.value_kind === 'actual').map(row)).toEqual([
      ['就職した人の定着率 就職後6か月時点', 2021, 'actual', 65, 'percent'],
      ['就職した人の定着率 就職後1年時点', 2021, 'actual', 48, 'percent'],
      ['就労定着支援の利用者数', 2022, 'actual', 18, 'person'],
    ]);
  });
});
