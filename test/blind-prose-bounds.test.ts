import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier];

// Family "成果目標 prose of a town: bounds said as comparisons and bases in brackets after the target" (found by the
// blind fixture shogai-7ki-town-outcome-prose, which arrived at F1 0.333): `28人を下回る` (lt) and `4人を下回らない`
// (gte) are targets; a bracket after a target, dated before the plan term, is its base; `…までに1か所設置します`
// commits to a target without 以上.
describe('town targets: を下回る / を下回らない, bases in brackets after the target, a commitment by a deadline', () => {
  const n = normalizeLayout('town-targets-below-and-bracket-bases.txt');

  it('finds the town', () => {
    expect(n.municipality?.code).toBe('203831');
  });

  it('reads every value with its year, kind, unit and bound', () => {
    expect(n.observations.map(row)).toEqual([
      [2026, 'target', 28, 'person', 'lt'],
      [2022, 'baseline', 30, 'person', null],
      [2026, 'target', 6, 'time/year', 'gte'],
      [2022, 'baseline', 4, 'time/year', null],
      [2026, 'target', 1, 'facility', null],
      [2023, 'baseline', 0, 'facility', null],
      [2026, 'target', 4, 'person', 'gte'],
    ]);
  });
});
