/**
 * The rule registry's meta-test: every rule of the normalizer has examples, and each example, read through the
 * whole pipeline (extract → normalize), fires its rule; where the example states what its observation holds, an
 * observation made with the rule holds it.
 */
import { extractText } from '@shiryo/extractor';
import { allRules, FAMILIES, normalizeDocument, RULE_SETS } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const rules = allRules();

describe('the rule registry', () => {
  it('has unique ids, each named by its family, each rule with a summary and an example', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(FAMILIES, r.id).toContain(r.family);
      expect(r.id.startsWith(`${r.family}.`), r.id).toBe(true);
      expect(r.summary.length, r.id).toBeGreaterThan(20);
      expect(r.examples.length, r.id).toBeGreaterThan(0);
    }
  });

  it('runs every rule set in named stages', () => {
    for (const s of RULE_SETS) expect(s.stages().length, s.name).toBeGreaterThan(0);
  });

  for (const r of rules)
    for (const [i, ex] of r.examples.entries())
      it(`${r.id} fires on its example ${i + 1}`, () => {
        const fired: string[] = [];
        const doc = extractText(ex.text, ex.name ?? 'example.txt');
        const norm = normalizeDocument(doc, { trace: (id) => fired.push(id) });
        // (an emit rule records itself on the observation it makes, not through the trace)
        const recorded = norm.observations.some((o) => o.rules.includes(r.id));
        expect(recorded || fired.includes(r.id), `${r.id} did not fire on ${JSON.stringify(ex.text)}`).toBe(true);
        const want = ex.expect;
        if (!want) return;
        const holds = norm.observations.filter(
          (o) =>
            (want.value === undefined || Math.abs(o.value - want.value) < 1e-9) &&
            (want.fiscal_year === undefined || o.fiscal_year === want.fiscal_year) &&
            (want.value_kind === undefined || o.value_kind === want.value_kind) &&
            (want.unit === undefined || o.unit === want.unit) &&
            (want.subgroup === undefined || o.subgroup === want.subgroup) &&
            (want.measure === undefined || o.measure === want.measure) &&
            (want.qualifier === undefined || o.qualifier === want.qualifier) &&
            (want.label === undefined || o.indicator_label.includes(want.label)),
        );
        const shown = norm.observations.map(
          (o) =>
            `${o.indicator_label}/${o.subgroup ?? ''}/${o.measure ?? ''} FY${o.fiscal_year} ${o.value_kind} ${o.value} ${o.unit} [${o.rules.join(',')}]`,
        );
        expect(holds.length, `no observation holds ${JSON.stringify(want)}: ${shown.join(' ; ')}`).toBeGreaterThan(0);
        // (skip rules make no observation; layout rules also shape tables whose values are read from sentences)
        if (!r.quiet && r.family !== 'skip' && r.family !== 'layout')
          expect(
            holds.some((o) => o.rules.includes(r.id)),
            `the observation holding ${JSON.stringify(want)} was not made with ${r.id}: ${shown.join(' ; ')}`,
          ).toBe(true);
      });
});
