/**
 * A kind word inside one column's name (`うち一般会計負担見込額`) says nothing of the other columns of the table: they
 * keep the kind the caption or the document gives them (`kind.unnamed-column-beside-kinds` needs columns that name a
 * kind alone or with a year, `比較`, `R1実績`).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('one column named with a kind word among columns named otherwise', () => {
  const n = normalizeLayout('settlement-one-estimate-column.tsv');

  it('leaves the other columns of a settlement sheet results, and the estimate column a plan', () => {
    expect(n.observations.map((o) => [o.indicator_label, o.value_kind, o.value])).toEqual([
      ['上水道事業会計 総収益', 'actual', 12_400_000_000],
      ['上水道事業会計 総費用', 'actual', 11_900_000_000],
      ['上水道事業会計 純損益', 'actual', 500_000_000],
      ['上水道事業会計 企業債現在高', 'actual', 40_210_000_000],
      ['上水道事業会計 うち一般会計負担', 'plan', 2_110_000_000],
      ['下水道事業会計 総収益', 'actual', 9_800_000_000],
      ['下水道事業会計 総費用', 'actual', 9_950_000_000],
      ['下水道事業会計 純損益', 'actual', -150_000_000],
      ['下水道事業会計 企業債現在高', 'actual', 61_300_000_000],
      ['下水道事業会計 うち一般会計負担', 'plan', 8_420_000_000],
    ]);
    expect(n.observations.every((o) => o.fiscal_year === 2022 && o.unit === 'yen')).toBe(true);
  });
});
