// Family "counts that look like years" in HTML tables whose rows carry their labels over rowspans: a count of four
// digits written without its comma (`2040` visits, `1978` participants) under a header of era years (`令和6年度`)
// is a value. Before, reconcileRowWidths (the repair for HTML rows whose spans do not add up) read such a cell as a
// year-like row label: its row looked one label deeper than the others, so the header's corner widened and that
// row's values moved a column left of their years (the first dropped, the others under the year before), and in a
// years-as-rows table the counts went under the group header instead of their column. The document is written
// here, in other words than the generated ones where the family was found (a 回数 table of 通所リハビリテーション with
// `計画 | 2030 | 2094 | 2160`, and 医療費助成 recipients `29年度 | 1901 | 2191`).

import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value];

describe('counts that look like years under rowspan row labels', () => {
  const n = normalizeLayout('counts-like-years-nested-rows.html');
  const table = (i: number) => n.observations.filter((o) => o.table_index === i);

  it('keeps a service whose counts read 2040, 2085, 2130 and 1996 under its own years', () => {
    const b = table(0)
      .filter((o) => o.indicator_label.includes('訪問型サービスB'))
      .map(row);
    expect(b).toEqual([
      ['訪問型サービスB', 2024, 'plan', 2040],
      ['訪問型サービスB', 2025, 'plan', 2085],
      ['訪問型サービスB', 2026, 'plan', 2130],
      ['訪問型サービスB', 2024, 'actual', 1996],
    ]);
    // (the other services' rows stay in place too)
    expect(
      table(0)
        .filter((o) => o.indicator_label.includes('通所型サービスA'))
        .map((o) => o.fiscal_year),
    ).toEqual([2024, 2025, 2026, 2024]);
  });

  it('reads 1978 and 1964 participants of a years-as-rows table under their own columns', () => {
    const got = table(1).map((o) => [o.fiscal_year, o.value, o.subgroup ?? o.indicator_label]);
    expect(got.filter((r) => r[0] === 2023).map((r) => r[1])).toEqual([1978, 902]);
    expect(got.filter((r) => r[0] === 2024).map((r) => r[1])).toEqual([2406, 1964]);
    expect(String(got.find((r) => r[1] === 1978)?.[2])).toContain('一般住民');
    expect(String(got.find((r) => r[1] === 1964)?.[2])).toContain('小中学生');
  });
});
