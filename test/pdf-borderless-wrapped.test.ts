/**
 * Borderless tables drawn here (test/pdf-table-maker.ts) in words of no fixture or corpus document: labels that wrap
 * onto two lines, each label in the first row of its group, the row's kind and values centred on the label's two
 * lines (the first line above the row, the second under it); and a table whose first rows hold values in one column
 * of each group only.
 */
import { extractDocument } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { type DrawTable, drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture, tableObservationLines, tableTexts } from './pipeline.js';

describe.skipIf(!fontAvailable())('labels wrapped around the first row of their group, kinds in a column', () => {
  const table: DrawTable = {
    headerRows: 1,
    stubCols: 2,
    rows: [
      ['指標', '区分', '令和3年度', '令和4年度', '令和5年度'],
      ['障害者就業・生活支援センター\nとの連携件数（件／年）', '目標', '36', '40', '44'],
      ['', '実績', '31', '42', ''],
      ['ピアサポーターの養成研修\n修了者数（人／年）', '目標', '8', '10', '12'],
      ['', '実績', '9', '', ''],
      ['', '実績見込', '', '11', ''],
    ],
  };

  it('keeps the first label out of the header and each label whole in its own column', async () => {
    const path = await drawTablesPdf('地域生活支援の成果目標の状況', [table], 'none', 'wrapped-first.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const g = tableTexts(doc.tables[0]!);
    expect(g[0]).toEqual(['指標', '区分', '令和3年度', '令和4年度', '令和5年度']);
    // (a label left blank under its group's first row is filled down)
    const a = '障害者就業・生活支援センターとの連携件数(件/年)';
    const b = 'ピアサポーターの養成研修修了者数(人/年)';
    expect(g.slice(1).map((r) => r.slice(0, 2))).toEqual([
      [a, '目標'],
      [a, '実績'],
      [b, '目標'],
      [b, '実績'],
      [b, '実績見込'],
    ]);
    expect(g[1]!.slice(2)).toEqual(['36', '40', '44']);
    const rows = tableObservationLines(await exportFixture(path));
    expect(rows).toHaveLength(10);
    expect(rows).toContain('障害者就業・生活支援センターとの連携件数 | 2021 | target | 36');
    expect(rows).toContain('障害者就業・生活支援センターとの連携件数 | 2022 | actual | 42');
    expect(rows).toContain('ピアサポーターの養成研修修了者数 | 2022 | estimate | 11');
  }, 60_000);
});

describe.skipIf(!fontAvailable())('rows with values in some columns only, then in all of them', () => {
  // The years before the plan: results only; then plan, result and rate for each service.
  const table: DrawTable = {
    before: ['（５）移動支援事業等の見込量と実績'],
    headerRows: 2,
    stubCols: 1,
    rows: [
      [
        { text: '年度', rs: 2 },
        { text: '移動支援事業（時間／年）', cs: 3 },
        null,
        null,
        { text: '地域活動支援センター（人／年）', cs: 3 },
        null,
        null,
      ],
      [null, '見込量', '実績', '達成率', '見込量', '実績', '達成率'],
      ['令和元年度', '', '6,120', '', '', '842', ''],
      ['令和2年度', '', '5,388', '', '', '797', ''],
      ['令和3年度', '6,300', '5,912', '93.8%', '860', '881', '102.4%'],
      ['令和4年度', '6,450', '6,604', '102.4%', '880', '846', '96.1%'],
      ['令和5年度', '6,600', '', '', '900', '', ''],
    ],
  };

  it('reads one table, the later rows under the same header', async () => {
    const path = await drawTablesPdf('地域生活支援事業の状況', [table], 'none', 'late-columns.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const g = tableTexts(doc.tables[0]!);
    // (the corner centred between the two header lines is a header row of its own)
    expect(g).toHaveLength(8);
    expect(g[3]).toEqual(['令和元年度', '', '6,120', '', '', '842', '']);
    expect(g[5]).toEqual(['令和3年度', '6,300', '5,912', '93.8%', '860', '881', '102.4%']);
    const rows = tableObservationLines(await exportFixture(path));
    expect(rows).toContain('移動支援事業 | 2019 | actual | 6120');
    expect(rows).toContain('移動支援事業 | 2021 | plan | 6300');
    expect(rows).toContain('地域活動支援センター | 2022 | achievement_rate | 96.1');
  }, 60_000);
});
