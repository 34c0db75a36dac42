/**
 * Family: a thousands comma read or typed as a point (`4,027` → `4.027`), most often by OCR. A count with three
 * decimals is never stored as a confident value: it is read as thousands where the values beside it are of that
 * size, kept as written where they are not, and doubted with a warning either way (so its confidence is at most 0.5).
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const { observations } = normalizeLayout('ocr-point-thousands.md');
const find = (label: string, fy: number) =>
  observations.find((o) => o.indicator_label === label && o.fiscal_year === fy) as Observation;

describe('a point where a thousands comma was meant', () => {
  it('is read as thousands beside values in thousands, with a warning and a confidence of at most 0.5', () => {
    for (const [label, fy, value] of [
      ['通所介護', 2023, 4027],
      ['福祉用具貸与', 2024, 1714],
    ] as const) {
      const o = find(label, fy);
      expect(o.value, label).toBe(value);
      expect(o.warnings.join(' '), label).toMatch(/three decimals/);
      expect(o.confidence, label).toBeLessThanOrEqual(0.5);
      expect(o.rules).toContain('check.point-for-thousands');
    }
  });

  it('is kept as written beside values of its own size, still doubted', () => {
    const o = find('居宅療養管理指導', 2022);
    expect(o.value).toBe(31.5);
    expect(o.warnings.join(' ')).toMatch(/three decimals/);
    expect(o.confidence).toBeLessThanOrEqual(0.5);
  });

  it('leaves the values around it alone', () => {
    expect(find('通所介護', 2022).value).toBe(3918);
    expect(find('訪問看護', 2023).value).toBe(228);
    expect(find('訪問看護', 2023).warnings).toEqual([]);
  });
});

describe('in a sentence', () => {
  it('a count with three decimals is kept as written and doubted', async () => {
    const { extractText } = await import('@shiryo/extractor');
    const { normalizeDocument } = await import('@shiryo/normalizer');
    const doc = extractText('令和5年度の短期入所の延べ利用日数は2.640日でした。\n', 'prose.txt');
    const [o] = normalizeDocument(doc).observations;
    expect(o?.value).toBe(2.64);
    expect(o?.warnings.join(' ')).toMatch(/three decimals/);
  });
});
