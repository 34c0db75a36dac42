import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/wrapped-alias-measure.tsv (written for this test): a service's common name in brackets wrapped onto the
// row of its second measure (`移動支援事業 | 人/年` then `（ガイドヘルプ） | 時間/年`), the family of the 津山市
// pdftotext fixture in other words.
const n = normalizeLayout('wrapped-alias-measure.tsv');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('a bracketed name wrapped onto the row of the second measure', () => {
  it('reads that row as the service above, in its own unit', () => {
    expect(n.observations.map(row)).toEqual([
      ['訪問入浴サービス事業', 2022, 'plan', 24, 'person/year'],
      ['訪問入浴サービス事業', 2022, 'actual', 21, 'person/year'],
      ['移動支援事業', 2022, 'plan', 85, 'person/year'],
      ['移動支援事業', 2022, 'actual', 80, 'person/year'],
      ['移動支援事業', 2022, 'plan', 5100, 'hour/year'],
      ['移動支援事業', 2022, 'actual', 4870, 'hour/year'],
    ]);
  });
});
