import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// Tables copied one cell per line (a web page or a PDF viewer), in the shapes readCellLines misread before
// (test/layouts/linear-cell-*.txt, written for these tests): long group heads repeated over their columns, a
// full-width numbered heading right above a header, a header whose kind row comes first, counts that look like
// years, and a column of words (the national guideline) among the value columns. Each value must come out with
// the indicator, year, kind and unit the table gives it, as the same table written as TSV gives them.
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];
const rows = (name: string) => normalizeLayout(name).observations.map(row);

describe('group heads longer than a cell, repeated over their columns', () => {
  const got = rows('linear-cell-long-group-heads.txt');
  const visits = '地域生活支援拠点等の機能の充実に向けた運用状況の検証及び検討の年間実施回数';
  const coordinators = '相談、緊急時の受入れ及び体験の機会を担うコーディネーターの配置人数';
  const medical = '医療的ケア児等に対する関連分野の支援を調整するコーディネーターの配置人数';

  it('names each group of years by its head, commas and all', () => {
    expect(got.filter((r) => r[0] === visits)).toEqual([
      [visits, 2024, 'plan', 2, 'time/year'],
      [visits, 2025, 'plan', 2, 'time/year'],
      [visits, 2026, 'plan', 3, 'time/year'],
      [visits, 2024, 'actual', 2, 'time/year'],
      [visits, 2025, 'actual', 1, 'time/year'],
    ]);
    expect(got.filter((r) => r[0] === coordinators)).toEqual([
      [coordinators, 2024, 'plan', 1, 'person'],
      [coordinators, 2025, 'plan', 1, 'person'],
      [coordinators, 2026, 'plan', 2, 'person'],
      [coordinators, 2024, 'actual', 1, 'person'],
      [coordinators, 2025, 'actual', 2, 'person'],
    ]);
  });

  it('reads a row label longer than a cell before its kind and values', () => {
    expect(got.filter((r) => r[0] === medical)).toEqual([
      [medical, 2024, 'plan', 3, 'person'],
      [medical, 2025, 'plan', 4, 'person'],
      [medical, 2026, 'plan', 4, 'person'],
      [medical, 2024, 'actual', 2, 'person'],
      [medical, 2025, 'actual', 3, 'person'],
    ]);
    expect(got).toHaveLength(15);
  });
});

describe('a full-width numbered heading above a header, and a header whose kinds come first', () => {
  const got = rows('linear-cell-headings-kinds-first.txt');

  it('keeps the heading out of the header: each service over its own three years', () => {
    expect(got.filter((r) => r[0] === '訪問入浴サービス事業')).toEqual([
      ['訪問入浴サービス事業', 2024, 'plan', 12, 'person/month'],
      ['訪問入浴サービス事業', 2025, 'plan', 12, 'person/month'],
      ['訪問入浴サービス事業', 2026, 'plan', 13, 'person/month'],
      ['訪問入浴サービス事業', 2024, 'actual', 11, 'person/month'],
      ['訪問入浴サービス事業', 2025, 'actual', 14, 'person/month'],
    ]);
    expect(got.filter((r) => r[0] === '日中一時支援事業' && r[4] === 'person/month')).toHaveLength(5);
  });

  it('places the kind row with its achievement rate over the period row', () => {
    expect(got.filter((r) => r[0] === '日中一時支援事業' && r[4] !== 'person/month')).toEqual([
      ['日中一時支援事業', 2024, 'plan', 1200, 'time/year'],
      ['日中一時支援事業', 2025, 'plan', 1260, 'time/year'],
      ['日中一時支援事業', 2023, 'actual', 1050, 'time/year'],
      ['日中一時支援事業', 2024, 'actual', 1130, 'time/year'],
      ['日中一時支援事業', 2024, 'deviation', -70, 'time/year'],
      ['日中一時支援事業', 2024, 'achievement_rate', 94.2, 'percent'],
    ]);
  });
});

describe('counts a year could be', () => {
  it('reads 2015, 2040 and 2088 after a unit as counts, not as years heading columns', () => {
    expect(rows('linear-cell-year-like-values.txt')).toEqual([
      ['通所介護', 2024, 'plan', 2015, 'time/month'],
      ['通所介護', 2025, 'plan', 2040, 'time/month'],
      ['通所介護', 2026, 'plan', 2088, 'time/month'],
      ['通所介護', 2024, 'actual', 1987, 'time/month'],
      ['通所リハビリテーション', 2024, 'plan', 812, 'time/month'],
      ['通所リハビリテーション', 2025, 'plan', 830, 'time/month'],
      ['通所リハビリテーション', 2026, 'plan', 845, 'time/month'],
      ['通所リハビリテーション', 2024, 'actual', 790, 'time/month'],
    ]);
  });
});

