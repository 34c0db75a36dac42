/**
 * Family "a unit as it is written, wherever it is written" (written for this test, in 介護保険 words; the family was
 * found by scripts/probe-units.mjs, which renders one table in every place a unit is written × every way a city writes
 * it): a count and its period written in brackets (`回(月)`, `時間(年)`), joined by a dot (`月・人`, `人・月`), the
 * period before the count with how it is counted between them (`年間延べ人数`, `月当たり延べ日数`), a count word
 * before the slash (`延べ件数/年`), in a unit column, closing a row label with or without a blank, or in a bracket
 * nested in the label's bracket (`（人(月)）`); and a measure word naming its period (`年間延べ参加者数`).
 */
import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const units = (name: string, text: string) =>
  normalizeDocument(extractText(text, name)).observations.map((o) => [o.indicator_label, o.value, o.unit]);

describe('units as a city writes them', () => {
  it('reads a unit column of counts and periods in brackets, dots and words', () => {
    const text = [
      '地域支援事業の見込み',
      '',
      '事業\t単位\t令和6年度\t令和7年度',
      '認知症カフェ\t年間延べ人数\t540\t560',
      '配食サービス\t月・人\t88\t92',
      '家族介護教室\t時間(年)\t36\t40',
      '総合相談支援\t年間延べ件数\t1,210\t1,300',
      '見守り訪問\t回(月)\t210\t225',
      '',
    ].join('\n');
    expect(units('kaigo.tsv', text)).toEqual([
      ['認知症カフェ', 540, 'person/year'],
      ['認知症カフェ', 560, 'person/year'],
      ['配食サービス', 88, 'person/month'],
      ['配食サービス', 92, 'person/month'],
      ['家族介護教室', 36, 'hour/year'],
      ['家族介護教室', 40, 'hour/year'],
      ['総合相談支援', 1210, 'case/year'],
      ['総合相談支援', 1300, 'case/year'],
      ['見守り訪問', 210, 'time/month'],
      ['見守り訪問', 225, 'time/month'],
    ]);
  });

  it('reads a unit closing the row label, after a blank or in a bracket within a bracket', () => {
    const text = [
      '| 事業 | 令和6年度 | 令和7年度 |',
      '|---|---|---|',
      '| 配食サービス 人・月 | 88 | 92 |',
      '| 家族介護教室 時間分 | 36 | 40 |',
      '| 見守り訪問（回(月)） | 210 | 225 |',
      '| 総合相談支援 延べ件数/年 | 1,210 | 1,300 |',
      '',
    ].join('\n');
    expect(units('kaigo.md', text)).toEqual([
      ['配食サービス', 88, 'person/month'],
      ['配食サービス', 92, 'person/month'],
      ['家族介護教室', 36, 'hour/month'],
      ['家族介護教室', 40, 'hour/month'],
      ['見守り訪問', 210, 'time/month'],
      ['見守り訪問', 225, 'time/month'],
      ['総合相談支援延べ件数', 1210, 'case/year'],
      ['総合相談支援延べ件数', 1300, 'case/year'],
    ]);
  });

  it('reads the period a measure word names before what it counts, not a span of months', () => {
    const text = [
      '項目\t令和6年度',
      '家族介護者交流会の年間延べ参加者数\t130',
      '見守り訪問の1か月当たり回数\t42',
      '介護予防教室の3か月間の参加者数\t25',
      '',
    ].join('\n');
    expect(units('kaigo.tsv', text)).toEqual([
      ['家族介護者交流会の年間延べ参加者数', 130, 'person/year'],
      ['見守り訪問の1か月当たり回数', 42, 'time/month'],
      ['介護予防教室の3か月間の参加者数', 25, 'person'],
    ]);
  });
});

describe('a unit said under the table', () => {
  it('reads a note or a unit line below the table, not one that opens the next table', () => {
    const text = [
      '家族介護支援事業の実績',
      '',
      '事業\t令和4年度\t令和5年度',
      '介護用品の支給\t310\t325',
      '',
      '※単位は「人」（年間の実利用者数）',
      '',
      '認知症サポーター養成講座',
      '',
      '事業\t令和4年度\t令和5年度',
      '養成講座の開催\t18\t21',
      '',
      '【単位：時間/年】',
      '',
      '（単位：件）',
      '',
      '事業\t令和4年度\t令和5年度',
      '出前講座の申込\t44\t52',
      '',
    ].join('\n');
    expect(units('kaigo.txt', text)).toEqual([
      ['介護用品の支給', 310, 'person/year'],
      ['介護用品の支給', 325, 'person/year'],
      ['養成講座の開催', 18, 'hour/year'],
      ['養成講座の開催', 21, 'hour/year'],
      ['出前講座の申込', 44, 'case/year'],
      ['出前講座の申込', 52, 'case/year'],
    ]);
  });
});

describe('a unit line run into the header words after it', () => {
  it('reads the unit that opens the line, and names the table from its heading, not from that line', () => {
    const doc = [
      '3 見守り訪問（訪問回数）',
      '【任意事業の訪問回数】',
      '単位：回／月 見込と実績',
      '訪問回数',
      '見込量 実績値',
      '令和6年度 210 198',
      '令和7年度 225 231',
      '',
    ].join('\n');
    expect(units('kaigo.txt', doc)).toEqual([
      ['見守り訪問', 210, 'time/month'],
      ['見守り訪問', 198, 'time/month'],
      ['見守り訪問', 225, 'time/month'],
      ['見守り訪問', 231, 'time/month'],
    ]);
  });
});
