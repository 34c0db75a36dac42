/**
 * Row labels centred on the rows they head in a space-aligned text (`pdftotext -layout` of a table whose label
 * cells span rows): a label on a line of its own between the rows of an even group, on the middle row of an odd one,
 * on its row's line for a group of one; letters of a vertical group label down the margin; the right edges of a
 * column's numbers one character apart. The layout (春日部市, 介護 services, 3/2/1/4/1 rows a group) is in other
 * words than the fixture that showed the family (pdf-lo-ruled-plan-actual written by pdftotext -layout).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const GROUPS: [string, [string, number[]][]][] = [
  [
    '訪問介護',
    [
      ['person/month', [410, 398, 425, 402]],
      ['time/month', [9820, 9514, 10230, 9688]],
      ['hour/month', [4120, 3987, 4300, 4051]],
    ],
  ],
  [
    '訪問入浴介護',
    [
      ['person/month', [36, 31, 38, 33]],
      ['time/month', [172, 149, 181, 160]],
    ],
  ],
  ['通所介護', [['person/month', [1240, 1198, 1275, 1231]]]],
  [
    '短期入所生活介護',
    [
      ['person/month', [188, 176, 195, 181]],
      ['person_day/month', [2310, 2154, 2400, 2236]],
      ['person/year', [950, 902, 980, 933]],
      ['person_day/year', [27700, 25848, 28800, 26832]],
    ],
  ],
  ['福祉用具貸与', [['person/month', [1720, 1688, 1790, 1742]]]],
];

describe('labels centred on their rows, read from a pdftotext -layout text', () => {
  const n = normalizeLayout('linear-aligned-centred-labels.txt');

  it('gives every value the label of its group, its unit, year and kind (44 values, one table)', () => {
    const want = GROUPS.flatMap(([label, rows]) =>
      rows.flatMap(([unit, [p6, a6, p7, a7]]) => [
        [label, unit, 2024, 'plan', p6],
        [label, unit, 2024, 'actual', a6],
        [label, unit, 2025, 'plan', p7],
        [label, unit, 2025, 'actual', a7],
      ]),
    );
    expect(n.observations.map((o) => [o.indicator_label, o.unit, o.fiscal_year, o.value_kind, o.value])).toEqual(want);
    expect(new Set(n.observations.map((o) => o.table_index))).toEqual(new Set([0]));
  });

  it('the municipality is the one the title names', () => {
    expect(new Set(n.observations.map((o) => o.municipality_name))).toEqual(new Set(['春日部市']));
  });
});
