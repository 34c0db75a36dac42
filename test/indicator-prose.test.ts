import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/indicator-prose.md (焼津市, written for this test): indicators told in key–value lines, arrows and
// sentences, the families the 藤枝市 blind fixture showed, in other words.
const n = normalizeLayout('indicator-prose.md');
const row = (o: Observation) => [o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier];

describe('indicators told in prose', () => {
  it('reads 【成果指標】 lines, their 現状値/実績 bullets and a base → target arrow', () => {
    expect(n.observations.slice(0, 5).map(row)).toEqual([
      [2026, 'target', 6, 'percent', 'lte'],
      // `・現状値：5.8％（R5年度末）`: the word before the value makes it a base
      [2023, 'baseline', 5.8, 'percent', null],
      [2024, 'actual', 5.9, 'percent', null],
      // `41.0％（令和4年度調査）→ 45％以上`: from a base to a bounded target on the plan's last year
      [2022, 'baseline', 41, 'percent', null],
      [2026, 'target', 45, 'percent', 'gte'],
    ]);
    // a bullet that only says which value it is counts what the 【成果指標】 named
    for (const o of n.observations.slice(0, 3)) expect(o.indicator_label).toContain('要支援認定率');
    // `週1回以上参加している…割合` is part of the name, not a target of its own
    expect(n.observations.filter((o) => o.unit === 'time/week')).toEqual([]);
    expect(n.observations[4]!.indicator_label).toContain('週1回以上参加している高齢者の割合');
  });

  it('dates the work of a year’s heading, and pairs a target with its result', () => {
    expect(n.observations.slice(5, 10).map(row)).toEqual([
      // `目標：年8回以上／実績：年6回（達成率75％）` under `重点施策の取組状況（令和6年度）`
      [2024, 'target', 8, 'time/year', 'gte'],
      [2024, 'actual', 6, 'time/year', null],
      [2024, 'achievement_rate', 75, 'percent', null],
      [2024, 'actual', 1120, 'person', null],
      // `前年度（980人）`
      [2023, 'actual', 980, 'person', null],
    ]);
    expect(n.observations[7]!.indicator_label).toContain('転倒予防教室');
  });

  it('dates `12団体→15団体` by the caption `（令和5年度末→令和6年度末）`, and reads changes as differences', () => {
    expect(n.observations.slice(10).map(row)).toEqual([
      [2023, 'actual', 12, 'organization', null],
      [2024, 'actual', 15, 'organization', null],
      // `H30年度末の40人から令和6年度末には95人`: a dated value a change starts from
      [2018, 'actual', 40, 'person', null],
      [2024, 'actual', 95, 'person', null],
      [2024, 'actual', 412, 'case/year', null],
      // `（前年度比▲18件）`
      [2024, 'deviation', -18, 'case/year', null],
      // `延べ36件の事例を検討`
      [2024, 'actual', 36, 'case/year', null],
    ]);
  });
});
