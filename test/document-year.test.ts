/** A document that is no plan and is about one year: values no text dates fall on that year. */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.subgroup, o.fiscal_year, o.value];

describe('a settlement titled with its year (健全化判断比率等の状況（令和4年度決算）)', () => {
  const n = normalizeLayout('settlement-one-year.txt');
  const rows = n.observations.map(row);

  it('dates the undated values FY2022, with a warning', () => {
    expect(rows).toEqual(
      expect.arrayContaining([
        ['一般会計 歳入総額', null, 2022, 52310000000],
        ['国民健康保険 実質収支', null, 2022, 120000000],
      ]),
    );
    const o = n.observations.find((x) => x.value === 52310000000)!;
    expect(o.warnings).toContain('no year stated: FY2022, the year the document is about (令和4年度)');
    expect(o.confidence).toBeLessThanOrEqual(0.5);
  });

  it('reads 本年度 in a row stub as the title’s year, and leaves an average over three years undated', () => {
    expect(rows).toContainEqual(['本年度末 職員数', null, 2022, 1204]);
    expect(rows).toContainEqual(['過去3年間平均 職員数', null, null, 1198]);
  });
});

describe('a release whose first line is its date (令和4年8月3日 …課)', () => {
  it('dates its counts by the fiscal year of that date', () => {
    const n = normalizeLayout('release-dated.txt');
    expect(n.observations.map(row)).toEqual([
      ['訪問件数', '北地区', 2022, 312],
      ['うち不在', '北地区', 2022, 41],
      ['訪問件数', '南地区', 2022, 287],
      ['うち不在', '南地区', 2022, 36],
    ]);
  });
});
