/**
 * Borderless tables of one width one under the other, the second opened by a section heading numbered with a closing
 * bracket only (`2) …`, `３）…`, as NFKC writes `２）`) and its own header row: drawn here (test/pdf-table-maker.ts) in
 * words of no fixture or corpus document.
 */
import { extractDocument } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { type DrawTable, drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture, tableObservationLines } from './pipeline.js';

const widths = [150, 50, 70, 70, 70];
const head = ['事業', '区分', '令和6年度', '令和7年度', '令和8年度'];

describe.skipIf(!fontAvailable())('a heading numbered `2)` between two tables of one width', () => {
  it('starts the second table: its labels and years are its own', async () => {
    const first: DrawTable = {
      before: ['1) 就労支援の状況'],
      beforeSize: 13,
      headerRows: 1,
      stubCols: 2,
      widths,
      rows: [
        head,
        [{ text: '就労移行支援の\n利用者数', rs: 3 }, '計画', '31', '33', '35'],
        [null, '実績', '29', '34', ''],
        [null, '差', '△2', '1', ''],
        [{ text: '就労定着支援の\n利用者数', rs: 3 }, '計画', '12', '14', '16'],
        [null, '実績', '13', '12', ''],
        [null, '差', '1', '△2', ''],
      ],
    };
    const second: DrawTable = {
      before: ['2) 地域移行に向けた取組'],
      beforeSize: 13,
      headerRows: 1,
      stubCols: 2,
      widths,
      rows: [
        head,
        [{ text: '施設からの\n地域移行者数', rs: 3 }, '計画', '4', '5', '6'],
        [null, '実績', '3', '7', ''],
        [null, '差', '△1', '2', ''],
        [{ text: '精神科病院からの\n退院者数', rs: 3 }, '計画', '18', '19', '21'],
        [null, '実績', '17', '22', ''],
        [null, '差', '△1', '3', ''],
      ],
    };
    const path = await drawTablesPdf('第7期 若葉台市障害福祉計画 点検', [first, second], 'none', 'section-tables.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(2);
    const rows = tableObservationLines(await exportFixture(path));
    expect(rows).toContain('就労移行支援の利用者数 | 2024 | plan | 31');
    expect(rows).toContain('就労定着支援の利用者数 | 2024 | plan | 12');
    expect(rows).toContain('施設からの地域移行者数 | 2024 | plan | 4');
    expect(rows).toContain('施設からの地域移行者数 | 2025 | actual | 7');
    expect(rows).toContain('精神科病院からの退院者数 | 2026 | plan | 21');
    expect(rows.filter((r) => r.includes('地域移行に向けた取組'))).toEqual([]);
  }, 60_000);
});
