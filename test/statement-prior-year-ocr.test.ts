/**
 * Two families of an OCR'd settlement statement (found on a real scan: a social welfare council's 事業活動計算書):
 * - "previous-year columns under a dated heading": with no year in the title, a statement's accounting period
 *   (`（自）令和6年4月1日（至）令和7年3月31日`) is the year 本年度/当年度 is, and a `前年度決算` column the year before;
 * - "OCR turns a comma into a point" read from the column: a point before exactly three digits in a column that writes
 *   integers with thousands commas and no decimals is a thousands comma, whatever the sizes around it (`30.000` in a
 *   row of `30.000 | 30.000 | 0`), with the warning that lowers its confidence.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const { observations } = normalizeLayout('statement-prior-year-ocr.tsv');
const find = (label: string, fy: number, kind: string) =>
  observations.filter(
    (o) => o.indicator_label === label && o.fiscal_year === fy && o.value_kind === kind,
  ) as Observation[];

describe('a statement of one accounting period with this and last year', () => {
  it('dates 当年度 by the period line and 前年度 the year before; the difference is of this year', () => {
    expect(find('会費収入', 2024, 'actual').map((o) => o.value)).toEqual([412300]);
    expect(find('会費収入', 2023, 'actual').map((o) => o.value)).toEqual([398100]);
    expect(find('会費収入', 2024, 'deviation').map((o) => o.value)).toEqual([14200]);
    expect(find('雑収入', 2023, 'actual').map((o) => o.value)).toEqual([2100]);
    expect(observations.filter((o) => o.fiscal_year !== 2023 && o.fiscal_year !== 2024)).toEqual([]);
  });

  it('reads a point before three digits as a comma in a column of comma-grouped integers, doubted', () => {
    for (const [label, fy, kind, value] of [
      ['寄附金収入', 2024, 'actual', 30000],
      ['寄附金収入', 2023, 'actual', 30000],
      ['経常経費補助金収入', 2023, 'actual', 262500],
      ['経常経費補助金収入', 2024, 'deviation', -12500],
    ] as const) {
      const [o] = find(label, fy, kind);
      expect(o?.value, `${label} ${fy} ${kind}`).toBe(value);
      expect(o!.unit).toBe('yen');
      // (the difference's △ with its point is read by layout.ocr-sign-in-deviation since s10-ocr, whose warning
      // names the same repair: `OCR: «△12.500» read as ▲12,500`)
      expect(o!.warnings.join(' ')).toMatch(/three decimals|read as ▲?\d{1,3}(?:,\d{3})+/);
      expect(o!.confidence).toBeLessThanOrEqual(0.5);
    }
  });

  it('leaves the small values of the same columns alone', () => {
    expect(find('受取利息収入', 2024, 'actual').map((o) => o.value)).toEqual([118]);
    expect(find('受取利息収入', 2023, 'actual').map((o) => o.value)).toEqual([96]);
    expect(find('受取利息収入', 2024, 'actual')[0]!.warnings).toEqual([]);
  });
});

describe('a point before three digits in a column that also writes decimals', () => {
  const doc = normalizeLayout('point-column-with-decimals.tsv');
  it('is kept as written, doubted: the column is no evidence of a misread comma', () => {
    const o = doc.observations.find((x) => x.indicator_label === '寄附金収入' && x.fiscal_year === 2024)!;
    expect(o.value).toBe(40);
    expect(o.warnings.join(' ')).toMatch(/three decimals/);
    expect(o.confidence).toBeLessThanOrEqual(0.5);
  });
});
