/**
 * test/layouts/subsidy-caps.txt (written for this test, in other words than the 神戸市 call for proposals of the
 * real-kobe-youkou-h29 fixture): family "caps and floors" (docs/OBSERVATIONS.md, budget tables) — a table captioned
 * `…（上限）` lists caps a body sets for the awards to come (plan, qualifier lte), `（下限）` floors (gte); a table
 * under another caption keeps its own reading.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('subsidy-caps.txt');
const row = (o: Observation) => [o.indicator_label, o.value_kind, o.value, o.unit, o.qualifier];
const rows = n.observations.map(row);

describe('a table captioned as upper or lower limits', () => {
  it('reads each amount under （上限） as a planned cap (lte)', () => {
    expect(rows).toContainEqual(['グループホーム(新築) 金額', 'plan', 5_200_000, 'yen', 'lte']);
    expect(rows).toContainEqual(['生活介護事業所(改修) 金額', 'plan', 12_000_000, 'yen', 'lte']);
  });

  it('reads an amount under （下限） as a floor (gte)', () => {
    expect(rows).toContainEqual(['市民税非課税世帯 金額', 'plan', 800_000, 'yen', 'gte']);
  });

  it('leaves a table under another caption as it was (results, no bound)', () => {
    expect(rows).toContainEqual(['グループホーム(新築)', 'actual', 3, null, null]);
  });
});
