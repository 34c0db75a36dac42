import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/outcome-prose-fragments.txt (a village's 第7期 outcome targets, written for this test in other words
// than the 菊陽町 / phrasings / 富士宮市 fixtures whose misses they share): the words of a sentence that say how a
// value is counted (延べ, 合計, 引き続き, 毎年度), that tie an amount to its ratio (`…倍以上となる6人`) or that restate
// the sentence's topic at its base (`…の利用者数は、…の利用者数（6人）`) are no label of their own.
const n = normalizeLayout('outcome-prose-fragments.txt');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit, o.qualifier];

describe('labels of outcome targets and results told in sentences', () => {
  it('names the persons who move by the noun of the move (`…に移行する者の数` → `…への移行者数`)', () => {
    expect(row(n.observations[0]!)).toEqual(['入所施設から地域生活への移行者数', 2026, 'target', 2, 'person', 'gte']);
  });

  it('drops the manner words before a value (`引き続き`, `延べ`) and keeps a subject of its own without the heading', () => {
    expect(n.observations.slice(1, 5).map(row)).toEqual([
      // `協議の場を、令和8年度まで引き続き年3回以上開きます`: the clause the sentence sets
      ['関係者による協議の場', 2026, 'target', 3, 'time/year', 'gte'],
      // `協議の場は年2回開催し`
      ['協議の場', 2023, 'actual', 2, 'time/year', null],
      // `出席者は延べ26人`
      ['出席者', 2023, 'actual', 26, 'person', null],
      // `目標設定及び評価は年1回`: 目標 starts an activity's name, not a kind word
      ['目標設定及び評価', 2023, 'actual', 1, 'time/year', null],
    ]);
  });

  it('reads a base that restates the topic, its ratio and the amount `…倍以上となる` as one indicator', () => {
    expect(n.observations.slice(5, 11).map(row)).toEqual([
      ['一般就労への移行者', 2021, 'baseline', 4, 'person', null],
      ['一般就労への移行者', 2026, 'target', 1.5, 'ratio', 'gte'],
      ['一般就労への移行者', 2026, 'target', 6, 'person', 'gte'],
      ['就労定着支援事業の利用者数', 2021, 'baseline', 6, 'person', null],
      ['就労定着支援事業の利用者数', 2026, 'target', 1.5, 'ratio', 'gte'],
      ['就労定着支援事業の利用者数', 2026, 'target', 9, 'person', 'gte'],
    ]);
  });

  it("reads a ratio against a year in a reported sentence as that year's result, and `うち…は` as a part", () => {
    expect(n.observations.slice(13).map((o) => [...row(o), o.subgroup])).toEqual([
      // `令和5年度の一般就労移行者数は、令和元年度実績の1.4倍となった`
      ['一般就労移行者数', 2023, 'actual', 1.4, 'ratio', null, null],
      ['就労定着支援の利用者数', 2023, 'actual', 16, 'person', null, null],
      // `…16人で、うち精神障害のある者は5人であった`
      ['就労定着支援の利用者数', 2023, 'actual', 5, 'person', null, '精神障害のある者'],
    ]);
  });

  it('gives a measure the topic of its sentence, and drops `毎年度` / `合計`', () => {
    expect(n.observations.slice(11, 13).map(row)).toEqual([
      ['村職員', 2026, 'target', 2, 'person', 'gte'],
      ['ひだまり相談室 相談件数', 2023, 'actual', 140, 'case/year', null],
    ]);
  });
});
