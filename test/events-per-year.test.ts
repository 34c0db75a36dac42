/**
 * Comparable units (issue 14 item 4): events counted inside a fiscal year are per year whether or not `/年` is
 * written, so one indicator does not split into `time` and `time/year` rows.
 */
import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const read = (text: string, name = 'doc.txt') => normalizeDocument(extractText(text, name)).observations;

describe('events counted in a fiscal year', () => {
  it('`開催回数：5回` in a 令和3年度 result is time/year, as `年6回` is', () => {
    const obs = read(
      '令和3年度の取組の実績\n\n・協議の場の開催回数：5回\n\n令和4年度の取組の実績\n\n・協議の場の開催回数：年6回\n',
    );
    expect(obs.map((o) => [o.value, o.fiscal_year, o.unit])).toEqual([
      [5, 2021, 'time/year'],
      [6, 2022, 'time/year'],
    ]);
  });

  it('件 of a year is case/year, as 件/年 is', () => {
    const obs = read('項目\t令和4年度\t令和5年度\n相談件数（件）\t412\t455\n訪問件数（件/年）\t38\t41\n', 'doc.tsv');
    expect(new Set(obs.map((o) => o.unit))).toEqual(new Set(['case/year']));
    expect(obs.find((o) => o.value === 455)?.rules).toContain('unit.events-per-fiscal-year');
  });

  it('a count up to a day of the year is of that fiscal year too', () => {
    const obs = read('令和4年度の取組（令和4年12月1日時点）\n\n・協議の場の開催回数：2回\n');
    expect(obs.map((o) => [o.value, o.fiscal_year, o.unit])).toEqual([[2, 2022, 'time/year']]);
  });

  it('not a 年度末 count, a count of no year, nor an indicator the catalog counts per month', () => {
    const stock = read('項目\t令和5年度末\n登録件数（件）\t120\n', 'doc.tsv');
    expect(stock.map((o) => [o.period_kind, o.unit])).toEqual([['fy_end', 'case']]);
    const undated = read('協議の場について\n\n・協議の場の開催回数：3回\n');
    expect(undated.map((o) => [o.fiscal_year, o.unit])).toEqual([[null, 'time']]);
    // 保育所等訪問支援 is counted in 回/月 (its catalog units): never per year; its bare 回 is per month, the one
    // period its catalog entry uses (unit.catalog-period, 17af0db)
    const monthly = read('サービス\t令和5年度\n保育所等訪問支援（回）\t12\n', 'doc.tsv');
    expect(monthly.map((o) => [o.indicator_id, o.unit])).toEqual([['service.hoikusho_houmon_shien', 'time/month']]);
  });
});