describe('a column of words among the value columns', () => {
  const got = rows('linear-cell-guideline-words.txt');

  it('reads every row under the same years, the guideline words in their own column', () => {
    const of = (stem: string) => got.filter((r) => String(r[0]).startsWith(stem)).map((r) => r.slice(1));
    // (persons by the measure word 者数, now that the guideline's words no longer end the label)
    expect(of('福祉施設から一般就労への移行者数')).toEqual([
      [2019, 'baseline', 42, 'person'],
      [2023, 'actual', 51, 'person'],
      [2026, 'target', 54, 'person'],
    ]);
    expect(of('地域生活への移行者数')).toEqual([
      [2023, 'actual', 3, 'person'],
      [2026, 'target', 5, 'person'],
    ]);
    // (the guideline's `年4回以上` is the country's target, no value of this town)
    expect(of('相談支援体制の検証の回数')).toEqual([
      [2023, 'actual', 3, 'time/year'],
      [2026, 'target', 4, 'time/year'],
    ]);
  });

  it("reads the words after a row's unit line as the guideline column, not as a stub cell", () => {
    const of = (stem: string) => got.filter((r) => String(r[0]).startsWith(stem)).map((r) => r.slice(1));
    expect(of('児童発達支援センターの設置数')).toEqual([
      [2024, 'plan', 1, 'facility'],
      [2025, 'plan', 1, 'facility'],
      [2026, 'plan', 2, 'facility'],
      [2024, 'actual', 1, 'facility'],
      [2025, 'actual', 1, 'facility'],
    ]);
    // (`％` is no unit word: its rows keep the same columns as the rows with `か所`)
    expect(of('障害児の保育所等への受入れ割合')).toEqual([
      [2024, 'plan', 40, 'percent'],
      [2025, 'plan', 42.5, 'percent'],
      [2026, 'plan', 45, 'percent'],
      [2024, 'actual', 38.2, 'percent'],
      [2025, 'actual', 41, 'percent'],
    ]);
    expect(got).toHaveLength(17);
  });
});

describe('a web copy that drops empty cells: rows shorter than the header', () => {
  // (test/layouts/linear-cell-empty-cells-dropped.txt: the first row leaves its note cell empty, the last its two
  // years; the first row's label names a date, which is no head of the table)
  const got = rows('linear-cell-empty-cells-dropped.txt');
  const of = (label: string) =>
    got.filter((r) => r[0] === label && r[4] !== 'ratio' && r[4] !== null).map((r) => r.slice(1));

  it("places a short row's values on the columns whose heads fit them, the note column left empty", () => {
    expect(of('就労移行支援利用者数').filter((r) => r[1] === 'actual')).toEqual([
      [2022, 'actual', 22, 'person'],
      [2023, 'actual', 27, 'person'],
    ]);
    // (the 目標値 column's 24: its year and kind, from a dated label, are the normalizer's reading, not asserted here)
    expect(
      of('就労移行支援利用者数')
        .filter((r) => r[1] !== 'actual')
        .map((r) => r[2]),
    ).toEqual([24]);
  });

  it('reads the full rows under the same heads, and a row that leaves out its years as its target alone', () => {
    expect(of('一般就労への移行者数')).toEqual([
      [null, 'target', 12, 'person'],
      [2022, 'actual', 9, 'person'],
      [2023, 'actual', 11, 'person'],
    ]);
    expect(of('就労定着支援の利用者数')).toEqual([
      [null, 'target', 8, 'person'],
      [2022, 'actual', 5, 'person'],
      [2023, 'actual', 6, 'person'],
    ]);
    expect(of('就労定着率が8割以上の事業所の割合')).toEqual([[null, 'target', 50, 'percent']]);
  });

  it('never takes the dated row label for a head, nor turns the years into plans', () => {
    expect(got.filter((r) => r[2] === 'plan' && r[4] === 'person')).toEqual([]);
    expect(got.some((r) => String(r[0]).includes('令和4年度実績'))).toBe(false);
  });
});

describe('rows that write a label, a measure and a unit under a header with a stub head for each', () => {
  // (test/layouts/linear-cell-measure-column.txt: `区分 / 内容 / 単位 / 2023年度（実績）…` over `事業 / 利用件数 / 件/年 /
  // …`; the first stub head was read as a paragraph and each row's label as a group heading before)
  const got = normalizeLayout('linear-cell-measure-column.txt').observations.map((o) => [
    o.indicator_label,
    o.measure,
    o.fiscal_year,
    o.value_kind,
    o.value,
    o.unit,
  ]);

  it("keeps each row's own label, with its measure and unit", () => {
    expect(got.filter((r) => r[0] === '住宅入居等支援事業')).toEqual([
      ['住宅入居等支援事業', '利用件数', 2023, 'actual', 12, 'case/year'],
      ['住宅入居等支援事業', '利用件数', 2024, 'plan', 15, 'case/year'],
      ['住宅入居等支援事業', '利用件数', 2025, 'plan', 18, 'case/year'],
    ]);
    expect(got.filter((r) => r[0] === '成年後見制度利用支援事業').map((r) => r.slice(1))).toEqual([
      ['利用者数', 2023, 'actual', 3, 'person/year'],
      ['利用者数', 2024, 'plan', 4, 'person/year'],
      ['利用者数', 2025, 'plan', 6, 'person/year'],
    ]);
    expect(got.filter((r) => r[0] === '障害者相談支援事業').map((r) => r[4])).toEqual([4, 4, 5]);
  });

  it('never takes the first stub head or the caption for a row label', () => {
    expect(got).toHaveLength(12);
    expect(got.filter((r) => /区分|表4/u.test(String(r[0])))).toEqual([]);
    expect(got.filter((r) => String(r[0]).startsWith('基幹相談支援センター')).map((r) => r[4])).toEqual([1, 1, 1]);
  });
});
