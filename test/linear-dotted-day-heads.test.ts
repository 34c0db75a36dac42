/**
 * Family "days written with dots as column heads" (`R4.3.31`, `2022.4.1`: the time point of a count, over each
 * value column of a table copied one cell per line or one row per line): two rows under such a header were no table,
 * as the heads did not count as periods (three rows were needed), so the values fell to prose and lost their years.
 * Now a day written with two dots is a period head (extractor/src/linear/tokens.ts, isPeriodToken), and two rows
 * under it are a table. Found on the tuned corpus (seed 9, a second cell-per-line table of 受給者数); the document
 * here is in other words.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('dotted days as column heads of a linearized table', () => {
  const n = normalizeLayout('linear-dotted-day-heads.txt');
  const of = (label: string) =>
    n.observations.filter((o) => o.indicator_label.endsWith(label)).map((o) => [o.fiscal_year, o.value]);

  it('reads two rows written one cell per line under dotted days', () => {
    expect(of('要支援認定者')).toEqual([
      [2021, 1204],
      [2022, 1258],
      [2023, 1301],
    ]);
    expect(of('要介護認定者')).toEqual([
      [2021, 3880],
      [2022, 3942],
    ]);
  });

  it('reads two rows written one row per line under dotted days', () => {
    const spaced = n.observations.filter((o) => o.table_index === 1).map((o) => [o.fiscal_year, o.value]);
    expect(spaced).toEqual([
      [2022, 18],
      [2023, 19],
      [2024, 21],
      [2022, 25],
      [2023, 24],
      [2024, 24],
    ]);
  });
});
