/**
 * Family "第N期 periods mapped to fiscal years" when the document names its plan without a term (`障がい福祉計画
 * 成果目標の達成状況`): a bare `第6期` header is 障害福祉計画's sixth term (FY2021–2023), `第7期` its seventh
 * (FY2024–2026); a target over a term falls on its last year.
 */
import { describe, expect, it } from 'vitest';
import { planTypeOfWords } from '../packages/normalizer/src/context.js';
import { normalizeLayout } from './pipeline.js';

describe('a bare plan term in a document naming its plan without one', () => {
  const n = normalizeLayout('plan-type-without-term.tsv');
  const rows = n.observations.map((o) => [o.indicator_label, o.value_kind, o.fiscal_year, o.value]);

  it("dates each term's target at the term's last year", () => {
    expect(rows).toContainEqual(['福祉施設から一般就労への移行者数', 'target', 2023, 14]);
    expect(rows).toContainEqual(['福祉施設から一般就労への移行者数', 'target', 2026, 17]);
    expect(rows).toContainEqual(['地域生活支援拠点の整備数', 'target', 2026, 2]);
  });

  it('names the plan type only when the words name one kind of plan', () => {
    expect(planTypeOfWords('介護保険事業計画の見込量')).toBe('kaigo');
    expect(planTypeOfWords('障害福祉計画・障害児福祉計画')).toBe('shogai');
    expect(planTypeOfWords('障害福祉計画と介護保険事業計画')).toBeUndefined();
    expect(planTypeOfWords('地域福祉計画')).toBeUndefined();
  });
});
