/**
 * test/layouts/results-under-target-heading.txt (a 障害者施策推進協議会 report written for this test, in other words than
 * the probes the family was found with): family "results reported under a targets heading". A `３ 成果目標` heading
 * makes the values under it targets unless their sentence says otherwise; a sentence that names no target, plan or
 * outlook and states what a past year's value was (`…は2人でした`, `…17人となっています`, `…856件で、`) reports a
 * result. A sentence that sets a value (`…24人と定めています`) is the target, labelled without its `の目標を` /
 * `を` tail.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('results-under-target-heading.txt');
const row = (o: Observation) => [o.fiscal_year, o.value_kind, o.value];

describe('results reported in sentences under a 成果目標 heading', () => {
  it('reads a past year stated as fact as a result, not a target', () => {
    const rows = n.observations.map(row);
    expect(rows).toContainEqual([2024, 'actual', 2]);
    expect(rows).toContainEqual([2024, 'actual', 17]);
    expect(rows).toContainEqual([2024, 'actual', 856]);
    expect(rows.filter((r) => r[1] === 'target' && r[0] === 2024)).toEqual([]);
  });

  it('keeps the value a sentence sets as the target of its year', () => {
    const t = n.observations.find((o) => o.value === 24);
    expect(t && [t.fiscal_year, t.value_kind]).toEqual([2026, 'target']);
    expect(t?.indicator_label).toMatch(/就労定着支援の利用者数$/u);
  });
});
