// Family "counts that look like years": a count of four digits written without its comma (1,995 users as `1995`)
// in a table whose years are written otherwise (`令和4年度`) is a count — before, such a cell was read as the year
// 1995: the column or row it stood in became a header (its values lost, or every value below dated 1995), or the
// column a stub. A table that writes its years as four digits alone (`| 区分 | 2020 | 2021 |`) still reads them so.
// The document is written here, in other words than the generated one where the family was found (a markdown
// progress table of 居宅介護支援 with `| | 実績値 | 1995 |`).

import type { Observation } from '@shiryo/model';
import { writesBareYears } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('counts that look like years', () => {
  const n = normalizeLayout('counts-like-years.md');
  const table = (i: number) => n.observations.filter((o) => o.table_index === i).map(row);

  it('reads 2019 and 1998 in a column under 令和4年度 実績 as counts (the column was a year header before)', () => {
    expect(table(0)).toEqual([
      ['居宅介護', 2022, 'actual', 2019, 'person/month'],
      ['居宅介護', 2023, 'plan', 2100, 'person/month'],
      ['重度訪問介護', 2022, 'actual', 45, 'person/month'],
      ['重度訪問介護', 2023, 'plan', 50, 'person/month'],
      ['同行援護', 2022, 'actual', 1998, 'person/month'],
      ['同行援護', 2023, 'plan', 2010, 'person/month'],
    ]);
  });

  it('reads years as rows with counts between 1987 and 2100 (was FY2000 and a label 1987)', () => {
    expect(table(1).map((r) => [r[1], r[2], r[3]])).toEqual([
      [2021, 'plan', 2000],
      [2021, 'actual', 1987],
      [2022, 'plan', 2050],
      [2022, 'actual', 2011],
      [2023, 'plan', 2100],
      [2023, 'actual', 2024],
    ]);
  });

  it('keeps a row of counts under era years a body row, not a second header row (TSV)', () => {
    expect(table(2).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      [2022, 'plan', 2020, 'person_day/month'],
      [2023, 'plan', 2030, 'person_day/month'],
      [2022, 'actual', 2015, 'person_day/month'],
      [2023, 'actual', 2022, 'person_day/month'],
    ]);
  });

  it('still reads a header of bare western years as years, and a count among them as a count', () => {
    expect(table(3).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['短期入所', 2020, 310],
      ['短期入所', 2021, 2019],
      ['短期入所', 2022, 355],
    ]);
  });
});

describe('writesBareYears', () => {
  const t = (rows: string[][], headerRows = 0) => ({
    nRows: rows.length,
    nCols: rows[0]!.length,
    headerRows,
    cells: rows.flatMap((r, row) =>
      r.map((text, col) => ({ row, col, rowSpan: 1, colSpan: 1, text, orig: text, role: 'body' as const })),
    ),
  });
  it('is true for years in the first row or column, or two side by side a year apart or the same', () => {
    expect(
      writesBareYears(
        t([
          ['区分', '2021'],
          ['A', '3'],
        ]),
      ),
    ).toBe(true);
    expect(
      writesBareYears(
        t([
          ['年度', '計画'],
          ['2019', '100'],
        ]),
      ),
    ).toBe(true);
    expect(
      writesBareYears(
        t([
          ['サービス', '計画', '計画'],
          ['', '2021', '2022'],
          ['A', '1', '2'],
        ]),
      ),
    ).toBe(true);
    expect(
      writesBareYears(
        t([
          ['サービス', '計画', '計画'],
          ['', '2021', '2021'],
          ['A', '1', '2'],
        ]),
      ),
    ).toBe(true);
  });
  it('is false for counts of four digits in the body of a table with era years', () => {
    expect(
      writesBareYears(
        t([
          ['区分', '令和4年度', '令和5年度'],
          ['見込量', '2020', '2030'],
          ['実績', '2015', '2022'],
        ]),
      ),
    ).toBe(false);
    expect(
      writesBareYears(
        t([
          ['区分', 'R4'],
          ['A', '1995'],
          ['B', '2000'],
        ]),
      ),
    ).toBe(false);
  });
});
