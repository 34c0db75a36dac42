import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';
import { parseSpacedLine } from '../src/linear/spaced.js';
import { texts } from './helpers.js';

const layout = (name: string) => new URL(`../../../test/layouts/${name}`, import.meta.url).pathname;

describe('readSpacedRows: a row per line, cells set apart by single spaces (PDF viewer copy)', () => {
  const path = layout('linear-spaced-rows.txt');
  const doc = extractText(readFileSync(path, 'utf8'), path);

  it('reads a line from its end: values, then the unit, then the label with its spaces', () => {
    const p = parseSpacedLine({ text: '就労継続支援 （Ｂ型） 人日/月 3,210 3,300 － 3,500', line: 1 });
    expect(p.values.map((t) => t.orig)).toEqual(['3,210', '3,300', '－', '3,500']);
    expect(p.unit?.orig).toBe('人日/月');
    expect(p.label.map((t) => t.orig)).toEqual(['就労継続支援', '（Ｂ型）']);
    // a sign set apart and a bracketed part stay with their number
    const signed = parseSpacedLine({ text: '差 ▲ 3 128 <2> 1,234人', line: 1 }).values;
    expect(signed.map((t) => t.text)).toEqual(['▲3', '128<2>', '1,234人']);
    expect(signed.map((t) => t.orig)).toEqual(['▲ 3', '128 <2>', '1,234人']);
  });

  it('recovers the service table under a one-line header, cell by cell', () => {
    expect(doc.tables).toHaveLength(2);
    const t = doc.tables[0]!;
    expect(t.method).toBe('linearized');
    expect(t.quality.repairs[0]).toBe('readSpacedRows');
    expect(t.headerRows).toBe(1);
    expect(texts(t)).toEqual([
      ['サービス種別', '単位', 'R3実績', 'R4実績', 'R5見込', 'R6計画', 'R7計画', 'R8計画'],
      ['居宅介護', '時間/月', '1,234', '1,310', '1,402', '1,450', '1,500', '1,550'],
      // a row without a label under the label above it (the span repair gives it the label)
      ['居宅介護', '人/月', '56', '58', '60', '62', '64', '66'],
      ['重度訪問介護', '時間/月', '820', '840', '-', '900', '950', '1,000'],
      ['就労継続支援(B型)', '人日/月', '3,210', '3,300', '3,405', '3,500', '3,600', '3,700'],
      // the label the page wrapped before its numbers
      ['共同生活援助(グループホーム)', '人/月', '45', '50', '55', '60', '65', '70'],
      // three values for six columns: kept with its label, its values not placed
      ['短期入所', '人/月', '', '', '', '', '', ''],
      ['施設入所支援', '人/月', '98', '97', '96', '95', '94', '93'],
    ]);
  });

  it('reports the row whose values do not fit, and scores the table by its fitting rows', () => {
    const misfit = doc.issues.filter((i) => i.code === 'LINEAR_ROW_MISFIT');
    expect(misfit).toHaveLength(1);
    expect(misfit[0]!.where).toBe('table 0 row 6');
    expect(misfit[0]!.message).toContain('12 14 15');
    // 6 of the 7 value rows fit
    expect(doc.tables[0]!.quality.score).toBeCloseTo(6 / 7, 3);
  });

  it('places a header over two lines: each year over its plan and result columns', () => {
    const t = doc.tables[1]!;
    expect(t.headerRows).toBe(2);
    expect(texts(t)).toEqual([
      ['', '令和3年度', '令和3年度', '令和4年度', '令和4年度', '令和5年度', '令和5年度'],
      ['', '計画', '実績', '計画', '実績', '計画', '実績'],
      ['移動支援事業', '120件', '98件', '125件', '110件', '130件', '121件'],
      ['日常生活用具給付等事業', '1,450件', '1,388件', '1,480件', '1,502件', '1,510件', '1,530件'],
      ['意思疎通支援事業', '60人', '52人', '62人', '58人', '64人', '61人'],
    ]);
    expect(t.cells.find((c) => c.row === 0 && c.col === 1)!.colSpan).toBe(2);
  });

  it('leaves the prose, the bullet, the headings and the note around the tables as blocks', () => {
    const blocks = doc.blocks.map((b) => [b.kind, b.text]);
    expect(blocks).toContainEqual([
      'paragraph',
      '第6期計画の実績を踏まえ、令和6年度から令和8年度までのサービス見込量を定めました。令和5年度末の利用者数は12人です。',
    ]);
    expect(blocks).toContainEqual(['bullet', '年6回以上、協議の場を開催します。']);
    expect(blocks).toContainEqual(['note', '※R5は見込値です。']);
    expect(blocks.at(-1)).toEqual(['paragraph', '第6期障害福祉計画の期間は令和3年度から令和5年度までです。']);
  });
});

