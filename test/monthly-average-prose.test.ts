import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/monthly-average-prose.md (written for this test): services of a 介護保険事業計画 told in sentences, each
// under a heading naming the service, with a monthly average (`月平均`, `月間`) and a predicate of outlook
// (`…の見込みです。`, `…と推計しています。`, `…を見込んでいます。`) or of a result (`…でした。`). Each expectation is read
// from the text by hand: docs/OBSERVATIONS.md (人/月 → person/month, 日/月 of a service → person_day/month,
// 見込 → plan, 実績見込 → estimate, the heading names the service when the label is only a measure).
const n = normalizeLayout('monthly-average-prose.md');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('monthly averages and outlooks in sentences', () => {
  it('reads every count once, per month, of the service its heading names, a plan when the sentence expects it of the plan term', () => {
    expect(n.observations.slice(0, 5).map(row)).toEqual([
      // `令和5年度の…見込みです` in a 第9期 plan (2024–2026): a year before the term, so a result estimated, not a plan
      ['通所リハビリテーション 利用者数', 2023, 'estimate', 388, 'person/month'],
      // `2,470回の見込みです`: a count followed by の見込み reports what is expected (it is not attributive)
      ['通所リハビリテーション 利用回数', 2023, 'estimate', 2470, 'time/month'],
      // `…でした。`: a result; days of a service per month are person-days
      ['短期入所療養介護 利用日数', 2023, 'actual', 640, 'person_day/month'],
      // `利用者数は、月平均1,150人と推計しています`: the comma does not lose the monthly average
      ['福祉用具貸与 利用者数', 2026, 'plan', 1150, 'person/month'],
      ['訪問入浴介護 利用回数', 2025, 'plan', 310, 'time/month'],
    ]);
  });

  it('gives the predicate of outlook to the values of its own clause only', () => {
    // `定員は96人で、…ことから、…18人分の整備を予定しています`: 96 is a fact of its clause (`で、`), 18 is planned
    const kinds = n.observations.filter((o) => o.value === 96 || o.value === 18).map((o) => [o.value, o.value_kind]);
    expect(kinds).toEqual([
      [96, 'actual'],
      [18, 'plan'],
    ]);
    expect(n.observations.find((o) => o.value === 96)?.indicator_label).toBe('認知症対応型共同生活介護 定員');
  });
});
