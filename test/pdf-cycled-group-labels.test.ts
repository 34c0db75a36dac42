/**
 * Group labels wrapped over several lines and centred over a cycle of rows, in a table without rules across its
 * rows (repairs/cycled.ts, joinCycledGroupLabels), with counts written after their frequency (`年６回`) and `－`
 * filling most cells (pdf/stream.ts, looksLikeTextColumns: such a table is no newspaper text). Drawn here
 * (test/pdf-table-maker.ts) in words of no fixture or corpus document.
 */
import { extractDocument } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture, tableObservationLines, tableTexts } from './pipeline.js';

describe.skipIf(!fontAvailable())('group labels wrapped and centred over a cycle of rows', () => {
  const label = (text: string, rs: number) => ({ text, rs });
  const table = {
    before: ['（２）相談支援体制の充実・強化'],
    headerRows: 1,
    stubCols: 2,
    widths: [150, 50, 70, 70, 70],
    rows: [
      ['項目', '年度', '見込', '実績', '差'],
      [label('基幹相談支援センター\nによる専門的な助言\nの回数', 4), 'R5', '年６回', '年５回', '▲1'],
      [null, 'R6', '年６回', '年７回', '1'],
      [null, 'R7', '年８回', '－', '－'],
      [null, 'R8', '年８回', '－', '－'],
      [label('地域の相談機関との\n連携強化の取組', 4), 'R5', '－', '年２回', '－'],
      [null, 'R6', '年３回', '年３回', '0'],
      [null, 'R7', '年３回', '－', '－'],
      [null, 'R8', '年４回', '－', '－'],
    ],
  };

  it('joins each label into one that spans its cycle of years', async () => {
    const path = await drawTablesPdf('第7期 北浜台市障害福祉計画 進捗状況', [table], 'none', 'cycled.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const g = tableTexts(doc.tables[0]!);
    expect(g.map((r) => r[0])).toEqual([
      '項目',
      ...Array(4).fill('基幹相談支援センターによる専門的な助言の回数'),
      ...Array(4).fill('地域の相談機関との連携強化の取組'),
    ]);
    expect(g.map((r) => r[1])).toEqual(['年度', 'R5', 'R6', 'R7', 'R8', 'R5', 'R6', 'R7', 'R8']);
    const rows = tableObservationLines(await exportFixture(path));
    expect(rows).toContain('基幹相談支援センターによる専門的な助言の回数 | 2023 | plan | 6');
    expect(rows).toContain('基幹相談支援センターによる専門的な助言の回数 | 2024 | actual | 7');
    expect(rows).toContain('基幹相談支援センターによる専門的な助言の回数 | 2026 | plan | 8');
    expect(rows).toContain('地域の相談機関との連携強化の取組 | 2023 | actual | 2');
    expect(rows).toContain('地域の相談機関との連携強化の取組 | 2026 | plan | 4');
  }, 60_000);
});
