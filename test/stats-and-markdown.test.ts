import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// Two documents written for this test, in other words than the blind fixtures 佐倉市 (statistics annex) and 上田市
// (a converter's markdown) whose breakage they share: test/layouts/stats-annex.txt (浦安市) and
// test/layouts/converter-markdown.md (飯田市).
const row = (o: Observation) => [o.indicator_label, o.subgroup, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('a statistics annex', () => {
  const n = normalizeLayout('stats-annex.txt');

  it('reads rows named under a classification (障害部位) as groups of the heading’s count; 内部 is a 部位', () => {
    const parts = n.observations.filter((o) => o.indicator_label === '障害部位別身体障害者手帳所持者数');
    expect(parts.map((o) => [o.subgroup, o.measure, o.value, o.unit])).toEqual([
      ['視覚', '人数', 120, 'person'],
      ['視覚', '構成比', 8, 'percent'],
      ['肢体不自由', '人数', 780, 'person'],
      ['肢体不自由', '構成比', 52, 'percent'],
      ['内部', '人数', 600, 'person'],
      ['内部', '構成比', 40, 'percent'],
      ['計', '人数', 1500, 'person'],
      ['計', '構成比', 100, 'percent'],
    ]);
    // the ※ note on rounding (`合計が100％にならない`) holds no value: only the table's 100.0 is read
    expect(n.observations.filter((o) => o.value === 100)).toHaveLength(1);
  });

  it('reads a 前年比 column as differences of the later year', () => {
    expect(n.observations.filter((o) => o.value_kind === 'deviation' && o.table_index !== null).map(row)).toEqual([
      ['排泄管理支援用具', null, 2023, 'deviation', -30, 'case/year'],
      ['日常生活用具の給付件数', '合計', 2023, 'deviation', -10, 'case/year'],
    ]);
  });

  it('reads changes and parts told in sentences', () => {
    expect(n.observations.filter((o) => o.table_index === null).map(row)).toEqual([
      ['手帳所持者数の合計', null, 2023, 'actual', 5210, 'person'],
      // `前年同日と比べて84人増加`: a difference of the count before it
      ['手帳所持者数の合計', null, 2023, 'deviation', 84, 'person'],
      ['地域移行支援の利用者数', null, 2023, 'actual', 4, 'person'],
      // `（前年度：3人）`
      ['地域移行支援の利用者数 前年度', null, 2022, 'actual', 3, 'person'],
      // `計画値の9割を下回りました` is a threshold, not a value; `300人のうち75人（25.0％）` a part of a whole
      ['測定参加者', null, null, 'actual', 300, 'person'],
      ['測定参加者のうち', null, null, 'actual', 75, 'person'],
      ['測定参加者のうち', null, null, 'actual', 25, 'percent'],
    ]);
  });
});

describe('a converter’s markdown', () => {
  const n = normalizeLayout('converter-markdown.md');

  it('reads bold numbers, <br> in cells, footnote marks and page markers as the text they mark up', () => {
    expect(n.observations.map(row)).toEqual([
      ['療育手帳 A(重度)', null, 2022, 'actual', 310, 'person'],
      ['療育手帳 A(重度)', null, 2023, 'actual', 318, 'person'],
      // a sentence before the table describes it, it does not name it
      ['手帳所持者数', '小計 療育手帳', 2022, 'actual', 820, 'person'],
      ['手帳所持者数', '小計 療育手帳', 2023, 'actual', 845, 'person'],
      // `14人<br>（R4年度末）`
      ['地域生活移行者数', null, 2022, 'baseline', 14, 'person'],
      ['地域生活移行者数', null, 2026, 'target', 9, 'person'],
    ]);
    expect(n.observations.some((o) => /\*|\[\^|<br/u.test(o.indicator_label))).toBe(false);
  });
});
