// Family "a unit as it is written": a monthly average names the month as the count's period — `回（月平均）`,
// `人/月（平均）`, `月平均（回）`, `月平均利用者数`, `時間（月平均）`, `人（1か月当たり）` — in a unit column and
// in a label's bracket (the period bracketed inside it). Before, each read as no unit (or as per year, `月平均回数`
// from 回 alone), so the values had none; the same with 間 or 毎 (`回（月間）`, `回（毎月）`, `月間（回）`) and with what
// is counted named before the count (`実施回数（月）`, `開催回数（月平均）`, `月平均実施回数`). A yearly average (`年平均利用者数`) is an average of months: no period.
// The document is written in other words than the probe where the family was found (移動支援 with 回（月平均）).

import type { Observation } from '@shiryo/model';
import { unitInfo } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value, o.unit];

describe('a monthly average as the unit', () => {
  const n = normalizeLayout('monthly-average-units.md');
  const table = (i: number) => n.observations.filter((o) => o.table_index === i).map(row);

  it('reads 月平均 in a unit column as a count per month', () => {
    expect(table(0).filter((r) => r[1] === 2024)).toEqual([
      ['訪問介護', 2024, 4210, 'time/month'],
      ['訪問看護', 2024, 315, 'person/month'],
      ['通所介護', 2024, 2870, 'time/month'],
    ]);
  });

  it('reads 月平均 in a label bracket, inside a bracket or as the measure', () => {
    expect(table(1).filter((r) => r[1] === 2025)).toEqual([
      ['訪問型サービスA', 2025, 45, 'person/month'],
      ['通所型サービスC', 2025, 20, 'person/month'],
      ['生活支援体制整備事業', 2025, 100, 'hour/month'],
    ]);
  });

  it('reads 間, 毎 and a named count before a period (開催回数（月平均）, 回（毎月）, 月間（回）)', () => {
    expect(table(2).filter((r) => r[1] === 2024)).toEqual([
      ['介護予防教室', 2024, 12, 'time/month'],
      ['訪問型サービスB', 2024, 30, 'time/month'],
      ['認知症カフェ', 2024, 6, 'time/month'],
    ]);
  });

  it('reads the words alone, and no period in a yearly average', () => {
    expect(unitInfo('人（1か月当たり）')?.unit).toBe('person/month');
    expect(unitInfo('月平均時間')?.unit).toBe('hour/month');
    expect(unitInfo('年平均利用者数')).toBe(null);
    expect(unitInfo('月平均実施回数')?.unit).toBe('time/month');
    expect(unitInfo('年間相談件数')?.unit).toBe('case/year');
    expect(unitInfo('年間開催日数')).toBe(null);
  });
});
