import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// Family "a year-end statistics table with western years glossed by an abbreviated era and a change column" (found
// by the blind fixture shogai-7ki-markdown-western-era-years, which arrived at F1 0.897): `2022（R4）年度末` is one
// year-end period (no `2022年度末` left in the label), and `対前年度増減` is the change into the last year, not a value
// of the year before, though the title names the document's year (`令和6年度 …の現況`).
describe('year-end statistics: 2022（R4）年度末 headers and a 対前年度増減 column', () => {
  const n = normalizeLayout('year-end-stats-change-column.md');

  it('reads 2022（R4）年度末 as the year-end of FY2022 and leaves nothing of it in the label', () => {
    const first = n.observations[0]!;
    expect([first.indicator_label, first.fiscal_year, first.period_kind, first.value]).toEqual([
      '身体障害者手帳',
      2022,
      'fy_end',
      1210,
    ]);
    for (const o of n.observations) expect(o.indicator_label).not.toMatch(/\d{4}/u);
  });

  it('dates the 対前年度増減 change to the last year of the table', () => {
    const changes = n.observations.filter((o) => o.value_kind === 'deviation');
    expect(changes.map((o) => [o.fiscal_year, o.value])).toEqual([
      [2024, -17],
      [2024, 9],
    ]);
  });
});
