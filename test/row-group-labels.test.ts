/**
 * Family "row groups": a row that names a group of the rows under it and holds no number — spanning the whole table
 * (`<td colspan="5">ア 施設サービス</td>`) or written in its first cell only (`(2) 意思疎通支援事業 | | |`) — is a
 * body row, not one more header row; a `小計` or bare `計` under it totals that group, a `合計` of every group stays
 * with the caption. A bulleted stub with one item (`　・手話通訳者設置事業`) names that item once; a kana ordinal
 * (`ア `) is no part of a label; a long name listing fields with 、 keeps its unit bracket as its unit.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.subgroup, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('group rows spanning an HTML table', () => {
  const n = normalizeLayout('row-group-labels.html');
  const of = (label: string) => n.observations.filter((o) => o.indicator_label === label).map(row);

  it('reads the services under each group row by their own names, not the group row as a column header', () => {
    expect(of('介護老人福祉施設')).toEqual([
      ['介護老人福祉施設', null, 2022, 'plan', 410, 'person/month'],
      ['介護老人福祉施設', null, 2022, 'actual', 402, 'person/month'],
      ['介護老人福祉施設', null, 2023, 'plan', 415, 'person/month'],
      ['介護老人福祉施設', null, 2023, 'actual', 409, 'person/month'],
    ]);
    expect(n.observations.some((o) => /施設サービス|居住系サービス/u.test(o.indicator_label) && !o.subgroup)).toBe(
      false,
    );
  });

  it("gives each 小計 its group without the kana ordinal, and the 合計 the caption's name", () => {
    expect(n.observations.filter((o) => o.subgroup).map(row)).toEqual([
      ['施設サービス', '小計', 2022, 'plan', 670, 'person/month'],
      ['施設サービス', '小計', 2022, 'actual', 653, 'person/month'],
      ['施設サービス', '小計', 2023, 'plan', 677, 'person/month'],
      ['施設サービス', '小計', 2023, 'actual', 664, 'person/month'],
      ['居住系サービス', '小計', 2022, 'plan', 88, 'person/month'],
      ['居住系サービス', '小計', 2022, 'actual', 92, 'person/month'],
      ['居住系サービス', '小計', 2023, 'plan', 90, 'person/month'],
      ['居住系サービス', '小計', 2023, 'actual', 97, 'person/month'],
      ['施設・居住系サービスの利用者数', '合計', 2022, 'plan', 758, 'person/month'],
      ['施設・居住系サービスの利用者数', '合計', 2022, 'actual', 745, 'person/month'],
      ['施設・居住系サービスの利用者数', '合計', 2023, 'plan', 767, 'person/month'],
      ['施設・居住系サービスの利用者数', '合計', 2023, 'actual', 761, 'person/month'],
    ]);
  });
});

describe('group rows in the first cell of a TSV table', () => {
  const n = normalizeLayout('row-group-labels.tsv');

  it('keeps the years of the header for the rows under a group row, and totals each group', () => {
    expect(n.observations.map(row)).toEqual([
      ['成年後見制度利用支援事業', null, 2022, 'actual', 4, 'person/year'],
      ['成年後見制度利用支援事業', null, 2023, 'actual', 6, 'person/year'],
      ['成年後見制度利用支援事業', '計', 2022, 'actual', 4, 'person/year'],
      ['成年後見制度利用支援事業', '計', 2023, 'actual', 6, 'person/year'],
      ['手話通訳者設置事業', null, 2022, 'actual', 2, 'person'],
      ['手話通訳者設置事業', null, 2023, 'actual', 2, 'person'],
      ['要約筆記者派遣事業', null, 2022, 'actual', 31, 'case/year'],
      ['要約筆記者派遣事業', null, 2023, 'actual', 28, 'case/year'],
      ['意思疎通支援事業', '計', 2022, 'actual', 33, 'case/year'],
      ['意思疎通支援事業', '計', 2023, 'actual', 30, 'case/year'],
      [
        '精神障害者の地域移行に向けた保健、医療及び福祉関係者による協議の場への参加者数',
        null,
        2022,
        'actual',
        18,
        'person',
      ],
      [
        '精神障害者の地域移行に向けた保健、医療及び福祉関係者による協議の場への参加者数',
        null,
        2023,
        'actual',
        21,
        'person',
      ],
    ]);
  });

  it('reads the measure of the long name listing fields', () => {
    const long = n.observations.filter((o) => o.indicator_label.startsWith('精神障害者の地域移行'));
    expect(long.map((o) => o.measure)).toEqual(['参加者数', '参加者数']);
  });
});

describe('measures in rows under a service named by a row of its own', () => {
  const n = normalizeLayout('row-group-measures.md');

  it('counts each measure row for the service above it, not for the caption', () => {
    expect(n.observations.map((o) => [o.indicator_label, o.subgroup, o.measure, o.fiscal_year, o.value])).toEqual([
      ['自立生活援助', null, '実利用者数', 2023, 3],
      ['自立生活援助', null, '実利用者数', 2024, 4],
      ['共同生活援助', null, '実利用者数', 2023, 62],
      ['共同生活援助', null, '実利用者数', 2024, 70],
      ['共同生活援助', '重度障害者', null, 2023, 9],
      ['共同生活援助', '重度障害者', null, 2024, 11],
    ]);
  });
});
