import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';
import { lineCells } from '../src/linear/aligned.js';
import { centredRuns } from '../src/linear/centred.js';
import { liftCenteredLabels, mergeComplementaryColumns } from '../src/linear/layoutfix.js';
import { charWidth, lineTokens, mergeTokens } from '../src/linear/tokens.js';
import { gridTable, texts } from './helpers.js';

const layout = (name: string) => new URL(`../../../test/layouts/${name}`, import.meta.url).pathname;

describe('readAlignedColumns: columns kept apart by spaces only (pdftotext -layout, fixed-width listings)', () => {
  const path = layout('linear-aligned-columns.txt');
  const doc = extractText(readFileSync(path, 'utf8'), path);

  it('measures words in characters and in display columns (wide characters 2)', () => {
    expect([...'訪問介護 ｱ 1,234（'].map(charWidth)).toEqual([2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    const [label, unit, value] = lineTokens('訪問介護  回/月   28,450');
    expect([label!.start, label!.end, label!.wstart, label!.wend]).toEqual([0, 4, 0, 8]);
    expect([unit!.start, unit!.wstart]).toEqual([6, 10]);
    expect([value!.start, value!.end, value!.wstart, value!.wend]).toEqual([12, 18, 18, 24]);
  });

  it('cuts a line at wide gaps, and between single-spaced values or column heads', () => {
    const cut = (s: string) => lineCells(mergeTokens(lineTokens(s))).map((c) => c.map((t) => t.orig).join(' '));
    expect(cut('就労継続支援 （Ｂ型）   人/月   1,234 1,310    1,402')).toEqual([
      '就労継続支援 （Ｂ型）',
      '人/月',
      '1,234',
      '1,310',
      '1,402',
    ]);
    expect(cut('区分   計画 実績   令和 5 年度')).toEqual(['区分', '計画', '実績', '令和 5 年度']);
  });

  it('recovers the service table across the page break (footer, form feed, running header, repeated header)', () => {
    expect(doc.tables).toHaveLength(2);
    const t = doc.tables[0]!;
    expect(t.method).toBe('aligned');
    expect(t.quality.repairs).toEqual(['readAlignedColumns', 'detectHeaderRows', 'joinContinuedTables']);
    expect(t.headerRows).toBe(2);
    expect(texts(t)).toEqual([
      ['', '', '令和6年度', '令和6年度', '令和7年度', '令和7年度'],
      ['サービス', '単位', '計画値', '実績値', '計画値', '実績値'],
      ['訪問介護', '回/月', '28,450', '27,312', '29,380', '28,905'],
      ['訪問看護', '回/月', '6,820', '7,415', '7,080', '7,702'],
      // an empty cell is known by its place
      ['通所介護', '回/月', '21,360', '20,118', '21,940', ''],
      ['短期入所生活介護', '日/月', '5,240', '4,896', '5,380', '-'],
      ['福祉用具貸与', '人/月', '3,915', '4,038', '4,050', '4,122'],
      ['認知症対応型共同生活介護', '人/月', '342', '336', '360', '351'],
      ['介護老人福祉施設', '人/月', '1,086', '1,079', '1,116', '1,102'],
    ]);
    // the year heads span their two columns; cells carry no page boxes
    expect(t.cells.filter((c) => c.row === 0 && c.colSpan === 2).map((c) => c.col)).toEqual([2, 4]);
    expect(t.cells.some((c) => c.bbox) || t.bbox).toBeFalsy();
    expect(t.quality.score).toBeGreaterThan(0.9);
  });

  it('reads a table padded by characters (each glyph one cell), with a blank line and a wrapped label inside', () => {
    expect(texts(doc.tables[1]!)).toEqual([
      // (the stub head takes both header rows)
      ['項目', '令和6年度', '令和6年度', '令和7年度', '令和7年度'],
      ['項目', '目標', '実績', '目標', '実績'],
      ['介護予防教室の開催回数', '48回', '46回', '48回', '47回'],
      ['通いの場の箇所数', '115か所', '118か所', '120か所', '121か所'],
      ['認知症サポーター養成者数', '1,200人', '1,264人', '1,250人', '1,198人'],
      ['地域ケア会議の開催回数', '24回', '22回', '24回', ''],
    ]);
  });

  it('leaves notes and sentences as blocks', () => {
    expect(doc.blocks.map((b) => b.text)).toEqual([
      '第9期日野市高齢者福祉計画・介護保険事業計画 実績報告',
      '2 介護サービスの計画値と実績値',
      '令和6年度及び令和7年度の介護サービスの利用実績(月平均)を計画値と比較しました。',
      // (the page number and running header between the table's two parts went with the page break)
      '※令和7年度の通所介護の実績値は集計中です。',
      '令和7年度は、訪問看護の利用が計画値を上回りました。',
      // (a page number read as a bullet, as the paragraph reader always did)
      '4 -',
      '3 地域支援事業の主な指標',
      '4 今後の取組',
      '通いの場の参加者は増加していますが、担い手の確保が課題です。令和8年度には130か所を目指します。',
    ]);
  });

  it('takes no table from text laid out with wide gaps but without rows of numbers', () => {
    const text = [
      '               第7期日野市障害福祉計画',
      '令和 6 年 3 月   日野市 健康福祉部   障害福祉課',
      '',
      '目次',
      '1 計画の概要            1',
      '2 成果目標              5',
      '3 活動指標             12',
      '',
      '区分        内容',
      '相談支援    基幹相談支援センターを設置します。',
      '就労支援    一般就労への移行を進めます。',
    ].join('\n');
    expect(extractText(text, 'toc.txt').tables).toEqual([]);
  });
});

describe('what offsets still get wrong', () => {
  it('mergeComplementaryColumns: a value column split in two that never share a row is one', () => {
    const t = gridTable(
      [
        ['区分', '計画値', '実績値', '乖離', ''],
        ['居宅介護', '312', '298', '▲14', ''],
        ['生活介護', '640', '652', '', '12'],
        ['短期入所', '88', '52', '▲36', ''],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    const out = mergeComplementaryColumns(t);
    expect(texts(out)).toEqual([
      ['区分', '計画値', '実績値', '乖離'],
      ['居宅介護', '312', '298', '▲14'],
      ['生活介護', '640', '652', '12'],
      ['短期入所', '88', '52', '▲36'],
    ]);
    expect(out.quality.repairs).toEqual(['mergeComplementaryColumns']);
    // columns that share a row, or a header over each, stay apart
    const named = gridTable(
      [
        ['区分', '計画', '実績'],
        ['居宅介護', '312', ''],
        ['生活介護', '', '652'],
      ],
      { headerRows: 1, stubCols: 1 },
    );
    expect(mergeComplementaryColumns(named)).toBe(named);
  });

  it('liftCenteredLabels: a label set between the two rows it heads labels the first', () => {
    const t = gridTable(
      [
        ['区分', '単位', '計画値'],
        ['', '人/月', '312'],
        ['居宅介護', '', ''],
        ['', '時間/月', '5,120'],
        ['【日中活動系】', '', ''],
        ['生活介護', '人/月', '640'],
      ],
      { headerRows: 1, stubCols: 2 },
    );
    const out = liftCenteredLabels(t);
    expect(texts(out)).toEqual([
      ['区分', '単位', '計画値'],
      ['居宅介護', '人/月', '312'],
      ['', '時間/月', '5,120'],
      // a heading over a labelled row stays a row
      ['【日中活動系】', '', ''],
      ['生活介護', '人/月', '640'],
    ]);
  });
});

describe('offsets that do not line up', () => {
  it('places values by their order in the row when the columns ran into each other', () => {
    const text = [
      '区分                    計画値  実績値  対計画比',
      '訪問介護（回/月）       28,450 27,312        96.0',
      '通所リハビリテーション（回/月）   4,980 4,412     88.6',
      '訪問入浴介護（回/月）          612    548   89.5',
      '通所介護（回/月）    21,360 20,118         94.2',
    ].join('\n');
    const t = extractText(text, 'jitter.txt').tables[0]!;
    // readSpacedRows took over from the offsets
    expect([t.method, t.quality.repairs[0]]).toEqual(['linearized', 'readSpacedRows']);
    expect(texts(t)).toEqual([
      ['区分', '計画値', '実績値', '対計画比'],
      ['訪問介護(回/月)', '28,450', '27,312', '96.0'],
      ['通所リハビリテーション(回/月)', '4,980', '4,412', '88.6'],
      ['訪問入浴介護(回/月)', '612', '548', '89.5'],
      ['通所介護(回/月)', '21,360', '20,118', '94.2'],
    ]);
  });

  it('does not keep columns where one row is set a column off the others (every cell alone in its column)', () => {
    const text = [
      '事業名                      R4年度   R5年度   R6年度',
      '相談支援事業（件/年）        1,204    1,310     1,402',
      '地域活動支援センター（人/月）     56       61        66',
      '日中一時支援（回/年）          830      845       870',
    ].join('\n');
    const t = extractText(text, 'staggered.txt').tables[0]!;
    expect(texts(t)).toEqual([
      ['事業名', 'R4年度', 'R5年度', 'R6年度'],
      ['相談支援事業(件/年)', '1,204', '1,310', '1,402'],
      ['地域活動支援センター(人/月)', '56', '61', '66'],
      ['日中一時支援(回/年)', '830', '845', '870'],
    ]);
  });
});

describe('centredRuns: rows cut into runs centred on their labels', () => {
  const P = 14;
  it('a label between two rows takes both; one on a row’s own line takes that row', () => {
    const ys = [0, 1, 2, 3, 4, 5].map((i) => i * P);
    // a label between rows 0 and 1, one between rows 2 and 3, one on row 4's line, one on row 5's
    expect(centredRuns(ys, [0.5 * P, 2.5 * P, 4 * P, 5 * P], [-1, -1, 4, 5], P)).toEqual([
      [0, 1],
      [2, 3],
      [4, 4],
      [5, 5],
    ]);
  });

  it('a group of three around its label on the middle row, a group of four around a label between rows 2 and 3', () => {
    const ys = [0, 1, 2, 3, 4, 5, 6].map((i) => i * P);
    expect(centredRuns(ys, [1 * P, 4.5 * P], [1, -1], P)).toEqual([
      [0, 2],
      [3, 6],
    ]);
  });

  it('a row another label stands on is never taken; no partition, null', () => {
    const ys = [0, 1, 2].map((i) => i * P);
    expect(centredRuns(ys, [0, 1 * P, 2 * P, 3 * P], [0, 1, 2, -1], P)).toBeNull();
  });
});
