/**
 * test/layouts/bounds-not-passed.txt (written for this test, other words than the 6期 web-cell blind fixture): a
 * bound said by what it must not pass — `72人を上回らない` is `lte`, `1.3倍を下回らない` is `gte` (as `を超えない` and
 * `以上` are), and a bound in a sentence of targets is a target.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('bounds-not-passed.txt');
const row = (o: Observation) => [o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier];

describe('bounds written as what a value must not pass', () => {
  it('reads `を上回らない` as at most and `を下回らない` as at least, both targets', () => {
    const rows = n.observations.map(row);
    expect(rows).toContainEqual([2026, 'target', 72, 'person', 'lte']);
    expect(rows).toContainEqual([2026, 'target', 1.3, 'ratio', 'gte']);
    expect(rows).toContainEqual([2026, 'target', 13, 'person', null]);
  });
});
