/**
 * Tables as real producers write them (issue 13), in documents of other cities and other numbers than the labelled
 * real PDFs: each family found on those pages, tested on a document written or drawn here.
 */
import { extractDocument, extractText } from '@shiryo/extractor';
import type { Observation } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { drawTablesPdf, fontAvailable } from './pdf-table-maker.js';

const rows = (os: Observation[]) => os.map((o) => [o.value, o.unit, o.fiscal_year, o.value_kind]);

describe('counts of a budget book’s 説明 are events of the book’s year (unit.events-per-fiscal-year)', () => {
  it('a 回 / 件 count under no year of its own, in a budget book, is per year of the book', async () => {
    const doc = await extractText(
      '令和7年度 一般会計予算に関する説明書\n\n説明\n\n高齢者生活支援事業費 12,450千円\n\n配食サービス 1,840件\n\n介護予防教室の開催 24回\n',
      'yosan-setsumei.txt',
    );
    const n = normalizeDocument(doc);
    expect(rows(n.observations)).toEqual(
      expect.arrayContaining([
        [1840, 'case/year', 2025, 'plan'],
        [24, 'time/year', 2025, 'plan'],
      ]),
    );
  });

  it('a release that is no budget book keeps a count dated only by its own day as written', async () => {
    const doc = await extractText(
      '令和6年2月9日 保健福祉局高齢福祉課\n\n配食サービスの提供状況について\n\n本日までの提供状況は以下のとおりです。\n\n区域\t提供件数\n東区\t1,840\n西区\t1,215\n',
      'kisha-happyo.txt',
    );
    const n = normalizeDocument(doc);
    expect(rows(n.observations)).toEqual([
      [1840, 'case', 2023, 'actual'],
      [1215, 'case', 2023, 'actual'],
    ]);
  });
});

describe.skipIf(!fontAvailable())('a PDF text layer: two numbers set apart in one cell are two numbers', () => {
  // a budget page where a 節's amount and its 説明 item's amount fall into one cell (`52 52`), among 4-digit amounts
  const book = {
    before: ['令和7年度 特別会計予算書', '（単位：千円）'],
    headerRows: 1,
    stubCols: 1,
    rows: [
      ['節', '金額'],
      ['需用費', '1,204'],
      ['役務費', '2,316'],
      ['使用料', '52 52'],
      ['委託料', '3,870'],
    ],
  };

  it('reads `52 52` as 52 twice (with the two-values warning), not as 5,252', async () => {
    const path = await drawTablesPdf('歳出', [book], 'none', 'two-in-one-cell.pdf');
    const doc = await extractDocument(path);
    const n = normalizeDocument(doc);
    const values = n.observations.map((o) => o.value_text === '52 52' && o.value).filter((v) => v !== false);
    expect(values).toEqual([52000, 52000]);
    expect(n.observations.some((o) => o.value === 5252000)).toBe(false);
  });
});

describe.skipIf(!fontAvailable())('a spreadsheet grid whose column borders are drawn cell by cell', () => {
  // 類似団体 comparison of another city: per-head amounts, the average of similar cities and the ratio between them,
  // under one header over three columns; the inner borders are pieces that stop short of every row rule
  const sheet = {
    before: ['歳出比較（令和4年度普通会計決算）'],
    headerRows: 2,
    stubCols: 1,
    rows: [
      [{ text: '区分', rs: 2 }, { text: '決算額（千円）', rs: 2 }, { text: '人口1人当たり決算額', cs: 3 }, null, null],
      [null, null, '当該団体（円）', '類似団体平均（円）', '対比（％）'],
      ['扶助費', '48,210,334', '62,508', '58,117', '7.6'],
      ['補助費等', '9,402,118', '12,190', '14,033', '▲ 13.1'],
      ['公債費', '21,884,590', '28,374', '27,902', '1.7'],
    ],
  };

  it('keeps every column apart: the pieces of a border draw the edge between its rules', async () => {
    const path = await drawTablesPdf('財政比較分析', [sheet], 'cells', 'cell-borders.pdf');
    const doc = await extractDocument(path);
    const t = doc.tables.find((x) => x.cells.some((c) => c.text === '扶助費'))!;
    expect(t.nCols).toBe(5);
    const at = (text: string) => t.cells.find((c) => c.text === text);
    expect(at('58,117')?.colSpan).toBe(1);
    expect(at('▲ 13.1') ?? at('▲13.1')).toBeDefined();
    expect(at('類似団体平均(円)')?.col).toBe(3);
    expect(at('対比(%)')?.col).toBe(4);
  });
});

