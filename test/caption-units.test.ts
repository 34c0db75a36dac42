/**
 * Units stated once for a table: in a caption (`【…の費用額（百万円）】`, `表2 …（件/年）`), a unit column
 * (`千円`), a corner (`（千円）`), a composite unit line (`（単位：人、％）`: percent for the rate column), a unit
 * line above a caption line; an achievement rate is in percent whatever the table's unit. Money is stored in yen
 * wherever its unit is stated.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { unitFromCompositeHint } from '../packages/normalizer/src/table/pieces.js';
import { normalizeLayout } from './pipeline.js';

describe('unitFromCompositeHint', () => {
  it('gives a rate its percent, a count the part it counts, else the first part with its factor', () => {
    expect(unitFromCompositeHint('（単位：千円，％）', '構成比')).toEqual({
      unit: 'percent',
      factor: 1,
      unitText: '%',
    });
    expect(unitFromCompositeHint('（単位：千円，％）', '居宅介護サービス給付費')).toEqual({
      unit: 'yen',
      factor: 1000,
      unitText: '千円',
    });
    expect(unitFromCompositeHint('（単位：千円，％）', '訪問介護', true)?.unit).toBe('percent');
    expect(unitFromCompositeHint('(人・世帯)', '生活保護受給世帯数')?.unit).toBe('household');
    expect(unitFromCompositeHint('(人・世帯)', '被保護人員')?.unit).toBe('person');
    expect(unitFromCompositeHint('（単位：人）', '認定者数')).toBeNull();
  });
});

describe('units stated once for a table', () => {
  const n = normalizeLayout('caption-units.txt');
  const row = (o: Observation) => [o.indicator_label, o.measure, o.fiscal_year, o.value_kind, o.value, o.unit];

  it('reads each table in the unit its caption, unit column, corner or unit line states', () => {
    expect(n.observations.map(row)).toEqual([
      ['訪問リハビリテーション', null, 2024, 'plan', 41_000_000, 'yen'],
      ['訪問リハビリテーション', null, 2025, 'plan', 44_000_000, 'yen'],
      ['訪問リハビリテーション', null, 2024, 'actual', 39_000_000, 'yen'],
      ['訪問リハビリテーション', null, 2025, 'actual', 46_000_000, 'yen'],
      ['福祉用具購入費の支給件数', null, 2024, 'plan', 310, 'case/year'],
      ['福祉用具購入費の支給件数', null, 2025, 'plan', 322, 'case/year'],
      ['福祉用具購入費の支給件数', null, 2024, 'actual', 298, 'case/year'],
      ['福祉用具購入費の支給件数', null, 2025, 'actual', 335, 'case/year'],
      ['住宅改修', '費用額', 2024, 'actual', 12_400_000, 'yen'],
      ['住宅改修', '費用額', 2025, 'actual', 13_100_000, 'yen'],
      ['住宅改修', '件数', 2024, 'actual', 151, 'case/year'],
      ['住宅改修', '件数', 2025, 'actual', 160, 'case/year'],
      ['介護予防・日常生活支援総合事業', null, 2024, 'plan', 88_200_000, 'yen'],
      ['介護予防・日常生活支援総合事業', null, 2024, 'actual', 85_950_000, 'yen'],
      ['認定者数', null, 2023, 'actual', 6210, 'person'],
      ['認定率', null, 2023, 'actual', 18.4, 'percent'],
      ['認定者数', null, 2024, 'actual', 6388, 'person'],
      ['認定率', null, 2024, 'actual', 18.9, 'percent'],
      ['介護医療院', null, 2024, 'plan', 18, 'person/month'],
      ['介護医療院', null, 2024, 'actual', 21, 'person/month'],
      ['成年後見制度利用支援事業', null, 2024, 'plan', 12, 'person/year'],
      ['成年後見制度利用支援事業', null, 2024, 'actual', 9, 'person/year'],
      ['成年後見制度利用支援事業', null, 2024, 'achievement_rate', 75, 'percent'],
    ]);
  });

  it('keeps what was written', () => {
    const money = n.observations.find((o) => o.value === 41_000_000)!;
    expect([money.value_text, money.unit_text]).toEqual(['41', '百万円']);
    const rate = n.observations.find((o) => o.value === 18.4)!;
    expect(rate.unit_text).toBe('%');
  });
});
