/**
 * Years named relative to another: 本年度/前年度 of a budget book's title year, a difference of two named years, a
 * change counted from a year, a western gloss after an era year, projections after the document's date.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.value_kind, o.fiscal_year, o.value];

describe('a budget book: 本年度 / 前年度 of the year its title names', () => {
  const n = normalizeLayout('budget-relative-years.txt');
  const rows = n.observations.map(row);

  // The column words are budget kind words (`budgetKindOfWord`): the line item alone is the indicator.
  it('dates 本年度 FY2025, 前年度 FY2024, and their 比較 FY2025', () => {
    expect(rows).toEqual(
      expect.arrayContaining([
        ['総務費', 'plan', 2025, 41200],
        ['総務費', 'plan', 2024, 39800],
        ['総務費', 'deviation', 2025, 1400],
        ['保険給付費', 'plan', 2024, 498100],
        ['保険給付費', 'deviation', 2025, 14200],
      ]),
    );
  });

  it('dates a difference headed by its two years (`増減（R7－R3）`) by the later one', () => {
    expect(rows).toContainEqual(['地域密着型施設', 'deviation', 2025, 3]);
  });
});

describe('projections after the document date, and a change counted from a year', () => {
  const n = normalizeLayout('projection-rows.txt');
  const rows = n.observations.map(row);

  it('reads 令和12年度（2030） as one year, and values of years not begun at the date (令和5年10月) as plans', () => {
    expect(rows).toEqual(
      expect.arrayContaining([
        ['第1号被保険者数', 'actual', 2022, 31240],
        ['第1号被保険者数', 'plan', 2024, 31580],
        ['第1号被保険者数', 'plan', 2030, 31020],
        ['認定者数', 'plan', 2030, 6240],
      ]),
    );
  });

  it('dates `令和2年度末と比べて212人増加` by the value it changes to (令和5年9月末), not by 令和2年度', () => {
    expect(rows).toContainEqual(['認定者数', 'deviation', 2023, 212]);
  });
});
