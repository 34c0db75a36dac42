/**
 * Family "which years are results, said in a note" (`kind.note-year-kinds`): a note under a table naming spans of
 * its years and what their figures are (`（注）2021～2022年度は…実績値、2023年度は実績見込み、2024年度以降は推計値`,
 * `※令和５年度は見込みです。`) gives the values of those years, that no header gives a kind, that kind — before the
 * caption's kind (`…の推計` over the whole table). Before, every year of the first table was a plan (the caption) and
 * every year of the second a result.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const rowsOf = (name: string) =>
  normalizeLayout(name).observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value]);

describe('a note giving spans of years their kinds', () => {
  const rows = rowsOf('note-year-kinds.txt');

  it('reads the years the note calls results as results, under a caption of projections', () => {
    expect(rows).toContainEqual(['総人口', 2021, 'actual', 118420]);
    expect(rows).toContainEqual(['65歳以上人口', 2022, 'actual', 35820]);
  });

  it('reads the estimated year as an estimate and the years after it as plans', () => {
    expect(rows).toContainEqual(['総人口', 2023, 'estimate', 117210]);
    expect(rows).toContainEqual(['65歳以上人口', 2026, 'plan', 36220]);
  });

  it('gives the one year a note names its kind, years as rows, and leaves the others as they were', () => {
    expect(rows).toContainEqual(['訪問型サービス', 2023, 'plan', 428]);
    expect(rows).toContainEqual(['通所型サービス', 2021, 'actual', 611]);
  });
});
