/**
 * A PDF viewer's copy of a header whose cells hold one or two words each, all set one space apart
 * (`令和5年度 計画 令和5年度 実績 増減 （実績－計画） 令和6年度 計画`): a period and the kind after it are one
 * head, a word and the bracketed note after it are one head. Other words than the fixture that showed the family
 * (shogai-7ki-markdown-western-era-years written as a PDF viewer copy): 射水市, 障害児通所支援, △ for minus.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('single-spaced header of compound heads over value columns', () => {
  const n = normalizeLayout('linear-spaced-compound-heads.txt');

  it('reads each row’s four values as 2023 plan, 2023 actual, 2023 deviation and 2024 plan', () => {
    const rows: [string, string, number[]][] = [
      ['児童発達支援', 'person/month', [142, 151, 9, 150]],
      ['児童発達支援', 'person_day/month', [1278, 1342, 64, 1350]],
      ['放課後等デイサービス', 'person/month', [305, 298, -7, 320]],
      ['放課後等デイサービス', 'person_day/month', [3660, 3512, -148, 3840]],
      ['保育所等訪問支援', 'person/month', [18, 21, 3, 20]],
      ['障害児相談支援', 'person/month', [96, 90, -6, 102]],
    ];
    const want = rows.flatMap(([label, unit, [p, a, d, p6]]) => [
      [label, unit, 2023, 'plan', p],
      [label, unit, 2023, 'actual', a],
      [label, unit, 2023, 'deviation', d],
      [label, unit, 2024, 'plan', p6],
    ]);
    expect(n.observations.map((o) => [o.indicator_label, o.unit, o.fiscal_year, o.value_kind, o.value])).toEqual(want);
    expect(new Set(n.observations.map((o) => o.municipality_name))).toEqual(new Set(['射水市']));
  });
});
