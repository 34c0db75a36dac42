/** Years written without their era (`3年度`, `29年度`, `元年度`): read in the era of the document's own year. */
import { extractText } from '@shiryo/extractor';
import type { Observation } from '@shiryo/model';
import { documentEra } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value];

describe('bare years dated by the document’s date line (令和3年11月18日)', () => {
  const n = normalizeLayout('bare-era-years.tsv');

  it('reads a run of year columns across the change of era (29 30 元 2 3)', () => {
    expect(n.observations.filter((o) => o.table_index === 0 && o.value_kind === 'actual').map(row)).toEqual([
      ['短期入所', 2017, 'actual', 98],
      ['短期入所', 2018, 'actual', 104],
      ['短期入所', 2019, 'actual', 111],
      ['短期入所', 2020, 'actual', 97],
      ['短期入所', 2021, 'actual', 102],
    ]);
  });

  it('dates every value of a row by the year in its stub (years as rows)', () => {
    expect(n.observations.filter((o) => o.table_index === 1).map((o) => [o.fiscal_year, o.value, o.unit])).toEqual([
      [2019, 41, 'person'],
      [2019, 5120, 'hour/year'],
      [2020, 33, 'person'],
      [2020, 3980, 'hour/year'],
      [2021, 36, 'person'],
      [2021, 4210, 'hour/year'],
    ]);
  });

  it('says the era was inferred, and lowers the confidence', () => {
    for (const o of n.observations) {
      expect(o.warnings.join(' ')).toMatch(/bare_year: .* the era nearest the document's year \(令和3年11月18日\)/);
      expect(o.confidence).toBeLessThanOrEqual(0.5);
    }
  });
});

describe('bare years dated by the plan term (計画期間：平成30年度～平成32年度)', () => {
  it('reads 28年度 … 32年度 in 平成', () => {
    const n = normalizeLayout('bare-years-plan-term.txt');
    expect(n.observations.map((o) => [o.fiscal_year, o.value_kind, o.value])).toEqual([
      [2016, 'actual', 14],
      [2017, 'actual', 16],
      [2018, 'plan', 18],
      [2018, 'actual', 17],
      [2019, 'plan', 19],
      [2020, 'plan', 21],
    ]);
  });
});

describe('documentEra', () => {
  const era = (text: string) => {
    const doc = extractText(text, 'x.txt');
    return documentEra(doc, null);
  };

  it('takes the date on the first lines, else the plan term, else the middle of the era-marked years', () => {
    expect(era('協議会資料\n\n令和5年2月9日\n\n利用者数 3年度 12人\n')).toEqual({ year: 2023, text: '令和5年2月9日' });
    expect(era('進捗状況\n\n（計画期間：令和3年度～令和5年度）\n\n本文\n')).toMatchObject({ year: 2022 });
    expect(era('進捗状況\n\n令和元年度の実績と令和2年度、令和4年度の見込み\n')).toMatchObject({
      year: 2020,
      text: '令和2年度',
    });
    expect(era('進捗状況\n\n3年度の実績\n')).toBeNull();
  });
});

describe('years written as bare numbers (`年度 | 29 | 30 | 元 | 2 | 3`, `元 / 2 / 3` down the stub)', () => {
  const n = normalizeLayout('bare-number-years.tsv');
  const years = (t: number) => n.observations.filter((o) => o.table_index === t).map((o) => [o.fiscal_year, o.value]);

  it('reads a header run across the change of era in the document’s era (令和4年1月20日)', () => {
    expect(years(0)).toEqual([
      [2017, 2801],
      [2018, 2866],
      [2019, 2930],
      [2020, 2974],
      [2021, 3015],
    ]);
    expect(n.observations[0]!.warnings[0]).toMatch(/^bare_year: 29 in a run of years names no era; read as 平成29年/);
  });

  it('reads a stub run under 年度 as years as rows, the numbers labelling nothing', () => {
    expect(years(1)).toEqual([
      [2019, 640],
      [2020, 412],
      [2021, 538],
    ]);
    expect(n.observations.filter((o) => o.table_index === 1).map((o) => o.indicator_label)).not.toContain('元');
  });

  it('leaves consecutive values in a row whose unit is per year (`人/年 | 12 | 13 | 14`) values', () => {
    expect(years(2)).toEqual([
      [2019, 12],
      [2020, 13],
      [2021, 14],
    ]);
  });
});
