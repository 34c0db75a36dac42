// Family "a subset of a value, as municipalities write it": the part of a value written beside it in brackets, said
// by a note to be a part. Before, a note had to begin with `※` and name its brackets one way (`※< >内は…`); a note
// marked `注）` or `（注）` or not at all (`〈　〉内は…`), naming two kinds of bracket (`［　］及び＜＞内は…`),
// saying only `（　）は内数` / `＜＞は再掲`, set over the table, or read by a PDF without rulings as the table's last
// row went unread (the parts lost their name, or `（4）` was no part at all); a part set on the line under its value
// became a row of values of its own; OCR's `く` or `〔〕` for 〈〉 lost the cell; linear lines lost the note's
// name; and a change from the year before in a cell's bracket (`15（前年比+2）`), no part, was a second value of
// the cell's kind. The documents are written here in other words than the probe (scripts/probe-subset.mjs) that found them.

import { extractText } from '@shiryo/extractor';
import type { Observation } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { type DrawTable, drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture } from './pipeline.js';

const read = (text: string, name = 'subsets.tsv') => normalizeDocument(extractText(text, name)).observations;
const row = (o: Observation) => [
  o.indicator_label,
  o.subgroup ?? null,
  o.fiscal_year,
  o.value_kind,
  o.subset_of_kind ?? null,
  o.value,
];
const rows = (text: string, name?: string) => read(text, name).map(row);

const HEAD = '事業名\t令和5年度見込\t令和5年度実績';

describe('a note saying what a bracket holds', () => {
  it('reads a note marked 注） (was: no subgroup)', () => {
    expect(rows(`${HEAD}\n居宅介護（人/月）\t85〈6〉\t81〈7〉\n\n注）〈 〉内は難病患者の利用者数\n`)).toEqual([
      ['居宅介護', null, 2023, 'plan', null, 85],
      ['居宅介護', '難病患者', 2023, 'subset', 'plan', 6],
      ['居宅介護', null, 2023, 'actual', null, 81],
      ['居宅介護', '難病患者', 2023, 'subset', 'actual', 7],
    ]);
  });

  it('reads a note with no mark, over the table (was: no subgroup)', () => {
    const got = rows(`（〈　〉内は医療的ケア児の数）\n\n${HEAD}\n児童発達支援（人/月）\t54〈3〉\t57〈2〉\n`);
    expect(got.filter((r) => r[3] === 'subset').map((r) => [r[1], r[5]])).toEqual([
      ['医療的ケア児', 3],
      ['医療的ケア児', 2],
    ]);
  });

  it('reads （　）は内数: the round bracket holds a part not named (was: read as no part)', () => {
    expect(rows(`${HEAD}\n短期入所（人日/月）\t42（5）\t39（4）\n\n（注）（　）は内数\n`)).toEqual([
      ['短期入所', null, 2023, 'plan', null, 42],
      ['短期入所', null, 2023, 'subset', 'plan', 5],
      ['短期入所', null, 2023, 'actual', null, 39],
      ['短期入所', null, 2023, 'subset', 'actual', 4],
    ]);
  });

  it('reads a note naming two kinds of bracket, and 再掲 before the name (was: subgroup ")")', () => {
    const got = rows(
      `${HEAD}\n行動援護（人/月）\t12［3］\t11＜2＞\n\n※［　］及び＜＞内は再掲で、強度行動障害のある方の人数\n`,
    );
    expect(got.filter((r) => r[3] === 'subset').map((r) => [r[1], r[5]])).toEqual([
      ['強度行動障害のある方', 3],
      ['強度行動障害のある方', 2],
    ]);
  });

  it('does not take a bracket of a ratio for a part', () => {
    expect(subsetCount(`${HEAD}\n移動支援（人/月）\t30（12）\t28（11）\n\n※（　）内は前年比の伸び\n`)).toBe(0);
  });
});

const subsetCount = (text: string) => read(text).filter((o) => o.value_kind === 'subset').length;

describe('a subset misread or set apart', () => {
  it("reads OCR's く and 〔〕 for 〈〉 (was: the cell lost, or a second value)", () => {
    const got = rows(`${HEAD}\n共同生活援助（人/月）\t64く9〉\t66〔11〕\n\n※〈　〉内は精神障害者の人数\n`);
    expect(got).toEqual([
      ['共同生活援助', null, 2023, 'plan', null, 64],
      ['共同生活援助', '精神障害者', 2023, 'subset', 'plan', 9],
      ['共同生活援助', null, 2023, 'actual', null, 66],
      ['共同生活援助', '精神障害者', 2023, 'subset', 'actual', 11],
    ]);
  });

  it('reads a part on the line under its value as its subset (was: a second row of values)', () => {
    expect(rows(`区分\t令和4年度\t令和5年度\n施設入所支援（人）\t48\t47\n\t〈5〉\t〈6〉\n`)).toEqual([
      ['施設入所支援', null, 2022, 'actual', null, 48],
      ['施設入所支援', null, 2022, 'subset', 'actual', 5],
      ['施設入所支援', null, 2023, 'actual', null, 47],
      ['施設入所支援', null, 2023, 'subset', 'actual', 6],
    ]);
  });

  it('names the parts of values in lines of text by the note under them (was: no subgroup)', () => {
    const got = rows(
      '自立訓練（生活訓練）（人/月）\n令和5年度見込 18〈4〉 令和5年度実績 16〈3〉\n※〈　〉内は高次脳機能障害のある方の人数\n',
      'lines.txt',
    );
    expect(got.filter((r) => r[3] === 'subset').map((r) => [r[1], r[4], r[5]])).toEqual([
      ['高次脳機能障害のある方', 'plan', 4],
      ['高次脳機能障害のある方', 'actual', 3],
    ]);
  });
});

describe.skipIf(!fontAvailable())('a subset in a PDF without rulings', () => {
  it('reads the part under its value and the note read as the last row (was: values of their own, unnamed)', async () => {
    const table: DrawTable = {
      headerRows: 1,
      stubCols: 1,
      rows: [
        ['区分', '令和4年度実績', '令和5年度実績'],
        ['就労継続支援A型（人/月）', '36\n〈8〉', '39\n〈9〉'],
        ['就労定着支援（人/月）', '14', '17'],
      ],
      after: ['※〈　〉内は市外の事業所を利用する人数'],
      widths: [170, 100, 100],
    };
    const path = await drawTablesPdf('就労系サービスの状況', [table], 'none', 'subset-lines.pdf');
    const got = (await exportFixture(path)).map((r) => [r.indicator_label, r.subgroup ?? null, r.value_kind, r.value]);
    expect(got).toEqual([
      ['就労継続支援A型', null, 'actual', 36],
      ['就労継続支援A型', '市外の事業所を利用する人数', 'subset', 8],
      ['就労継続支援A型', null, 'actual', 39],
      ['就労継続支援A型', '市外の事業所を利用する人数', 'subset', 9],
      ['就労定着支援', null, 'actual', 14],
      ['就労定着支援', null, 'actual', 17],
    ]);
  });
});

describe('a bracket beside a value that is not a part', () => {
  it('reads a signed change from the year before as a deviation (was: a second value of the cell’s kind)', () => {
    expect(rows('区分\t令和4年度実績\t令和5年度実績\n自立生活援助（人/月）\t5\t3（前年度比▲2人）\n')).toEqual([
      ['自立生活援助', null, 2022, 'actual', null, 5],
      ['自立生活援助', null, 2023, 'actual', null, 3],
      ['自立生活援助', null, 2023, 'deviation', null, -2],
    ]);
  });
});
