import type { Observation } from '@shiryo/model';

/**
 * An observation for tests of the readers' checks: a plan of 10 persons a month of 生活介護 in FY2024 in 某市, read
 * from row 1, column 1 of table 0 on page 1, with confidence 1 and no warnings; `over` replaces any field.
 */
export function observation(over: Partial<Observation> = {}): Observation {
  return {
    municipality_code: '131001',
    municipality_name: '某市',
    prefecture: null,
    plan: null,
    plan_period: null,
    section: null,
    indicator_id: null,
    indicator_label: '生活介護',
    subgroup: null,
    measure: '利用者数',
    unit: 'person/month',
    unit_text: '人',
    period_kind: 'fy',
    fiscal_year: 2024,
    period_start: null,
    period_end: null,
    value_kind: 'plan',
    value: 10,
    value_text: '10',
    qualifier: null,
    page: 1,
    table_index: 0,
    row: 1,
    col: 1,
    confidence: 1,
    warnings: [],
    rules: [],
    reader: 'table',
    ...over,
  };
}
