import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/review-sentence-counts.tsv: a 第6期 review sheet (小平市, written for this test) whose counts are in
// sentences: how targets were set, what was done each year. It generalizes the 昭島市 fixture's sheets.
const n = normalizeLayout('review-sentence-counts.tsv');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('counts in the sentences of a review sheet', () => {
  it('reads each count once, with its year, kind and what it counts', () => {
    expect(n.observations.map(row)).toEqual([
      ['就労移行支援事業による一般就労移行者数', 2023, 'target', 6, 'person'],
      // `平成28年度から令和元年度までの4年間において3人`: a span before the plan term is a base, on its last year;
      // `令和5年度に6人が一般就労することを目標とする` restates the target beside it
      ['就労移行支援事業による一般就労移行者数', 2019, 'baseline', 3, 'person'],
      ['地域生活移行者数', 2023, 'target', 3, 'person'],
      // `令和元年度末時点の施設入所者数(50人)のうち、3人が地域生活へ移行`: the point dates the 50, the 3 restates the target
      ['地域生活移行者数 施設入所者数', 2019, 'baseline', 50, 'person'],
      ['一般就労への移行者', 2021, 'actual', 5, 'person'],
      ['就労定着支援事業の利用者', 2021, 'actual', 2, 'person'],
      // `令和6年度の設置を決定した。また、職員2名が…`: the year dates the 設置, not the count of the next sentence
      ['医療的ケア児等コーディネーター養成研修の受講者', 2022, 'actual', 2, 'person'],
      // `…及び…について各2か所`: two each
      ['児童発達支援事業', 2021, 'actual', 2, 'facility'],
      ['放課後等デイサービス', 2021, 'actual', 2, 'facility'],
      // a topic of its own is not headed by the 保育所等訪問支援事業 done in the sentence before
      ['医療的ケア児の支援', 2022, 'actual', 1, 'facility'],
      // `…事業所2か所と引き続き連携`: a count of partners is reported, not attributive
      ['重症心身障害児の受入れ事業所', 2022, 'actual', 2, 'facility'],
    ]);
  });
});
