/**
 * Tables whose horizontal rules do not part every row, drawn here (test/pdf-table-maker.ts) in words of no fixture or
 * corpus document: a three-line table (a rule over the header, one under it, one under the last row) and two ruled
 * tables of one width with a narrower one between them.
 */
import { extractDocument } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { type DrawTable, drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture, tableObservationLines, tableTexts } from './pipeline.js';

const grid = tableTexts;

/** Observations as `label | year | kind | value | unit`. */
const obs = (rows: Record<string, unknown>[]) =>
  rows.map((r) => [r.indicator_label, r.fiscal_year, r.value_kind, r.value, r.unit].join(' | ')).sort();

describe.skipIf(!fontAvailable())('a three-line table: rules over and under the header and under the last row', () => {
  // Years as rows, each service's unit on a second header line, values centred in their cells.
  const daytime: DrawTable = {
    before: ['（４）日中活動系サービスの見込み'],
    headerRows: 1,
    stubCols: 1,
    valueAlign: 'center',
    rows: [
      [
        '年度',
        '生活介護\n（人日／月）',
        '就労移行支援\n（人日／月）',
        '短期入所\n（人日／月）',
        '療養介護\n（人／月）',
      ],
      ['令和6年度', '3,815', '402', '288', '9'],
      ['令和7年度', '3,902', '418', '301', '9'],
      ['令和8年度', '3,987', '433', '315', '10'],
    ],
    after: ['※ 見込量は各年度の月平均です。'],
  };

  it('reads the rows between the rules, the labels and the years kept', async () => {
    const path = await drawTablesPdf('日中活動系サービスの見込量', [daytime], 'frame', 'three-line.pdf', {
      header: '資料３',
      footer: '- 12 -',
    });
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const g = grid(doc.tables[0]!);
    // (the unit line joins the head above it: the header is one row)
    expect(g).toEqual([
      ['年度', '生活介護 (人日/月)', '就労移行支援 (人日/月)', '短期入所 (人日/月)', '療養介護 (人/月)'],
      ['令和6年度', '3,815', '402', '288', '9'],
      ['令和7年度', '3,902', '418', '301', '9'],
      ['令和8年度', '3,987', '433', '315', '10'],
    ]);
    const rows = obs(await exportFixture(path));
    // (見込量 of the plan years: the plan)
    expect(rows).toHaveLength(12);
    expect(rows).toContain('生活介護 | 2024 | plan | 3815 | person_day/month');
    expect(rows).toContain('就労移行支援 | 2025 | plan | 418 | person_day/month');
    expect(rows).toContain('療養介護 | 2026 | plan | 10 | person/month');
  }, 60_000);

  it('keeps the stub column of a two-level header over years and kinds', async () => {
    const visits: DrawTable = {
      headerRows: 2,
      stubCols: 1,
      rows: [
        [{ text: '区分', rs: 2 }, { text: '令和4年度', cs: 2 }, null, { text: '令和5年度', cs: 2 }, null],
        [null, '計画', '実績', '計画', '実績'],
        ['自立生活援助（人／月）', '4', '2', '5', '3'],
        ['地域定着支援（人／月）', '11', '9', '12', '14'],
        ['計画相談支援（人／月）', '236', '251', '244', '262'],
      ],
    };
    const path = await drawTablesPdf('相談支援の計画と実績', [visits], 'frame', 'three-line-two-level.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const g = grid(doc.tables[0]!);
    // (the corner centred between the two header lines is a header row of its own)
    expect(g.map((r) => r[0])).toEqual([
      '',
      '区分',
      '区分',
      '自立生活援助(人/月)',
      '地域定着支援(人/月)',
      '計画相談支援(人/月)',
    ]);
    expect(g[0]).toEqual(['', '令和4年度', '令和4年度', '令和5年度', '令和5年度']);
    expect(g[5]).toEqual(['計画相談支援(人/月)', '236', '251', '244', '262']);
    const rows = tableObservationLines(await exportFixture(path));
    expect(rows).toHaveLength(12);
    expect(rows).toContain('地域定着支援 | 2023 | actual | 14');
  }, 60_000);
});

describe.skipIf(!fontAvailable())('two row-ruled tables of one width with a narrower one between them', () => {
  const wide = (title: string, first: string, rows: string[][]): DrawTable => ({
    before: [title],
    headerRows: 1,
    stubCols: 2,
    widths: [110, 62, 66, 66, 74, 74, 48],
    rows: [
      ['サービス', '年度', '計画（人／月）', '実績（人／月）', '計画（人日／月）', '実績（人日／月）', '達成率'],
      ...rows.map((r, i) => [i === 0 ? first : '', ...r]),
    ],
  });
  const narrow: DrawTable = {
    before: ['（２）短期入所'],
    headerRows: 1,
    stubCols: 1,
    // (its amounts lie across the wide tables' column gaps)
    widths: [80, 150, 150],
    rows: [
      ['年度', '計画（人日／月）', '実績（人日／月）'],
      ['令和4年度', '11,180', '10,046'],
      ['令和5年度', '11,220', '11,311'],
    ],
  };

  it('reads each table with its own columns', async () => {
    const path = await drawTablesPdf(
      '日中活動系サービスの実績',
      [
        wide('（１）生活介護', '生活介護', [
          ['令和4年度', '212', '205', '4,028', '3,977', '98.7%'],
          ['令和5年度', '218', '221', '4,142', '4,230', '102.1%'],
        ]),
        narrow,
        wide('（３）自立訓練（機能訓練）', '自立訓練（機能訓練）', [
          ['令和4年度', '6', '4', '96', '71', '66.7%'],
          ['令和5年度', '6', '7', '96', '118', '116.7%'],
        ]),
      ],
      'rows',
      'three-tables.pdf',
    );
    const doc = await extractDocument(path);
    expect(doc.tables.map((t) => [t.nRows, t.nCols])).toEqual([
      [3, 7],
      [3, 3],
      [3, 7],
    ]);
    expect(grid(doc.tables[0]!)[2]).toEqual(['生活介護', '令和5年度', '218', '221', '4,142', '4,230', '102.1%']);
    expect(grid(doc.tables[1]!)[1]).toEqual(['令和4年度', '11,180', '10,046']);
    expect(grid(doc.tables[2]!)[1]).toEqual(['自立訓練(機能訓練)', '令和4年度', '6', '4', '96', '71', '66.7%']);
  }, 60_000);
});

describe.skipIf(!fontAvailable())('row-ruled tables of one width, one under another, a short title over each', () => {
  // (the last row's amounts look like years: `2015` `1998`)
  const service = (title: string, a: string[], b: string[]): DrawTable => ({
    before: [title],
    headerRows: 1,
    stubCols: 2,
    widths: [96, 52, 64, 64, 64],
    rows: [
      ['項目', '区分', '令和3年度', '令和4年度', '令和5年度'],
      ['延べ利用時間', '計画', ...a],
      ['延べ利用時間', '実績', ...b],
    ],
  });

  it('reads each table apart, its title left out', async () => {
    const path = await drawTablesPdf(
      '訪問系サービスの状況',
      [
        service('（１）居宅介護', ['1,820', '1,860', '1,900'], ['2015', '1998', '']),
        service('（２）行動援護', ['310', '320', '330'], ['296', '341', '']),
        service('（３）同行援護', ['95', '97', '99'], ['88', '102', '']),
      ],
      'rows',
      'titled-tables.pdf',
    );
    const doc = await extractDocument(path);
    expect(doc.tables.map((t) => [t.nRows, t.nCols])).toEqual([
      [3, 5],
      [3, 5],
      [3, 5],
    ]);
    expect(grid(doc.tables[1]!)[0]).toEqual(['項目', '区分', '令和3年度', '令和4年度', '令和5年度']);
    expect(grid(doc.tables[1]!)[2]).toEqual(['延べ利用時間', '実績', '296', '341', '']);
  }, 60_000);
});