describe('a settlement comparison sheet: 対比 is a deviation, a settlement word after what it is of is a result', () => {
  it('reads 当該団体決算額 and 人口1人当たり決算額 as results, 対比（％） as a deviation in percent', async () => {
    const doc = await extractText(
      '歳出比較分析表（令和4年度普通会計決算）\n\n扶助費及び補助費等の分析\n\n' +
        '区分\t当該団体決算額（千円）\t人口1人当たり決算額\t人口1人当たり決算額\t人口1人当たり決算額\n' +
        '区分\t当該団体決算額（千円）\t当該団体（円）\t類似団体平均（円）\t対比（％）\n' +
        '扶助費\t48,210,334\t62,508\t58,117\t7.6\n補助費等\t9,402,118\t12,190\t14,033\t▲ 13.1\n',
      'hikaku-bunseki.tsv',
    );
    const n = normalizeDocument(doc);
    expect(rows(n.observations)).toEqual([
      [48210334000, 'yen', 2022, 'actual'],
      [62508, 'yen', 2022, 'actual'],
      [58117, 'yen', 2022, 'actual'],
      [7.6, 'percent', 2022, 'deviation'],
      [9402118000, 'yen', 2022, 'actual'],
      [12190, 'yen', 2022, 'actual'],
      [14033, 'yen', 2022, 'actual'],
      [-13.1, 'percent', 2022, 'deviation'],
    ]);
  });
});

describe('a release counting people under captions that name them (unit.persons-caption)', () => {
  const release =
    '令和5年1月12日 市民局\n\nインフルエンザ発生状況について\n\n１ 新規入院患者の状況\n\n' +
    '区分\t男性\t女性\t調査中\n新規入院\t31\t27\t2\n\n２ 定点当たり報告数\n\n区分\t今週\t前週\n定点当たり\t12.4\t9.8\n';

  it('gives the counts under `…患者の状況` the unit person, with a warning; a table whose caption names no persons keeps none', async () => {
    const n = normalizeDocument(await extractText(release, 'influenza-release.tsv'));
    const counts = n.observations.filter((o) => [31, 27, 2].includes(o.value));
    expect(counts.map((o) => o.unit)).toEqual(['person', 'person', 'person']);
    expect(counts.every((o) => o.warnings.some((w) => w.includes('from the caption')))).toBe(true);
    const rates = n.observations.filter((o) => [12.4, 9.8].includes(o.value));
    expect(rates.map((o) => o.unit)).toEqual([null, null]);
  });
});

describe.skipIf(!fontAvailable())('a budget block printed without its header and with a blank column', () => {
  // 目 | 本年度 | 前年度 | 比較 | 国県支出金 | 地方債 | 一般財源 once over a 項's 計 row; the next 項's block, under its own
  // caption, has no 地方債 on any row: the table finder drops that column
  const widths = [110, 64, 64, 56, 64, 56, 64];
  const head = {
    before: ['令和7年度 一般会計予算書', '４款 衛生費 2,904,110千円', '１項 保健衛生費 1,322,400千円'],
    headerRows: 1,
    stubCols: 1,
    widths,
    rows: [
      ['目', '本年度予算額', '前年度予算額', '比較', '国県支出金', '地方債', '一般財源'],
      ['1 保健衛生総務費', '822,400', '801,100', '21,300', '110,500', '45,000', '666,900'],
      ['2 予防費', '500,000', '489,000', '11,000', '100,000', '', '400,000'],
      ['計', '1,322,400', '1,290,100', '32,300', '210,500', '45,000', '1,066,900'],
    ],
  };
  const block = {
    before: ['２項 清掃費 1,581,710千円'],
    headerRows: 0,
    stubCols: 1,
    widths,
    rows: [
      ['1 清掃総務費', '412,330', '398,020', '14,310', '8,100', '', '404,230'],
      ['2 じん芥処理費', '1,020,180', '1,001,500', '18,680', '52,000', '', '968,180'],
      ['3 し尿処理費', '149,200', '151,900', '▲ 2,700', '', '', '149,200'],
    ],
  };

  it('reads the block by the header of the column each of its values stands under', async () => {
    const path = await drawTablesPdf('歳出', [head, block], 'none', 'budget-blocks.pdf');
    const doc = await extractDocument(path);
    const n = normalizeDocument(doc);
    const of = (v: number) => n.observations.find((o) => o.value === v);
    // (no unit line over these blocks, but the 項 caption over the first states its total in 千円 and its 計 row
    // repeats that total bare: the amounts are in 千円, and the block continuing it too)
    expect(of(398020000)).toMatchObject({ value_kind: 'plan', fiscal_year: 2024, unit: 'yen' });
    expect(of(412330000)).toMatchObject({ value_kind: 'plan', fiscal_year: 2025, unit: 'yen' });
    expect(of(-2700000)).toMatchObject({ value_kind: 'deviation', fiscal_year: 2025, unit: 'yen' });
    expect(of(8100000)?.indicator_label).toContain('国県支出金');
    expect(of(404230000)?.indicator_label).toContain('一般財源');
  });
});
