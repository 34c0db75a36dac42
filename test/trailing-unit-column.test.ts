/**
 * Family "unit column after the values" (`unit.trailing-unit-column`): a column headed `単位` to the right of the
 * numbers — after a remarks column here — gives each row's numbers their unit, where neither the row's label nor
 * the column's header states one. Before, those numbers had no unit. Found on a blind fixture (米子市, a CSV whose
 * `利用量の単位` column is at the far right); the document here is HTML in other words (上越市, 総合事業).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a unit column after the values', () => {
  const n = normalizeLayout('trailing-unit-column.html');
  const of = (v: number) =>
    n.observations.filter((o) => o.value === v).map((o) => [o.indicator_label, o.unit, o.fiscal_year]);

  it("gives each row's numbers the unit of its own row", () => {
    expect(of(1251)).toEqual([['訪問型サービス', 'case/year', 2023]]);
    expect(of(6380)).toEqual([['通所型サービス', 'person_day/year', 2022]]);
    expect(of(3002)).toEqual([['介護予防ケアマネジメント', 'case/year', 2023]]);
  });
});
