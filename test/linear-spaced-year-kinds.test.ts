/**
 * Family "a year and its bracketed kind set apart in a linear header" (`R3 （計画値） R3 （実績） R3 （対計画比（％））`):
 * a text export that wrote a two-line header cell (`R3` over `（実績）`) on one line. Each bracketed kind word
 * belongs to the year before it, a rate with its own bracketed unit (`（対計画比（％））`) too; before, that one broke
 * the header and every value of the table was read as a result in percent of the first year.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('linear-spaced-year-kinds.txt');
const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit]);

describe('a linear header of years with bracketed kinds', () => {
  it('reads each column as its year and kind', () => {
    expect(rows).toContainEqual(['居宅介護', 2021, 'plan', 820, 'hour/month']);
    expect(rows).toContainEqual(['居宅介護', 2021, 'actual', 779, 'hour/month']);
    expect(rows).toContainEqual(['居宅介護', 2022, 'achievement_rate', 102.5, 'percent']);
    expect(rows).toContainEqual(['行動援護', 2023, 'plan', 44, 'hour/month']);
  });

  it('reads every value once: 3 services × 7 columns', () => {
    expect(rows).toHaveLength(21);
    expect(rows.filter((r) => r[2] === 'achievement_rate')).toHaveLength(6);
  });
});
