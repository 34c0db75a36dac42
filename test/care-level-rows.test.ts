import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// test/layouts/care-level-rows.html (松江市, written for this test): the family "rows that are care levels, the
// indicator named by the table's caption" that the 弘前市 blind fixture showed, in other words — another count
// (居宅サービス受給者数), 見込/実績 instead of 計画値/実績値, a classification corner (`要介護度`) instead of `区分`,
// 計 rows for each group, and a span of levels (`要介護3～5`) as one row.
const n = normalizeLayout('care-level-rows.html');
const row = (o: Observation) => [o.indicator_label, o.subgroup, o.fiscal_year, o.value_kind, o.value, o.unit];
const CAPTION = '要介護度別居宅サービス受給者数';

describe('rows that are care levels under a caption', () => {
  it('labels every value with the caption, the care level as its subgroup', () => {
    expect(n.observations.map(row)).toEqual([
      [CAPTION, '要支援 要支援1', 2024, 'plan', 640, 'person'],
      [CAPTION, '要支援 要支援1', 2024, 'actual', 612, 'person'],
      [CAPTION, '要支援 要支援1', 2025, 'plan', 655, 'person'],
      [CAPTION, '要支援 要支援2', 2024, 'plan', 780, 'person'],
      [CAPTION, '要支援 要支援2', 2024, 'actual', 801, 'person'],
      [CAPTION, '要支援 要支援2', 2025, 'plan', 795, 'person'],
      [CAPTION, '要支援 計', 2024, 'plan', 1420, 'person'],
      [CAPTION, '要支援 計', 2024, 'actual', 1413, 'person'],
      [CAPTION, '要支援 計', 2025, 'plan', 1450, 'person'],
      [CAPTION, '要介護 要介護1', 2024, 'plan', 1510, 'person'],
      [CAPTION, '要介護 要介護1', 2024, 'actual', 1488, 'person'],
      [CAPTION, '要介護 要介護1', 2025, 'plan', 1540, 'person'],
      [CAPTION, '要介護 要介護2', 2024, 'plan', 1120, 'person'],
      [CAPTION, '要介護 要介護2', 2024, 'actual', 1134, 'person'],
      [CAPTION, '要介護 要介護2', 2025, 'plan', 1145, 'person'],
      // a span of levels is a row of its own, not a number 3～5 (nor the row above carried down)
      [CAPTION, '要介護 要介護3~5', 2024, 'plan', 930, 'person'],
      [CAPTION, '要介護 要介護3~5', 2024, 'actual', 902, 'person'],
      [CAPTION, '要介護 要介護3~5', 2025, 'plan', 950, 'person'],
      [CAPTION, '要介護 計', 2024, 'plan', 3560, 'person'],
      [CAPTION, '要介護 計', 2024, 'actual', 3524, 'person'],
      [CAPTION, '要介護 計', 2025, 'plan', 3635, 'person'],
    ]);
  });

  it('names the classification corner, not the document title', () => {
    for (const o of n.observations) expect(o.rules).toContain('label.classification-corner');
  });
});

// test/layouts/linear-ocr-care-level-columns.txt (酒田市, written for this test): the same family as columns of an OCR'd page
// (the 鶴岡市 blind fixture's table 2, in other words): care levels over space-separated columns, two heads read with
// a letter for the digit (`要支援I`, `要介護l`), the caption `4 …の推移 (各年度10月利用分、単位:人)` above.
describe('care levels as columns of an OCR page', () => {
  const o = normalizeLayout('linear-ocr-care-level-columns.txt');
  it('names every value by the caption, the level as its subgroup, the letters read as the digits of the series', () => {
    const fy2023 = o.observations
      .filter((x) => x.fiscal_year === 2023)
      .map((x) => [x.indicator_label, x.subgroup, x.value]);
    expect(fy2023).toEqual([
      ['要介護度別サービス利用者数', '要支援1', 325],
      ['要介護度別サービス利用者数', '要支援2', 415],
      ['要介護度別サービス利用者数', '要介護1', 671],
      ['要介護度別サービス利用者数', '要介護2', 552],
      ['要介護度別サービス利用者数', '要介護3', 401],
      ['要介護度別サービス利用者数', '計', 2364],
    ]);
    expect(o.observations).toHaveLength(24);
    for (const x of o.observations) expect([x.unit, x.value_kind]).toEqual(['person', 'actual']);
  });
});
