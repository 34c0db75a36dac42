/**
 * Tables ruled between their rows whose values are counts per period written with the period first (`年4回`,
 * `月12回`, `週3日`): values, so their columns are read off them like any number's. Drawn here
 * (test/pdf-table-maker.ts) in words of no fixture or corpus document.
 */
import { extractDocument } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { type DrawTable, drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture, tableObservationLines, tableTexts } from './pipeline.js';

describe.skipIf(!fontAvailable())('counts per period written 年N回 in a table ruled between rows', () => {
  it('the year columns are read off the counts, not run together in the header', async () => {
    const table: DrawTable = {
      before: ['表1 地域の支え合い会議の開催状況'],
      headerRows: 3,
      stubCols: 2,
      pad: 4,
      rows: [
        [
          '',
          '',
          { text: '支え合い会議の開催回数', cs: 3 },
          null,
          null,
          { text: '出前講座の開催回数', cs: 3 },
          null,
          null,
        ],
        ['項目', '区分', { text: '第9期計画', cs: 3 }, null, null, { text: '第9期計画', cs: 3 }, null, null],
        ['', '', '令和6年度', '令和7年度', '令和8年度', '令和6年度', '令和7年度', '令和8年度'],
        ['会議', '計画', '年4回', '年5回', '年6回', '月2回', '月2回', '月3回'],
        ['', '実績', '年3回', '年5回', '―', '月1回', '月2回', '―'],
      ],
    };
    const path = await drawTablesPdf('第9期 青葉ヶ丘市高齢者福祉計画 進捗', [table], 'rows', 'period-counts.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const years = tableTexts(doc.tables[0]!)[2]!;
    expect(years.slice(2)).toEqual(['令和6年度', '令和7年度', '令和8年度', '令和6年度', '令和7年度', '令和8年度']);
    const rows = tableObservationLines(await exportFixture(path));
    expect(rows).toContain('会議 支え合い会議の開催回数 | 2026 | plan | 6');
    expect(rows).toContain('会議 支え合い会議の開催回数 | 2025 | actual | 5');
    expect(rows).toContain('会議 出前講座の開催回数 | 2026 | plan | 3');
    expect(rows).toContain('会議 出前講座の開催回数 | 2024 | actual | 1');
  }, 60_000);
});
