/**
 * Family "group heads over a linearized two-row header that do not divide its columns evenly": a table copied as
 * one line per row (a PDF viewer's copy), whose upper header line holds the stub heads and fewer group heads than
 * there are columns (`年度 区分 入所施設からの地域移行 一般就労への移行 精神障害者の地域移行` over five columns), and
 * whose lower line holds a label that starts with a digit (`3か月以上入院者数`). Before, the digit made the header
 * "not words" and both lines were dropped (every number labelled by the heading); with one stub word too many, the
 * group heads were spread evenly over the wrong columns. Now a label that goes on in words is no number, and group
 * heads are placed over the columns that share words with them (extractor/src/linear/stack.ts, sharedGroups).
 * Found on the tuned corpus (seed 31, a 成果目標 table); the document here is in other words (佐野市).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('uneven group heads over a linearized header', () => {
  const n = normalizeLayout('linear-uneven-group-heads.txt');
  const of = (v: number) =>
    n.observations.filter((o) => o.value === v).map((o) => [o.indicator_label, o.fiscal_year, o.value_kind]);

  it('keeps both header lines, each column under the group that shares its words', () => {
    expect(of(112)).toEqual([['入所施設からの地域移行 入所施設利用者数', 2022, 'actual']]);
    expect(of(9)).toEqual([['一般就労への移行 就労移行者数', 2022, 'actual']]);
    expect(of(6)).toEqual([['一般就労への移行 就労定着者数', 2022, 'actual']]);
    expect(of(41)).toEqual([['精神障害者の地域移行 3か月以上入院者数', 2022, 'actual']]);
    expect(of(30)).toEqual([['精神障害者の地域移行 3か月以上入院者数', 2026, 'target']]);
  });
});
