/**
 * Family "the basis of an amount" (issue 13, real-fuji-r8-shizei: a budget book's 説明 `調定見込額 | 883,000×98.8％`):
 * a cell that is a product of figures alone states how the amount beside it is computed; before, its factors were
 * stored as observations (883,000 and 98.8 percent). The document here is a TSV in other words (手数料, 件×円).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a product of figures beside an amount', () => {
  it('keeps the amounts and reads nothing from the products', () => {
    const n = normalizeLayout('amount-basis-formula.tsv');
    expect(n.observations.map((o) => [o.value, o.unit])).toEqual([
      [3_600_000, 'yen'],
      [2_100_000, 'yen'],
    ]);
  });
});
