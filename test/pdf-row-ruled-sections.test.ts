/**
 * Tables ruled between their rows only, drawn here (test/pdf-table-maker.ts) in words of no fixture or corpus
 * document: two tables of one width one under the other with a numbered section heading between them (`2 短期入所`:
 * a number first, no row of values), and a header whose lowest row writes its years close together under a
 * two-line group head wider than the gutter between two years.
 */
import { extractDocument } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { type DrawTable, drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture, tableObservationLines, tableTexts } from './pipeline.js';

const widths = [110, 50, 50, 70, 70, 70];
const head = (over: string): DrawTable['rows'] => [
  [{ text: '', cs: 3 }, null, null, { text: over, cs: 3 }, null, null],
  ['項目', '種別', '単位', '令和6年度', '令和7年度', '令和8年度'],
];

describe.skipIf(!fontAvailable())('row-ruled tables of one width with a numbered heading between them', () => {
  it('reads two tables: the heading is no row of the first', async () => {
    const first: DrawTable = {
      before: ['1 居宅介護'],
      beforeSize: 12,
      headerRows: 2,
      stubCols: 3,
      widths,
      rows: [
        ...head('計画と実績'),
        [{ text: '利用者数', rs: 2 }, '計画', '人/月', '84', '88', '91'],
        [null, '実績', '人/月', '80', '', ''],
        [{ text: '利用時間', rs: 2 }, '計画', '時間/月', '1,240', '1,302', '1,355'],
        [null, '実績', '時間/月', '1,198', '', ''],
      ],
    };
    const second: DrawTable = {
      before: ['2 短期入所'],
      beforeSize: 12,
      headerRows: 2,
      stubCols: 3,
      widths,
      rows: [
        ...head('計画と実績'),
        [{ text: '利用者数', rs: 2 }, '計画', '人/月', '17', '18', '19'],
        [null, '実績', '人/月', '15', '', ''],
      ],
    };
    const path = await drawTablesPdf('サービス見込量の点検（案）', [first, second], 'rows', 'row-ruled-sections.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(2);
    expect(tableTexts(doc.tables[1]!).flat()).not.toContain('2 短期入所');
    const rows = tableObservationLines(await exportFixture(path));
    expect(rows).toContain('短期入所 | 2024 | plan | 17');
    expect(rows).toContain('短期入所 | 2024 | actual | 15');
    expect(rows.filter((r) => r.startsWith('居宅介護') && / \| (?:17|15|18|19)$/.test(r))).toEqual([]);
  }, 60_000);
});

describe.skipIf(!fontAvailable())('years set close together under a group head wider than their gutter', () => {
  it('keeps each year a column of its own', async () => {
    const years = ['2024（令和6）年度', '2025（令和7）年度', '2026（令和8）年度'];
    const t: DrawTable = {
      before: ['表3 地域生活への移行'],
      headerRows: 2,
      stubCols: 1,
      pad: 4,
      rows: [
        [
          { text: '区分', rs: 2 },
          { text: '地域生活支援拠点等における\n機能の検証回数', cs: 3 },
          null,
          null,
          { text: '緊急時の受入件数', cs: 2 },
          null,
        ],
        [null, ...years, ...years.slice(1)],
        ['計画', '年2回', '年2回', '年3回', '6件', '7件'],
        ['実績', '年1回', '年3回', '', '8件', ''],
      ],
    };
    const path = await drawTablesPdf('成果目標の点検', [t], 'rows', 'close-years.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const g = tableTexts(doc.tables[0]!);
    expect(g.flat().filter((c) => /年度.*年度/.test(c))).toEqual([]);
    const rows = tableObservationLines(await exportFixture(path));
    expect(rows.some((r) => r.includes('| 2026 | plan | 3'))).toBe(true);
    expect(rows.some((r) => r.includes('| 2025 | actual | 3'))).toBe(true);
    expect(rows.some((r) => r.includes('| 2026 | plan | 7'))).toBe(true);
    expect(rows.some((r) => r.includes('| 2025 | actual | 8'))).toBe(true);
  }, 60_000);
});

describe.skipIf(!fontAvailable())('row-ruled heads over columns no body row fills', () => {
  it('keeps a column for each head of the lowest header row, the last one empty too', async () => {
    // (the years before the plan: results only, the plan and outlook columns empty on this page)
    const t: DrawTable = {
      before: ['（２）訪問系サービスの利用実績'],
      headerRows: 2,
      stubCols: 1,
      rows: [
        [{ text: '年度', rs: 2 }, { text: '同行援護', cs: 3 }, null, null, { text: '行動援護', cs: 3 }, null, null],
        [null, '計画量', '実績量', '見通し', '計画量', '実績量', '見通し'],
        ['令和元年度', '', '38', '', '', '12', ''],
        ['令和2年度', '', '41', '', '', '15', ''],
        ['令和3年度', '', '44', '', '', '17', ''],
      ],
    };
    const path = await drawTablesPdf('訪問系サービスの推移', [t], 'rows', 'empty-columns.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const g = tableTexts(doc.tables[0]!);
    expect(g[g.length - 1]).toEqual(['令和3年度', '', '44', '', '', '17', '']);
    const rows = tableObservationLines(await exportFixture(path));
    expect(rows).toContain('同行援護 | 2021 | actual | 44');
    expect(rows).toContain('行動援護 | 2019 | actual | 12');
  }, 60_000);
});
