import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/web-item-value-lines.txt (北見市, written for this test): the family "a web page copied as text, one
// `項目：値` line per value" that the 都城市 blind fixture showed, in other words — another program (在宅医療・介護連携),
// another year (2025年度 in the title, western), 見込 beside 計画, a unit of meals per month only on the measure line,
// a page number with leading zeros.
const n = normalizeLayout('web-item-value-lines.txt');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('item/value lines of a web page about one year', () => {
  it('reads each line under the name above it, of the kind its item states, in the year of the page title', () => {
    expect(n.observations.map(row)).toEqual([
      // `相談件数` / `計画：1,200件` under the centre's line: the item is the kind; events counted in the year are per year
      ['在宅医療・介護連携支援センター 相談件数', 2025, 'plan', 1200, 'case/year'],
      ['在宅医療・介護連携支援センター 相談件数', 2025, 'actual', 1315, 'case/year'],
      ['多職種研修会の開催回数', 2025, 'plan', 8, 'time/year'],
      ['多職種研修会の開催回数', 2025, 'actual', 9, 'time/year'],
      // a measure line under the program's line, its unit only there (食/月 has no canonical unit: none is invented)
      ['配食サービス 延べ配食数(食/月)', 2025, 'plan', 4500, null],
      ['配食サービス 延べ配食数(食/月)', 2025, 'actual', 4320, null],
      // the kind in brackets in the item (`会場数（計画）`); the measure counts for the program's line above
      ['ふまねっと運動教室 会場数', 2025, 'plan', 22, 'facility'],
      ['ふまねっと運動教室 会場数', 2025, 'actual', 24, 'facility'],
      ['ふまねっと運動教室 延べ参加者数', 2025, 'plan', 6800, 'person'],
      ['ふまねっと運動教室 延べ参加者数', 2025, 'actual', 7105, 'person'],
      ['出前講座 申込件数', 2025, 'plan', 60, 'case/year'],
      ['出前講座 申込件数', 2025, 'actual', 48, 'case/year'],
    ]);
  });

  it('keeps the page number and the telephone number out', () => {
    const values = n.observations.map((o) => o.value);
    expect(values).not.toContain(31542);
    expect(values).not.toContain(1147);
  });
});
