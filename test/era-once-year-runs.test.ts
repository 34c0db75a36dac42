/**
 * test/layouts/era-once-year-runs.tsv and series-line-first-gan.txt (written for this test): family "bare years" —
 * the era written once, on the first year of a run of column heads (`R2 | 3 | 4`, `令和元年度 | 2 | 3`), the rest bare
 * numbers continuing it; and a series of year-end values whose first year is 元 (`元年度末：17.9% 2年度末：…`) on the
 * line under its label, which the text joins to the label (`…の割合元年度末`).
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value];

describe('the era written once, on the first of a run of years', () => {
  const obs = normalizeLayout('era-once-year-runs.tsv').observations;
  const rows = obs.map(row);

  it('reads R2 | 3 | 4 as 2020, 2021, 2022', () => {
    expect(rows).toContainEqual(['介護予防教室', 2020, 'plan', 48]);
    expect(rows).toContainEqual(['介護予防教室', 2021, 'actual', 44]);
    expect(rows).toContainEqual(['認知症カフェ', 2022, 'plan', 8]);
  });

  it('reads 令和元年度 | 2 | 3 as 2019, 2020, 2021', () => {
    expect(rows).toContainEqual(['通いの場の数', 2019, 'actual', 22]);
    expect(rows).toContainEqual(['通いの場の数', 2021, 'actual', 31]);
  });

  it('takes no bare number into a label, and every value has its year', () => {
    expect(obs.filter((o) => /\d/u.test(o.indicator_label) || o.fiscal_year === null)).toEqual([]);
  });
});

describe('a series of year ends starting at 元, under its label', () => {
  const obs = normalizeLayout('series-line-first-gan.txt').observations;

  it('reads 元年度末 as the end of FY2019, and keeps it out of the label', () => {
    expect(obs.map(row)).toContainEqual(['要介護認定を受けた高齢者の割合', 2019, 'actual', 17.9]);
    expect(obs.map(row)).toContainEqual(['介護予防ボランティアの登録者数', 2019, 'actual', 88]);
    expect(obs.filter((o) => o.indicator_label.includes('元'))).toEqual([]);
  });
});
