// Family "a count written without its period": many plans write a service's monthly volume with what is counted
// alone (`回数（回）`, `回`, `日数（日）` — the spellings the catalog lists as seen for 回/月 and 日/月). A bare 回 of a
// service the catalog counts per month (介護保険's visits, 保育所等訪問支援's 回/月) was read per year like an event
// (`開催回数 5回`), and a service's 日 as days rather than person-days. A label saying 年間 keeps the year.
// The document is written in other words than the probe where the family was found (訪問看護 / 訪問入浴介護 in TSV).

import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('a bare count completed by the period its catalog entry counts it in', () => {
  const n = normalizeLayout('bare-count-catalog-period.html');
  const table = (i: number) => n.observations.filter((o) => o.table_index === i).map(row);

  it('reads a 介護保険 service’s 回 as visits per month and its 日 as person-days per month', () => {
    expect(table(0).filter((r) => r[1] === 2024 && r[2] === 'actual')).toEqual([
      ['介護予防訪問看護', 2024, 'actual', 1136, 'time/month'],
      ['介護予防訪問看護', 2024, 'actual', 155, 'person/month'],
      ['短期入所療養介護(老健)', 2024, 'actual', 402, 'person_day/month'],
      ['短期入所療養介護(老健)', 2024, 'actual', 49, 'person/month'],
    ]);
  });

  it('reads 保育所等訪問支援’s bare 回 per month, as its catalog entry counts it', () => {
    expect(table(1)).toEqual([
      ['保育所等訪問支援', 2024, 'actual', 36, 'time/month'],
      ['保育所等訪問支援', 2025, 'actual', 42, 'time/month'],
    ]);
  });

  it('keeps a count its words say is of a year per year (年間回数)', () => {
    expect(table(2)).toEqual([['介護予防訪問リハビリテーション', 2024, 'actual', 3320, 'time/year']]);
  });
});
