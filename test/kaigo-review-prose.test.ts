import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/kaigo-review-prose.md (大和市, written for this test): a 介護保険事業計画 review with a rate column, and
// results told in sentences and bullets. Each expectation is read from the text by hand.
const n = normalizeLayout('kaigo-review-prose.md');
const row = (o: Observation) => [o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier];

describe('a 介護保険 review in a table and in sentences', () => {
  it('names the plan from a long title (第9期大和市高齢者保健福祉計画・介護保険事業計画)', () => {
    expect(n.plan).toBe('第9期介護保険事業計画');
    expect(n.planPeriod).toBe('2024-2026');
  });

  it('gives a rate column its percent, whatever the row counts (給付費（千円）)', () => {
    expect(n.observations.slice(0, 6).map(row)).toEqual([
      [2024, 'plan', 250_000_000, 'yen', null],
      [2024, 'actual', 240_000_000, 'yen', null],
      [2024, 'achievement_rate', 96, 'percent', null],
      [2024, 'plan', 800, 'person/month', null],
      [2024, 'actual', 760, 'person/month', null],
      [2024, 'achievement_rate', 95, 'percent', null],
    ]);
  });

  it('reads the counts of the sentences and bullets', () => {
    const prose = n.observations.slice(6);
    expect(prose.map(row)).toEqual([
      // `4 2か所` (spaced digits glued to the unit); `（前年度末 38か所）` is the year before, not a breakdown
      [2024, 'actual', 42, 'facility', null],
      [2023, 'actual', 38, 'facility', null],
      // `…2,150人で、目標を達成しました`: a count followed by で、 reports
      [2024, 'actual', 2150, 'person', null],
      // `目標を達成しました。なお、令和5年度の…1,980人`: the 目標 of the sentence before makes no target
      [2023, 'actual', 1980, 'person', null],
      // `9回の開催`
      [2024, 'actual', 9, 'time/year', null],
      [2026, 'target', 150, 'facility', 'gte'],
      // `【実績】 ・令和5年度 132事業所`: a bullet of a year and a value counts what the bullet above named
      [2023, 'actual', 132, 'facility', null],
      [2024, 'actual', 141, 'facility', null],
      // `（令和5年度の 1. 07倍）`: a ratio of a result, in that result's year
      [2024, 'actual', 1.07, 'ratio', null],
      [2024, 'actual', 205, 'person', null],
      // `前年同期（231人）から▲26人`: the count a year before, and a signed change from it
      [2023, 'actual', 231, 'person', null],
      [2024, 'deviation', -26, 'person', null],
    ]);
    for (const o of prose.slice(6, 9)) expect(o.indicator_label).toBe('見守り協力事業者数');
  });
});
