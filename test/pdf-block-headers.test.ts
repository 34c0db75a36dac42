/**
 * A fully ruled table in blocks, drawn here (test/pdf-table-maker.ts) in words of no fixture or corpus document: each
 * block opens with the header again, and its corner cell states the measure and the unit of that block's rows
 * (`layout.block-header-rows`).
 */
import { extractDocument } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { type DrawCell, drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture } from './pipeline.js';

/** Observations as `label | measure | year | kind | value | unit`. */
const obs = (rows: Record<string, unknown>[]) =>
  rows
    .filter((r) => r.table_index !== null && r.table_index !== undefined)
    .map((r) => [r.indicator_label, r.measure, r.fiscal_year, r.value_kind, r.value, r.unit].join(' | '))
    .sort();

describe.skipIf(!fontAvailable())('a ruled table in blocks, each with its unit in its corner', () => {
  // Two header rows (the years over 計画 / 実績) at the top and again over each block; the corner spans both.
  const head = (corner: string): (DrawCell | string | null)[][] => [
    [{ text: corner, rs: 2 }, { text: '令和5年度', cs: 2 }, null, { text: '令和6年度', cs: 2 }, null],
    [null, '計画', '実績', '計画', '実績'],
  ];
  const table = {
    before: ['（２）訪問系サービスの計画と実績'],
    headerRows: 2,
    stubCols: 1,
    blockRows: [6, 7, 12, 13],
    rows: [
      ...head('実利用者数\n（人/月）'),
      ['居宅介護', '152', '147', '158', '161'],
      ['重度訪問介護', '9', '8', '10', '10'],
      ['同行援護', '31', '33', '32', '35'],
      ['行動援護', '12', '10', '13', '11'],
      ...head('延べ利用時間\n（時間/月）'),
      ['居宅介護', '2,736', '2,588', '2,844', '2,866'],
      ['重度訪問介護', '1,620', '1,496', '1,800', '1,830'],
      ['同行援護', '434', '429', '448', '455'],
      ['行動援護', '216', '190', '234', '209'],
      ...head('事業所数\n（か所）'),
      ['居宅介護', '24', '25', '25', '26'],
      ['同行援護', '6', '6', '7', '6'],
    ],
  };

  it('finds one table, its blocks read by their own corner: the hours as hours, the offices as places', async () => {
    const path = await drawTablesPdf('第7期 出雲崎町障害福祉計画 進捗状況', [table], 'grid', 'blocks.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables.map((t) => [t.nRows, t.nCols])).toEqual([[16, 5]]);
    const rows = obs(await exportFixture(path));
    expect(rows).toHaveLength(4 * 4 + 4 * 4 + 2 * 4);
    // the first block, by the table's first corner
    expect(rows).toContain('居宅介護 | 実利用者数 | 2023 | actual | 147 | person/month');
    expect(rows).toContain('行動援護 | 実利用者数 | 2024 | plan | 13 | person/month');
    // the second block: hours, not persons
    expect(rows).toContain('居宅介護 | 延べ利用時間 | 2023 | actual | 2588 | hour/month');
    expect(rows).toContain('重度訪問介護 | 延べ利用時間 | 2024 | plan | 1800 | hour/month');
    expect(rows).toContain('行動援護 | 延べ利用時間 | 2024 | actual | 209 | hour/month');
    // the third block: places
    expect(rows).toContain('居宅介護 | 事業所数 | 2024 | actual | 26 | facility');
    expect(rows).toContain('同行援護 | 事業所数 | 2023 | plan | 6 | facility');
    // no value of a later block keeps the first corner's unit
    expect(rows.filter((r) => r.endsWith('person/month'))).toHaveLength(16);
    expect(rows.filter((r) => r.endsWith('hour/month'))).toHaveLength(16);
    expect(rows.filter((r) => r.endsWith('facility'))).toHaveLength(8);
  }, 60_000);
});
