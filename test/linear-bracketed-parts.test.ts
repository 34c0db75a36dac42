// Family "a part in brackets beside its value, in a table whose structure was lost" (a PDF viewer's copy, one row per
// line with cells one blank apart; a web page's copy, one cell per line): before, a part written with its うち words
// and a blank before its number (`96（うち強度行動障害 8）`) or in angle brackets a blank after its value (`96 〈8〉`)
// made no value cell, so the line read as no row and every value of the table was lost.

import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const rows = (text: string) =>
  normalizeDocument(extractText(text, 'copy.txt')).observations.map((o) => [
    o.indicator_label,
    o.subgroup ?? null,
    o.fiscal_year,
    o.value_kind,
    o.value,
  ]);

const EXPECTED = [
  ['行動援護', null, 2023, 'plan', 96],
  ['行動援護', '強度行動障害', 2023, 'subset', 8],
  ['行動援護', null, 2023, 'actual', 91],
  ['行動援護', '強度行動障害', 2023, 'subset', 7],
  ['重度障害者等包括支援', null, 2023, 'plan', 12],
  ['重度障害者等包括支援', '強度行動障害', 2023, 'subset', 4],
  ['重度障害者等包括支援', null, 2023, 'actual', 10],
  ['重度障害者等包括支援', '強度行動障害', 2023, 'subset', 3],
];

describe('a bracketed part in linearized rows', () => {
  it('reads （うち… N） with a blank before its number, a row per line', () => {
    const text =
      '訪問系サービスの利用者数\n\n事業 単位 令和5年度計画 令和5年度実績\n行動援護 人/月 96（うち強度行動障害 8） 91（うち強度行動障害 7）\n重度障害者等包括支援 人/月 12（うち強度行動障害 4） 10（うち強度行動障害 3）\n';
    expect(rows(text)).toEqual(EXPECTED);
  });

  it('reads （うち… N） with a blank before its number, a cell per line', () => {
    const text =
      '訪問系サービスの利用者数\n\n事業\n単位\n令和5年度計画\n令和5年度実績\n行動援護\n人/月\n96（うち強度行動障害 8）\n91（うち強度行動障害 7）\n重度障害者等包括支援\n人/月\n12（うち強度行動障害 4）\n10（うち強度行動障害 3）\n';
    expect(rows(text)).toEqual(EXPECTED);
  });

  it('reads 〈N〉 a blank after its value, under the note naming it', () => {
    const text =
      '訪問系サービスの利用者数\n\n事業 令和5年度計画 令和5年度実績\n行動援護（人/月） 96 〈8〉 91 〈7〉\n重度障害者等包括支援（人/月） 12 〈4〉 10 〈3〉\n※〈 〉内は強度行動障害のある人の再掲\n';
    expect(rows(text)).toEqual(EXPECTED.map((r) => (r[1] ? [r[0], '強度行動障害のある人', r[2], r[3], r[4]] : r)));
  });
});
