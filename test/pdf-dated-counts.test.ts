/**
 * A ruled table of bases and targets, drawn here (test/pdf-table-maker.ts) in words of no fixture or corpus document:
 * each base cell holds its time point and its count on two lines (`令和 4 年度末 / 180 人`, spaced as LibreOffice sets
 * digits among kanji), each target cell a count in words. Such rows are body rows, not more header rows.
 */
import { extractDocument, tableToGrid } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture } from './pipeline.js';

const grid = (t: { cells: unknown[] }) =>
  tableToGrid(t as Parameters<typeof tableToGrid>[0]).map((r) => r.map((c) => c?.text ?? ''));

/** Observations as `label | year | kind | value | unit | qualifier`. */
const obs = (rows: Record<string, unknown>[]) =>
  rows
    .filter((r) => r.table_index !== null && r.table_index !== undefined)
    .map((r) => [r.indicator_label, r.fiscal_year, r.value_kind, r.value, r.unit, r.qualifier].join(' | '))
    .sort();

describe.skipIf(!fontAvailable())('a ruled table whose base cells hold a time point and a count', () => {
  const table = {
    before: ['表3-2 成果目標（南部地域）'],
    headerRows: 1,
    stubCols: 1,
    rows: [
      ['目標項目', '基準', '目標（令和8年度）'],
      ['(1) 地域生活への移行者数', '令和 4 年度末の入所者数\n180 人', '令和 8 年度末までに\n11 人以上'],
      ['(2) 施設入所者数', '令和 4 年度末\n180 人', '令和 8 年度末時点で\n171 人以下'],
      ['(3) 一般就労への移行者数', '令和 3 年度\n24 人', '令和 8 年度中に\n31 人以上'],
      ['(4) 協議の場の開催回数', '令和 4 年度\n年 3 回', '年 4 回以上'],
      ['(5) 就労定着率が8割以上の事業所の割合', '令和 4 年度\n2 割', '3 割以上'],
    ],
  };

  it('keeps one header row; the dated counts are body cells, each read as its value', async () => {
    const path = await drawTablesPdf('第7期 南部町障害福祉計画 成果目標', [table], 'grid', 'dated-counts.pdf');
    const doc = await extractDocument(path);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.headerRows).toBe(1);
    // the second base keeps its own text (not taken for scrambled pieces of the first one's label)
    expect(grid(t)[2]![1]!.replace(/\s+/g, '')).toBe('令和4年度末180人');
    const rows = obs(await exportFixture(path));
    // (the base of (1) names what it counts, `入所者数`: it is read with the row's label, the measure word joined)
    expect(
      rows.filter((r) => r.startsWith('地域生活への移行者数') && r.includes('| 2022 | baseline | 180 |')),
    ).toHaveLength(1);
    expect(rows).toContain('地域生活への移行者数 | 2026 | target | 11 | person | gte');
    expect(rows).toContain('施設入所者数 | 2022 | baseline | 180 | person | ');
    expect(rows).toContain('施設入所者数 | 2026 | target | 171 | person | lte');
    expect(rows).toContain('一般就労への移行者数 | 2021 | baseline | 24 | person | ');
    expect(rows).toContain('一般就労への移行者数 | 2026 | target | 31 | person | gte');
    expect(rows).toContain('協議の場の開催回数 | 2026 | target | 4 | time/year | gte');
  }, 60_000);
});
