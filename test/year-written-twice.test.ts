/**
 * test/layouts/year-written-twice.tsv and short-plan-term-ranges.md (written for this test): family "a year written
 * twice" — the same year in western digits and in its era side by side (`2021年度（令和3年度）`, `2022/R4`,
 * `R5(2023)`, `H30 2018`, `2019 H31/R1`) is one year, not a year and a label beside it (which read every value of
 * such a row as a base); and family "a plan term's years written short" (`R3～5`, `2021-23年度`, `（2021～2023）`
 * after 第8期), read as the term's range, whose target is its last year.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value];

describe('a year written twice, in both calendars', () => {
  const obs = normalizeLayout('year-written-twice.tsv').observations;
  const rows = obs.map(row);

  it('reads a row labelled 2021年度（令和3年度）, 2022/R4 or R5(2023) as that year’s results', () => {
    expect(rows).toContainEqual(['訪問看護', 2021, 'actual', 412]);
    expect(rows).toContainEqual(['通所リハビリテーション', 2022, 'actual', 702]);
    expect(rows).toContainEqual(['短期入所生活介護', 2023, 'actual', 1230]);
    expect(obs.filter((o) => o.value_kind !== 'actual')).toEqual([]);
  });

  it('keeps the second writing out of the label', () => {
    expect(obs.filter((o) => /令和|年度|R\d|\d{4}/u.test(o.indicator_label))).toEqual([]);
  });

  it('reads column heads H30 2018, 2019 H31/R1, R2 2020 as 2018, 2019, 2020', () => {
    const prev = obs.filter((o) => o.indicator_label === '介護予防訪問看護').map((o) => [o.fiscal_year, o.value]);
    expect(prev).toEqual([
      [2018, 35],
      [2019, 38],
      [2020, 41],
    ]);
  });
});

describe('a plan term’s years written short', () => {
  const obs = normalizeLayout('short-plan-term-ranges.md').observations;
  const rows = obs.map(row);

  it('reads the target under 第8期目標（R3～5） as the term’s last year’s, with no range left in the label', () => {
    expect(rows).toContainEqual(['通いの場の参加者数', 2023, 'target', 1500]);
    expect(rows).toContainEqual(['認知症サポーター養成数', 2023, 'target', 900]);
  });

  it('reads 第8期（2021～2023）目標 the same way', () => {
    expect(rows).toContainEqual(['入退院支援ルール参加事業所数', 2023, 'target', 60]);
    expect(rows).toContainEqual(['入退院支援ルール参加事業所数', 2022, 'actual', 52]);
  });

  it('leaves no range in any label', () => {
    expect(obs.filter((o) => /[～~]|\(|（/u.test(o.indicator_label))).toEqual([]);
  });
});

describe('a point in time after a year written twice', () => {
  const rows = normalizeLayout('glossed-year-ends.tsv').observations.map(row);

  it('reads 2022年（令和4年）3月末 as the end of March 2022, in FY2021', () => {
    expect(rows).toContainEqual(['身体障害者手帳', 2021, 'actual', 3402]);
    expect(rows).toContainEqual(['療育手帳', 2022, 'actual', 840]);
  });

  it('reads 2024年度（令和6年度）末 as the end of FY2024', () => {
    expect(rows).toContainEqual(['療育手帳', 2024, 'actual', 866]);
  });
});
