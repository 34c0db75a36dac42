/**
 * A table of years as rows closed by an average over several years (`直近3か年平均`, `過去５年間平均`): the rate or
 * difference in that row compares the average, of no single year, like the amounts beside it — not the table's
 * latest year (real-kobe-saisyutu-hikaku21's 普通建設事業費 table, here in other words).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('an average row under years as rows (直近3か年平均 | 53,254 | 4.0)', () => {
  const n = normalizeLayout('average-row-comparison.txt');
  const at = (row: number, col: number) => n.observations.find((o) => o.row === row && o.col === col);

  it('leaves the rate of the average row undated, like its amount', () => {
    expect(at(4, 1)).toMatchObject({ value: 53254000, fiscal_year: null, value_kind: 'actual' });
    expect(at(4, 2)).toMatchObject({ value: 4, fiscal_year: null, value_kind: 'deviation' });
  });

  it('still dates the rates of the year rows by their row', () => {
    expect(at(3, 2)).toMatchObject({ value: 3.8, fiscal_year: 2023, value_kind: 'deviation' });
    expect(at(1, 2)).toMatchObject({ value: 4.1, fiscal_year: 2021, value_kind: 'deviation' });
  });
});
