/**
 * Two prose families (normalizer, rules/skip/prose.ts): "the national guideline's numbers in prose" — a sentence
 * whose topic is the guideline (`国の基本指針において、…1.28倍以上とすることが示されています`) states the country's
 * target, not the city's, while the city's own sentence after it keeps its number — and "the legend of a grade
 * column" (`評価区分　Ａ：達成率90％以上　Ｂ：…`): the bounds each grade stands for are no values. A document in other
 * words than the fixtures (もみじ市).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe("the national guideline's numbers and a grade legend in prose", () => {
  const n = normalizeLayout('prose-guideline-grade-legend.txt');
  const rows = n.observations.map((o) => [o.fiscal_year, o.value_kind, o.value, o.unit]);

  it("keeps the city's own target and nothing of the guideline's sentence or the legend", () => {
    expect(rows).toEqual([[2026, 'target', 25, 'person']]);
  });
});
