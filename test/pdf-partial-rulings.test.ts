/**
 * Tables without full rulings, drawn here (test/pdf-table-maker.ts) in words of no fixture or corpus document: what
 * the PDF reader recovers of their structure, and the observations that come of it.
 */
import { extractDocument, tableToGrid } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture } from './pipeline.js';

const grid = (t: { cells: unknown[] }) =>
  tableToGrid(t as Parameters<typeof tableToGrid>[0]).map((r) => r.map((c) => c?.text ?? ''));

/** Observations as `indicator id | year | kind | value | unit`. */
const obs = (rows: Record<string, unknown>[], key = 'indicator_id') =>
  rows.map((r) => [r[key], r.fiscal_year, r.value_kind, r.value, r.unit].join(' | ')).sort();

describe.skipIf(!fontAvailable())('a table ruled between its rows only', () => {
  // Two-level header: each service's name centred over its plan / result columns; the corner over both rows.
  const services = {
    headerRows: 2,
    stubCols: 1,
    rows: [
      [
        { text: '年度', rs: 2 },
        { text: '居宅介護（時間／月）', cs: 2 },
        null,
        { text: '重度訪問介護（時間／月）', cs: 2 },
        null,
      ],
      [null, '計画', '実績', '計画', '実績'],
      ['令和3年度', '1,320', '1,108', '2,460', '2,517'],
      ['令和4年度', '1,380', '1,262', '2,510', '2,388'],
      ['令和5年度', '1,440', '1,395', '2,560', '2,604'],
    ],
    after: ['※ 各年度とも3月分の実績から算出しています。算出方法は前期計画と同じです。'],
  };
  // A second table of the same width right under the first one's note.
  const groups = {
    before: ['（２）短期入所の利用状況'],
    headerRows: 1,
    stubCols: 1,
    rows: [
      ['年度', '計画（人／月）', '実績（人／月）', '計画（日／月）', '実績（日／月）'],
      ['令和3年度', '41', '37', '296', '251'],
      ['令和4年度', '43', '45', '310', '322'],
      ['令和5年度', '45', '40', '324', '287'],
    ],
  };

  it('keeps a header centred over two columns as one cell over both, the columns apart', async () => {
    const path = await drawTablesPdf('訪問系サービスの状況', [services], 'rows', 'two-level.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.nCols).toBe(5);
    const g = grid(t);
    expect(g[0]).toEqual([
      '年度',
      '居宅介護(時間/月)',
      '居宅介護(時間/月)',
      '重度訪問介護(時間/月)',
      '重度訪問介護(時間/月)',
    ]);
    expect(g[1]!.slice(1)).toEqual(['計画', '実績', '計画', '実績']);
    expect(g[3]).toEqual(['令和4年度', '1,380', '1,262', '2,510', '2,388']);
  }, 60_000);

  it('reads two tables that share their width, a note and a title between them, as two tables', async () => {
    const path = await drawTablesPdf('訪問系サービスの状況', [services, groups], 'rows', 'two-tables.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables.map((t) => [t.nRows, t.nCols])).toEqual([
      [5, 5],
      [4, 5],
    ]);
    expect(grid(doc.tables[1]!)[0]).toEqual(['年度', '計画(人/月)', '実績(人/月)', '計画(日/月)', '実績(日/月)']);
    const rows = obs(await exportFixture(path));
    expect(rows).toHaveLength(24);
    expect(rows).toContain('service.kyotaku_kaigo | 2022 | actual | 1262 | hour/month');
    expect(rows).toContain('service.judo_houmon_kaigo | 2023 | plan | 2560 | hour/month');
    expect(rows).toContain('service.tanki_nyusho_total | 2023 | actual | 287 | person_day/month');
  }, 60_000);

  it('finds the columns of each of two tables of one width and other columns', async () => {
    // The second table's wide amounts cover the first one's gutters, and the other way round.
    const amounts = {
      before: ['（３）給付費の状況（単位：千円）'],
      headerRows: 1,
      stubCols: 1,
      rows: [
        ['区分', '令和3年度', '令和4年度', '令和5年度'],
        ['居宅介護', '118,204,330', '121,880,415', '126,019,702'],
        ['重度訪問介護', '204,551,096', '199,870,331', '213,448,150'],
      ],
    };
    const path = await drawTablesPdf(
      '訪問系サービスの状況',
      [
        { ...services, width: 420 },
        { ...amounts, width: 420 },
      ],
      'rows',
      'two-widths.pdf',
    );
    const doc = await extractDocument(path);
    expect(doc.tables.map((t) => [t.nRows, t.nCols])).toEqual([
      [5, 5],
      [3, 4],
    ]);
    expect(grid(doc.tables[0]!)[4]).toEqual(['令和5年度', '1,440', '1,395', '2,560', '2,604']);
    expect(grid(doc.tables[1]!)[2]).toEqual(['重度訪問介護', '204,551,096', '199,870,331', '213,448,150']);
  }, 60_000);
});

