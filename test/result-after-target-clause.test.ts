/**
 * test/layouts/result-after-target-clause.txt (written for this test, other words than the 6期 web-cell blind
 * fixture): family "a result after the target in one sentence" — `…を目標としましたが、利用者は12人、利用率は58.1％に
 * とどまりました` and `…を目標とし、令和6年度は6人が参加しました`: the target's bound is a target, the values of the clause
 * reporting what happened are results.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('result-after-target-clause.txt');
const row = (o: Observation) => [o.value_kind, o.value, o.unit];

describe('a result in the clause after a target', () => {
  const rows = n.observations.map(row);
  it('keeps the bound of the target clause a target', () => {
    expect(rows).toContainEqual(['target', 70, 'percent']);
    expect(rows).toContainEqual(['target', 3, 'person']);
  });

  it('reads the values of the clause that reports what happened as results', () => {
    expect(rows).toContainEqual(['actual', 12, 'person']);
    expect(rows).toContainEqual(['actual', 58.1, 'percent']);
    expect(rows).toContainEqual(['actual', 6, 'person']);
  });
});
