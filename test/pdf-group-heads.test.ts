/**
 * Borderless tables with two header levels whose upper heads a centring reading placed one column off, and a lower
 * head over a column its page leaves empty: drawn here (test/pdf-table-maker.ts) in words of no fixture or corpus
 * document.
 */
import { extractDocument } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture, tableObservationLines, tableTexts } from './pipeline.js';

const grid = tableTexts;
const obs = tableObservationLines;

describe.skipIf(!fontAvailable())('upper heads of a two-level header (borderless)', () => {
  it('a year set over the first column of its group does not span the empty cells of the groups around it', async () => {
    // 令和4年度 stands over 計画, its group's first column, halfway between 令和3年度 and 令和5年度: centred on the
    // empty cells between them, but those hold 実績 and 差 twice.
    const table = {
      before: ['表３ 訪問系サービスの利用状況（単位：時間/月）'],
      headerRows: 2,
      stubCols: 1,
      rows: [
        ['', '令和3年度', '令和4年度', '', '', '令和5年度', '', '', '令和6年度'],
        ['サービス', '実績', '計画', '実績', '差', '計画', '実績', '差', '計画'],
        ['居宅介護', '410', '420', '433', '13', '440', '452', '12', '460'],
        ['重度訪問介護', '95', '100', '97', '▲3', '105', '99', '▲6', '110'],
      ],
    };
    const path = await drawTablesPdf(
      '第6期 南風原台市障害福祉計画 点検評価',
      [table],
      'none',
      'first-column-heads.pdf',
    );
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    expect(grid(doc.tables[0]!)[0]).toEqual([
      '',
      '令和3年度',
      '令和4年度',
      '令和4年度',
      '令和4年度',
      '令和5年度',
      '令和5年度',
      '令和5年度',
      '令和6年度',
    ]);
    const rows = obs(await exportFixture(path));
    expect(rows).toContain('居宅介護 | 2022 | actual | 433');
    expect(rows).toContain('重度訪問介護 | 2023 | actual | 99');
    expect(rows).toContain('重度訪問介護 | 2024 | plan | 110');
    expect(rows.filter((r) => r.startsWith('居宅介護 | 2023'))).toHaveLength(3);
  }, 60_000);

  it('heads centred over runs of three take their runs, not the middle column alone', async () => {
    // (the stub label centred on both header lines stands on a line of its own between them)
    const table = {
      before: ['（２）地域生活支援事業の見込みと実績（単位：人）'],
      headerRows: 2,
      stubCols: 1,
      rows: [
        [
          { text: '事業名', rs: 2 },
          { text: '目標', cs: 3 },
          null,
          null,
          { text: '利用実績', cs: 3 },
          null,
          null,
          '到達度',
        ],
        [null, '令和6年度', '令和7年度', '令和8年度', '令和4年度', '令和5年度', '令和6年度', '令和6年度'],
        ['移動支援事業', '58', '61', '64', '47', '49', '55', '94.8%'],
        ['日中一時支援事業', '120', '124', '128', '104', '111', '118', '98.3%'],
      ],
    };
    const path = await drawTablesPdf('第7期 東雲ヶ丘町障害福祉計画 進捗状況', [table], 'none', 'centred-heads.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const top = grid(doc.tables[0]!)[0]!;
    expect(top.slice(1)).toEqual(['目標', '目標', '目標', '利用実績', '利用実績', '利用実績', '到達度']);
    const rows = obs(await exportFixture(path));
    expect(rows).toContain('移動支援事業 | 2024 | target | 58');
    expect(rows).toContain('移動支援事業 | 2022 | actual | 47');
    expect(rows).toContain('日中一時支援事業 | 2024 | actual | 118');
    expect(rows).toContain('日中一時支援事業 | 2026 | target | 128');
  }, 60_000);

  it('a lower head over a column no row fills keeps its column; the heads after it stay on theirs', async () => {
    // 見込 is empty in every year shown: its head stood over no column and ran together with 実績 before it.
    const table = {
      before: ['【短期入所の利用日数】（日/月）'],
      headerRows: 2,
      stubCols: 1,
      rows: [
        ['', { text: '福祉型短期入所', cs: 4 }, null, null, null, { text: '医療型短期入所', cs: 4 }, null, null, null],
        ['年度', '計画', '実績', '見込', '増減', '計画', '実績', '見込', '増減'],
        ['令和3年度', '312', '298', '', '▲14', '40', '44', '', '4'],
        ['令和4年度', '320', '331', '', '11', '42', '39', '', '▲3'],
        ['令和5年度', '328', '340', '', '12', '44', '47', '', '3'],
      ],
    };
    const path = await drawTablesPdf('第3期 北浜町障害児福祉計画 実施状況', [table], 'none', 'empty-column-head.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const g = grid(doc.tables[0]!);
    expect(g[1]!.slice(1)).toEqual(['計画', '実績', '見込', '増減', '計画', '実績', '見込', '増減']);
    expect(g[2]!.slice(1)).toEqual(['312', '298', '', '▲14', '40', '44', '', '4']);
    const rows = obs(await exportFixture(path));
    expect(rows).toContain('福祉型短期入所 | 2021 | actual | 298');
    expect(rows).toContain('医療型短期入所 | 2023 | actual | 47');
    expect(rows).toContain('医療型短期入所 | 2022 | plan | 42');
    expect(rows.some((r) => r.includes('estimate'))).toBe(false);
  }, 60_000);

  it('ruled between rows: a service named over the first of its years heads its years, not the run centred on it', async () => {
    // (`同行援護` in the middle of the cells between `行動援護` and the table's end: centred on both services' years)
    const table = {
      before: ['（４）訪問系サービスの利用者数（人/月）'],
      headerRows: 2,
      stubCols: 1,
      rows: [
        ['', '行動援護', '', '', '同行援護', '', ''],
        ['区分', '令和3年度', '令和4年度', '令和5年度', '令和3年度', '令和4年度', '令和5年度'],
        ['計画', '14', '15', '16', '22', '23', '24'],
        ['実績', '12', '15', '17', '19', '21', '26'],
      ],
    };
    const path = await drawTablesPdf(
      '第6期 川辺野村障害福祉計画 評価',
      [table],
      'rows',
      'ruled-first-column-heads.pdf',
    );
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    expect(grid(doc.tables[0]!)[0]!.slice(1)).toEqual([
      '行動援護',
      '行動援護',
      '行動援護',
      '同行援護',
      '同行援護',
      '同行援護',
    ]);
    const rows = obs(await exportFixture(path));
    expect(rows).toContain('行動援護 | 2022 | actual | 15');
    expect(rows).toContain('行動援護 | 2023 | plan | 16');
    expect(rows).toContain('同行援護 | 2021 | actual | 19');
    expect(rows).toHaveLength(12);
  }, 60_000);
});
