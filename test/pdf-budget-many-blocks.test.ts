/**
 * A budget book page (drawn here, test/pdf-table-maker.ts, in words of no fixture) where the 目 table's header is
 * printed once at the top and many small tables stand between it and a later 項 block printed without the header
 * (a budget book's 節 / 説明 tables beside every block, each found as a table of its own): the later block is still
 * read by that header and its 千円 line (`layout.header-of-table-above`), however many tables came between.
 */
import { describe, expect, it } from 'vitest';
import { type DrawTable, drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture } from './pipeline.js';

const obs = (rows: Record<string, unknown>[]) =>
  rows
    .filter((r) => r.table_index !== null && r.table_index !== undefined)
    .map((r) => [r.indicator_label, r.fiscal_year, r.value_kind, r.value, r.unit].join(' | '));

describe.skipIf(!fontAvailable())('a 項 block without header after many small tables on its page', () => {
  const head: DrawTable = {
    before: ['８款 土木費　２項 道路橋りょう費'],
    headerRows: 2,
    stubCols: 1,
    rows: [
      ['目', '本年度予算額', '前年度予算額', '比較'],
      ['', '千円', '千円', '千円'],
      ['1 道路維持費', '412,500', '398,200', '14,300'],
    ],
  };
  // the 節 beside each block, set under it here: a table of two columns and no header
  const side = (name: string, amount: string): DrawTable => ({
    headerRows: 0,
    stubCols: 1,
    rows: [[name, amount]],
  });
  const block = (caption: string, label: string, values: string[]): DrawTable => ({
    before: [caption],
    headerRows: 0,
    stubCols: 1,
    rows: [[label, ...values]],
  });

  it('reads the last block in yen, 本年度 as the plan of the book year and 前年度 of the year before', async () => {
    const tables: DrawTable[] = [head];
    const sides = ['工事請負費', '委託料', '需用費', '役務費', '使用料', '原材料費', '備品購入費', '負担金', '補償費'];
    for (const [i, s] of sides.entries()) tables.push(side(`${i + 1} ${s}`, `${(i + 2) * 1100}`));
    tables.push(block('８款 土木費　３項 河川費', '1 河川総務費', ['86,400', '90,100', '△3,700']));
    const path = await drawTablesPdf('令和7年度 北浜台町一般会計予算書 歳出', tables, 'grid', 'many-blocks.pdf');
    const rows = obs(await exportFixture(path));
    expect(rows).toContain('道路維持費 | 2025 | plan | 412500000 | yen');
    expect(rows).toContain('河川総務費 | 2025 | plan | 86400000 | yen');
    expect(rows).toContain('河川総務費 | 2024 | plan | 90100000 | yen');
    expect(rows).toContain('河川総務費 | 2025 | deviation | -3700000 | yen');
  });
});
