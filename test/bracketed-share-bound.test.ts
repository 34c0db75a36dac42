/**
 * Family "a bound after the bracketed share" (quantity/parse.ts): `２０人（1.33倍）以上`, `６か所（５割）以上` — the bound
 * written after the bracket closes the count and its ratio or share alike (docs/OBSERVATIONS.md: 以上 → gte; the
 * ratio beside a value takes that value's kind). Before, both lost the bound.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a count with its ratio or share in brackets, then 以上', () => {
  const rows = normalizeLayout('bracketed-share-bound.txt').observations.map((o) => [o.value, o.unit, o.qualifier]);

  it('bounds the count and its ratio', () => {
    expect(rows).toContainEqual([20, 'person', 'gte']);
    expect(rows).toContainEqual([1.33, 'ratio', 'gte']);
  });

  it('bounds the count and its share', () => {
    expect(rows).toContainEqual([6, 'facility', 'gte']);
    expect(rows).toContainEqual([50, 'percent', 'gte']);
  });
});