describe.skipIf(!fontAvailable())('labels centred over the rows they span', () => {
  // Each service over its years (three, then two: the second label falls between two rows), kinds as columns.
  const spans = {
    headerRows: 1,
    stubCols: 2,
    rows: [
      ['サービス', '年度', '計画（人／月）', '実績（人／月）'],
      [{ text: '就労移行支援', rs: 3 }, '令和3年度', '58', '52'],
      [null, '令和4年度', '61', '66'],
      [null, '令和5年度', '64', '59'],
      [{ text: '自立訓練（生活訓練）', rs: 2 }, '令和4年度', '17', '14'],
      [null, '令和5年度', '18', '21'],
    ],
  };
  const expected = [
    '就労移行支援 | 2021 | actual | 52 | person/month',
    '就労移行支援 | 2021 | plan | 58 | person/month',
    '就労移行支援 | 2022 | actual | 66 | person/month',
    '就労移行支援 | 2022 | plan | 61 | person/month',
    '就労移行支援 | 2023 | actual | 59 | person/month',
    '就労移行支援 | 2023 | plan | 64 | person/month',
    '自立訓練(生活訓練) | 2022 | actual | 14 | person/month',
    '自立訓練(生活訓練) | 2022 | plan | 17 | person/month',
    '自立訓練(生活訓練) | 2023 | actual | 21 | person/month',
    '自立訓練(生活訓練) | 2023 | plan | 18 | person/month',
  ].sort();

  for (const ruling of ['none', 'rows'] as const) {
    it(`span their rows in a table ruled ${ruling === 'none' ? 'nowhere' : 'between rows'}`, async () => {
      const path = await drawTablesPdf('日中活動系サービスの状況', [spans], ruling, `centred-${ruling}.pdf`);
      const doc = await extractDocument(path);
      expect(doc.tables).toHaveLength(1);
      const g = grid(doc.tables[0]!);
      expect(g.map((r) => r[0])).toEqual([
        'サービス',
        '就労移行支援',
        '就労移行支援',
        '就労移行支援',
        '自立訓練(生活訓練)',
        '自立訓練(生活訓練)',
      ]);
      // (By label: the catalog id of 自立訓練(生活訓練) is another helper's area.)
      expect(obs(await exportFixture(path), 'indicator_label')).toEqual(expected);
    }, 60_000);
  }
});

describe.skipIf(!fontAvailable())('a borderless table whose labels wrap over two lines', () => {
  // The values centred on each two-line label: the label's first line above its row, its second below, and the
  // first line of the next label right under that.
  const wrapped = {
    before: ['（単位：件／年）'],
    headerRows: 1,
    stubCols: 2,
    rows: [
      ['項目', '年度', '計画', '実績'],
      ['基幹相談支援センター数', '令和5年度', '1', '1'],
      ['地域生活支援拠点等における\n緊急時の受入れ件数', '令和4年度', '12', '9'],
      ['地域生活支援拠点等における\n緊急時の受入れ件数', '令和5年度', '14', '16'],
      ['相談支援事業所への\n訪問指導件数', '令和4年度', '8', '11'],
      ['相談支援事業所への\n訪問指導件数', '令和5年度', '8', '7'],
    ],
  };

  it('keeps every row, each with its whole label', async () => {
    const path = await drawTablesPdf('地域生活支援拠点等の状況', [wrapped], 'none', 'wrapped.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    expect(grid(doc.tables[0]!)).toEqual([
      ['項目', '年度', '計画', '実績'],
      ['基幹相談支援センター数', '令和5年度', '1', '1'],
      ['地域生活支援拠点等における緊急時の受入れ件数', '令和4年度', '12', '9'],
      ['地域生活支援拠点等における緊急時の受入れ件数', '令和5年度', '14', '16'],
      ['相談支援事業所への訪問指導件数', '令和4年度', '8', '11'],
      ['相談支援事業所への訪問指導件数', '令和5年度', '8', '7'],
    ]);
    const rows = obs(await exportFixture(path), 'indicator_label');
    expect(rows).toContain('地域生活支援拠点等における緊急時の受入れ件数 | 2022 | actual | 9 | case/year');
    expect(rows).toContain('相談支援事業所への訪問指導件数 | 2023 | plan | 8 | case/year');
  }, 60_000);
});
