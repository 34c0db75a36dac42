/**
 * A budget block printed without a unit line (drawn here, test/pdf-table-maker.ts, in words of no fixture): its caption
 * states the block's total with its unit (`１項 保健衛生費 1,234,500千円`) and the table repeats that total bare, so
 * the table's amounts are in 千円 (`captionAmountUnit`); a caption whose amount the table does not hold says nothing.
 */
import { describe, expect, it } from 'vitest';
import { type DrawTable, drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture } from './pipeline.js';

const obs = (rows: Record<string, unknown>[]) =>
  rows
    .filter((r) => r.table_index !== null && r.table_index !== undefined)
    .map((r) => [r.indicator_label, r.fiscal_year, r.value_kind, r.value, r.unit].join(' | '));

describe.skipIf(!fontAvailable())('a 節 table whose caption states its total with the unit', () => {
  it('reads the amounts in 千円 when the table repeats the caption total, and not when it does not', async () => {
    const tables: DrawTable[] = [
      {
        before: ['４款 衛生費 2,345,600千円', '１項 保健衛生費 1,234,500千円'],
        headerRows: 0,
        stubCols: 1,
        rows: [
          ['13 委託料', '834,500'],
          ['18 負担金', '400,000'],
          ['計', '1,234,500'],
        ],
      },
      {
        before: ['２項 清掃費 98,700千円'],
        headerRows: 0,
        stubCols: 1,
        rows: [
          ['10 需用費', '41,200'],
          ['12 役務費', '57,000'],
        ],
      },
    ];
    const path = await drawTablesPdf('令和7年度 北浜台町一般会計予算書 歳出', tables, 'grid', 'caption-amount.pdf');
    const rows = obs(await exportFixture(path));
    expect(rows).toContain('委託料 | 2025 | plan | 834500000 | yen');
    expect(rows).toContain('負担金 | 2025 | plan | 400000000 | yen');
    // the second block's caption total (98,700) is in none of its cells: no unit is read from it
    expect(rows.some((r) => r.startsWith('需用費') && r.endsWith('41200000 | yen'))).toBe(false);
  });
});
