/**
 * A budget book's 目 table with the sources of the year's budget beside it (`財源内訳`: 国県支出金 … 一般財源), drawn
 * here (test/pdf-table-maker.ts) in words of no fixture: the `計` row totals the 項 the caption names in every column,
 * the source columns too (`label.account-total-row`): `道路橋りょう費 国県支出金`, not the column header alone.
 */
import { describe, expect, it } from 'vitest';
import { type DrawTable, drawTablesPdf, fontAvailable } from './pdf-table-maker.js';
import { exportFixture } from './pipeline.js';

const obs = (rows: Record<string, unknown>[]) =>
  rows
    .filter((r) => r.table_index !== null && r.table_index !== undefined)
    .map((r) => [r.indicator_label, r.subgroup, r.fiscal_year, r.value_kind, r.value, r.unit].join(' | '));

describe.skipIf(!fontAvailable())('the 計 row of a 目 table with source columns', () => {
  it('names the 項 in the source columns of its 計 row, as in its amount columns', async () => {
    const table: DrawTable = {
      before: ['８款 土木費 1,204,800千円', '２項 道路橋りょう費 512,300千円'],
      headerRows: 2,
      stubCols: 1,
      rows: [
        ['目', '本年度予算額', '前年度予算額', '比較', '国県支出金', '地方債', '一般財源'],
        ['', '千円', '千円', '千円', '千円', '千円', '千円'],
        ['1 道路橋りょう総務費', '96,100', '94,800', '1,300', '', '', '96,100'],
        ['2 道路維持費', '416,200', '398,500', '17,700', '62,000', '120,000', '234,200'],
        ['計', '512,300', '493,300', '19,000', '62,000', '120,000', '330,300'],
      ],
    };
    const path = await drawTablesPdf('令和7年度 北浜台町一般会計予算書 歳出', [table], 'grid', 'account-sources.pdf');
    const rows = obs(await exportFixture(path));
    expect(rows).toContain('道路橋りょう費 | 計 | 2025 | plan | 512300000 | yen');
    expect(rows).toContain('道路橋りょう費 国県支出金 | 計 | 2025 | plan | 62000000 | yen');
    expect(rows).toContain('道路橋りょう費 地方債 | 計 | 2025 | plan | 120000000 | yen');
    expect(rows).toContain('道路橋りょう費 一般財源 | 計 | 2025 | plan | 330300000 | yen');
  });

  it('does so too when the 款 / 項 captions are read as a little table of their own above it', async () => {
    const captions: DrawTable = {
      headerRows: 0,
      stubCols: 1,
      rows: [
        ['６款 農林水産業費', '438,900千円'],
        ['１項 農業費', '301,600千円'],
      ],
    };
    const table: DrawTable = {
      headerRows: 2,
      stubCols: 1,
      rows: [
        ['目', '本年度予算額', '前年度予算額', '比較', '国県支出金', 'その他', '一般財源'],
        ['', '千円', '千円', '千円', '千円', '千円', '千円'],
        ['1 農業委員会費', '41,600', '40,900', '700', '3,100', '', '38,500'],
        ['2 農業振興費', '260,000', '251,200', '8,800', '44,000', '16,000', '200,000'],
        ['計', '301,600', '292,100', '9,500', '47,100', '16,000', '238,500'],
      ],
    };
    const path = await drawTablesPdf(
      '令和7年度 北浜台町一般会計予算書 歳出',
      [captions, table],
      'grid',
      'account-captions.pdf',
    );
    const rows = obs(await exportFixture(path));
    expect(rows).toContain('農業費 | 計 | 2025 | plan | 301600000 | yen');
    expect(rows).toContain('農業費 国県支出金 | 計 | 2025 | plan | 47100000 | yen');
    expect(rows).toContain('農業費 一般財源 | 計 | 2025 | plan | 238500000 | yen');
  });
});
