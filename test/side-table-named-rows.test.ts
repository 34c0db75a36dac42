/**
 * Family "side tables": a sheet prints a second small table on the same lines as its main one, in one grid, its
 * column of row names headed `X（Y名）` (real-kobe-zaisei-itiran21: `資金不足比率（公営企業会計名）` beside 財政指標名; here
 * `充足率（施設名）` beside 財務指標名). The numbers right of that column are X of the row's Y, not indicators named by
 * the row (`北保育所`), and the main table keeps its own row names.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a side table whose name column is headed 充足率（施設名）', () => {
  const n = normalizeLayout('side-table-named-rows.md');
  const at = (row: number, col: number) => n.observations.find((o) => o.row === row && o.col === col);

  it('reads its numbers as 充足率 of each 施設, in percent', () => {
    expect(at(1, 5)).toMatchObject({ indicator_label: '充足率', subgroup: '北保育所', fiscal_year: 2023, value: 90.5 });
    expect(at(3, 4)).toMatchObject({ indicator_label: '充足率', subgroup: '西保育所', fiscal_year: 2022, value: 85 });
    expect(at(3, 4)?.unit).toBe('percent');
  });

  it('leaves the main table its own row names', () => {
    expect(at(1, 2)).toMatchObject({ indicator_label: '経常収支比率', subgroup: null, fiscal_year: 2023, value: 96 });
    expect(at(2, 1)).toMatchObject({ indicator_label: '財政力指数', value: 0.71 });
  });
});
