/**
 * test/layouts/western-year-forms.tsv, *.html (written for this test): family "year forms" (docs/OBSERVATIONS.md,
 * fiscal_year) — the ways an office writes the year of a column or a row beside `令和3年度` and `2021年度`: `FY2021`,
 * a western year and month by a dot or slash at a point in time (`2022.3末` → the fiscal year containing it, 2021),
 * western years written as bare numbers down a stub under `年度`.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value];

describe('western year forms', () => {
  const rows = normalizeLayout('western-year-forms.tsv').observations.map(row);

  it('reads FY2021 as fiscal year 2021', () => {
    expect(rows).toContainEqual(['計画相談支援', 2020, 48]);
    expect(rows).toContainEqual(['計画相談支援', 2022, 57]);
    expect(rows).toContainEqual(['地域移行支援', 2021, 1]);
  });

  it('reads 2022.3末 and 2023/3月末 as the fiscal year containing that day', () => {
    expect(rows).toContainEqual(['共同生活援助の定員', 2020, 84]);
    expect(rows).toContainEqual(['共同生活援助の定員', 2021, 90]);
    expect(rows).toContainEqual(['共同生活援助の定員', 2022, 101]);
  });

  it('reads bare western years down a stub under 年度 as the rows’ years, not as values', () => {
    expect(rows).toContainEqual(['派遣件数', 2019, 231]);
    expect(rows).toContainEqual(['派遣件数', 2021, 204]);
    expect(rows.filter((r) => r[2] === 2019 || r[2] === 2020)).toEqual([]);
  });
});

describe('years written once over a run of bare numbers', () => {
  const n = normalizeLayout('spanned-year-header.html');
  const rows = n.observations.map(row);

  it('reads 3 | 4 | 5 under a spanning 年度 in the document’s era (令和6年度 in its title)', () => {
    expect(rows).toContainEqual(['就労継続支援B型', 2021, 311]);
    expect(rows).toContainEqual(['就労継続支援B型', 2023, 340]);
    expect(rows).toContainEqual(['自立訓練(生活訓練)', 2022, 12]);
  });

  it('reads 27 | 28 | 29 | 30 under 平成（年度） in the era it names, which labels nothing', () => {
    const moves = n.observations.filter((o) => o.unit === 'person' && o.value >= 95 && o.value <= 104);
    expect(moves.map((o) => [o.fiscal_year, o.value])).toEqual([
      [2015, 95],
      [2016, 101],
      [2017, 99],
      [2018, 104],
    ]);
    expect(moves.filter((o) => /平成|年度/u.test(o.indicator_label))).toEqual([]);
  });

  it('takes no 1 | 2 | 3 under a header naming a year (令和6年度) for years, nor for values', () => {
    const short = n.observations.filter((o) => o.indicator_label.startsWith('短期入所'));
    expect(short.map((o) => [o.fiscal_year, o.value])).toEqual([
      [2024, 60],
      [2024, 61],
      [2024, 62],
    ]);
  });

  it('takes no 26 | 27 | 28 under 令和元年度 (a year with no digit) for bare years', () => {
    const gh = n.observations.filter((o) => o.indicator_label === '共同生活援助');
    expect(gh.map((o) => [o.fiscal_year, o.value])).toEqual([
      [2019, 26],
      [2020, 27],
      [2021, 28],
    ]);
  });

  it('reads a western year fused with a kind word (2023見込, 2024計画)', () => {
    expect(
      n.observations.filter((o) => o.indicator_label === '日中一時支援').map((o) => [o.fiscal_year, o.value]),
    ).toEqual([
      [2023, 52],
      [2024, 55],
    ]);
  });
});
