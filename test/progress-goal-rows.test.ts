import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/progress-goal-rows.tsv: a progress sheet (goal sentence | targets in words by year | results | plan)
// and an activity table, in the words of another city than the 白井市 / 昭島市 fixtures they generalize.
const n = normalizeLayout('progress-goal-rows.tsv');
const row = (o: Observation) => [o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier];
const sheet = n.observations.filter((o) => o.unit?.startsWith('time'));
const table = n.observations.filter((o) => o.unit === 'person');

describe('numbers in the sentences of a progress sheet', () => {
  it('reads one value per count, a note restating a count gives none', () => {
    expect(sheet.map(row)).toEqual([
      [2023, 'plan', 4, 'time/year', null],
      [2022, 'actual', 3, 'time/month', null],
      [2022, 'actual', 1, 'time/month', null],
      [2023, 'plan', 3, 'time/month', null],
      [2023, 'plan', 2, 'time/month', null],
      [2022, 'actual', 4, 'time/year', null],
      // `※相談者が少ないため、年4回から2回に減らす`: the note restates the plan's 年2回
      [2023, 'plan', 2, 'time/year', null],
    ]);
  });

  it('names a count by the clause with the object when the last clause only says how (`…とあわせて開催(年4回)`)', () => {
    expect(sheet[0]?.indicator_label).toContain('健康講座・出張相談会');
    // the row's goal is a sentence, and the targets by year (`毎年度開催`) are values in words: neither heads the label
    expect(sheet[0]?.indicator_label).not.toContain('協力し');
    expect(sheet[0]?.indicator_label).not.toContain('毎年度開催');
  });

  it('counts in brackets after places count what the sentence names in quotes, before or after them', () => {
    for (const o of sheet.slice(1, 5)) expect(o.indicator_label).toContain('ふれあいサロン');
    expect(sheet.slice(1, 5).map((o) => o.indicator_label.includes('東部地域センター'))).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it('labels the 成年後見相談会 counts by what was held', () => {
    for (const o of sheet.slice(5)) expect(o.indicator_label).toContain('成年後見相談会');
  });
});

describe('an activity table', () => {
  it('keeps a ※ note out of the row label, and reads 入所者数 as a measure of actual counts', () => {
    expect(table.map((o) => [o.indicator_label, o.measure, ...row(o)])).toEqual([
      ['短期入所の利用者数', '利用者数', 2021, 'plan', 12, 'person', null],
      ['短期入所の利用者数', '利用者数', 2022, 'plan', 13, 'person', null],
      ['短期入所の利用者数', '利用者数', 2023, 'plan', 14, 'person', null],
      ['短期入所の利用者数', '利用者数', 2021, 'actual', 10, 'person', null],
      ['短期入所の利用者数', '利用者数', 2022, 'actual', 15, 'person', null],
      ['施設入所者の状況', null, 2023, 'target', 60, 'person', 'lte'],
      ['施設入所者の状況', '入所者数', 2021, 'actual', 63, 'person', null],
      ['施設入所者の状況', '入所者数', 2022, 'actual', 62, 'person', null],
    ]);
  });
});