describe('readSpacedRows: headers', () => {
  it('places an upper head that stood over both header rows beside the heads sharing the lower row', () => {
    const text = [
      '区分 サービス名 単位 第6期 見込量 伸び率',
      'R3実績 R4実績 R5見込 R6 R7 R8',
      '居宅介護 人分 228 236 245 255 265 276 112.7%',
      '生活介護 人分 412 420 431 440 450 460 106.7%',
      '共同生活援助 人分 186 203 221 240 260 280 126.7%',
    ].join('\n');
    const t = extractText(text, 'wide.txt').tables[0]!;
    expect(t.headerRows).toBe(2);
    expect(texts(t).slice(0, 3)).toEqual([
      ['区分サービス名単位', '', '第6期', '第6期', '第6期', '見込量', '見込量', '見込量', '伸び率'],
      ['区分サービス名単位', '', 'R3実績', 'R4実績', 'R5見込', 'R6', 'R7', 'R8', '伸び率'],
      ['居宅介護', '人分', '228', '236', '245', '255', '265', '276', '112.7%'],
    ]);
  });

  it('gives heads fewer than the columns an even share each (`実績 見込量` over six years)', () => {
    const text = [
      'サービス 単位 実績 見込量',
      '2021年度 2022年度 2023年度 令和6年度 令和7年度 令和8年度',
      '居宅介護 人/月 312 325 338 350 362 375',
      '生活介護 人/月 548 556 563 570 578 585',
    ].join('\n');
    const t = extractText(text, 'share.txt').tables[0]!;
    expect(texts(t).slice(0, 2)).toEqual([
      ['サービス', '単位', '実績', '実績', '実績', '見込量', '見込量', '見込量'],
      ['サービス', '単位', '2021年度', '2022年度', '2023年度', '令和6年度', '令和7年度', '令和8年度'],
    ]);
    // spans are a guess from the counts: the score says so
    expect(t.quality.score).toBeCloseTo(0.9, 3);
  });
});

describe('readSpacedRows: the number of columns', () => {
  it('is that of the run of rows, the header naming as many: a first row with fewer values is reported', () => {
    const text = [
      'サービス 令和4年度 令和5年度 令和6年度',
      '居宅介護 120 130',
      '生活介護 410 420 430',
      '短期入所 30 32 35',
    ];
    const doc = extractText(text.join('\n'), 'lead.txt');
    expect(texts(doc.tables[0]!)).toEqual([
      ['サービス', '令和4年度', '令和5年度', '令和6年度'],
      ['居宅介護', '', '', ''],
      ['生活介護', '410', '420', '430'],
      ['短期入所', '30', '32', '35'],
    ]);
    expect(doc.issues.filter((i) => i.code === 'LINEAR_ROW_MISFIT').map((i) => i.where)).toEqual(['table 0 row 1']);
  });
});

describe('readSpacedRows: a table across a page break', () => {
  it('heads that stood alone at the start, a label wrapped after its values, the part after the break joined', () => {
    const text = [
      'サ ー ビ ス 名 令和元年度（実績） 令和3年度 令和4年度',
      '計画 実績 進捗率 計画 実績 進捗率',
      '生活介護 7,820人日分 8,050人日分 7,912人日分 98.3% 8,210人日分 8,096人日分 98.6%',
      '就労継続支援 6,480人日分 6,720人日分 6,655人日分 99.0% 6,950人日分 6,902人日分 99.3%',
      '（Ｂ型）',
      '',
      '- 12 -',
      '',
      'サ ー ビ ス 名 令和元年度（実績） 令和3年度 令和4年度',
      '計画 実績 進捗率 計画 実績 進捗率',
      '352人分 365人分 361人分 98.9% 378人分 372人分 98.4%',
      '就労定着支援 18人分 25人分 22人分 88.0% 28人分 27人分 96.4%',
    ].join('\n');
    const doc = extractText(text, 'paged.txt');
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.quality.repairs).toContain('joinContinuedTables');
    expect(texts(t)).toEqual([
      ['サービス名', '令和元年度(実績)', '令和3年度', '令和3年度', '令和3年度', '令和4年度', '令和4年度', '令和4年度'],
      ['サービス名', '令和元年度(実績)', '計画', '実績', '進捗率', '計画', '実績', '進捗率'],
      ['生活介護', '7,820人日分', '8,050人日分', '7,912人日分', '98.3%', '8,210人日分', '8,096人日分', '98.6%'],
      [
        '就労継続支援(B型)',
        '6,480人日分',
        '6,720人日分',
        '6,655人日分',
        '99.0%',
        '6,950人日分',
        '6,902人日分',
        '99.3%',
      ],
      // the first row after the break has no label (blank, as in the same table read from TSV)
      ['', '352人分', '365人分', '361人分', '98.9%', '378人分', '372人分', '98.4%'],
      ['就労定着支援', '18人分', '25人分', '22人分', '88.0%', '28人分', '27人分', '96.4%'],
    ]);
  });
});

describe('prose that must stay prose', () => {
  it('keeps sentences with numbers, bullets, numbered headings, dates and page numbers out of tables', () => {
    const text = [
      '第6期障害福祉計画 第2期障害児福祉計画',
      '令和5年3月 栃木県小山市 保健福祉部',
      '1 計画の概要',
      '令和5年度末の利用者数は12人です。前年度より3人増えました。',
      '・年6回以上',
      '・相談支援事業所 4か所 5か所 6か所',
      '第1回 令和5年7月19日 14時',
      '第2回 令和5年11月16日 10時',
      '第3回 令和6年2月20日 14時',
      '- 12 -',
      '2 成果目標 1 2 3',
      '計画期間 令和6年度 令和7年度 令和8年度',
    ].join('\n');
    const doc = extractText(text, 'prose.txt');
    expect(doc.tables).toEqual([]);
  });

  it('takes two rows only under a header naming periods or kinds', () => {
    const rows = ['居宅介護 120 130', '生活介護 410 420'];
    expect(extractText(rows.join('\n'), 'two.txt').tables).toEqual([]);
    const withHead = extractText(['サービス 令和5年度 令和6年度', ...rows].join('\n'), 'two.txt');
    expect(withHead.tables.map(texts)).toEqual([
      [
        ['サービス', '令和5年度', '令和6年度'],
        ['居宅介護', '120', '130'],
        ['生活介護', '410', '420'],
      ],
    ]);
  });
});
