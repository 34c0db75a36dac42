/**
 * Settlement sheets and calls for proposals (docs/OBSERVATIONS.md, budget tables): the statutory limits printed
 * beside a sheet's ratios (`早期健全化基準`, `財政再生基準`) are targets, and the ratios a sheet prints without a `%`
 * (`実質公債費比率 | 15.1 | 13.9 | △1.2 | 25.0`) are percentages in every column; the points an evaluation sheet
 * allots (`配点`) are set for the coming award: plans. Each written in words of its own, not copied from a real page.
 */
import { extractText } from '@shiryo/extractor';
import { kindOfWord, type Observation } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const row = (o: Observation) => [o.indicator_label, o.value_kind, o.fiscal_year, o.value, o.unit];
const read = (text: string, path: string) => normalizeDocument(extractText(text, path)).observations.map(row);

describe('a settlement sheet of financial indicators (two settlement years, their difference, statutory limits)', () => {
  const text = [
    '平成27年度決算 健全化判断比率の状況',
    '',
    '指標\t平成26年度決算\t平成27年度決算\t差引\t早期健全化基準\t財政再生基準',
    '実質公債費比率\t11.4\t10.8\t△0.6\t25.0\t35.0',
    '将来負担比率\t88.0\t81.5\t△6.5\t350.0\t',
    '財政力指数\t0.81\t0.83\t0.02\t\t',
    '',
  ].join('\n');
  const rows = read(text, '/data/sample-city/kenzenka-h27.txt');

  it('reads the limit columns as targets, not results', () => {
    expect(kindOfWord('早期健全化基準')).toBe('target');
    expect(kindOfWord('財政再生基準')).toBe('target');
    expect(kindOfWord('経営健全化基準')).toBe('target');
    // a base stays a base
    expect(kindOfWord('基準値')).toBe('baseline');
    expect(kindOfWord('基準')).toBe('baseline');
    expect(rows).toEqual(
      expect.arrayContaining([
        ['実質公債費比率', 'target', 2015, 25, 'percent'],
        ['実質公債費比率', 'target', 2015, 35, 'percent'],
        ['将来負担比率', 'target', 2015, 350, 'percent'],
      ]),
    );
  });

  it('reads a ratio row printed without % as percent in every column, its difference included; an index is no rate', () => {
    expect(rows).toEqual(
      expect.arrayContaining([
        ['実質公債費比率', 'actual', 2014, 11.4, 'percent'],
        ['実質公債費比率', 'actual', 2015, 10.8, 'percent'],
        ['実質公債費比率', 'deviation', 2015, -0.6, 'percent'],
        ['将来負担比率', 'deviation', 2015, -6.5, 'percent'],
      ]),
    );
    // (an index is no rate: not percent; under a 決算 column it is still read as money, a known fault left as is)
    expect(rows.filter((r) => r[0] === '財政力指数').map((r) => r[4])).not.toContain('percent');
  });
});

describe('an evaluation sheet of a call for proposals (評価項目 | 配点)', () => {
  const text = [
    '令和2年度 障害者グループホーム整備事業者 公募要領',
    '',
    '評価項目\t配点',
    '事業計画\t30',
    '職員体制\t25',
    '建物計画\t45',
    '合計\t100',
    '',
  ].join('\n');
  const rows = read(text, '/data/sample-city/koubo-r2.txt');

  it('reads the points as plans set for the award (of the call year), not results', () => {
    expect(kindOfWord('配点')).toBe('plan');
    expect(rows).toEqual(
      expect.arrayContaining([
        ['事業計画', 'plan', 2020, 30, null],
        ['建物計画', 'plan', 2020, 45, null],
      ]),
    );
    expect(rows.filter((r) => r[1] === 'actual')).toEqual([]);
  });
});
