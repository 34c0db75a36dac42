/**
 * Family "a difference whose minus mark OCR dropped" (found on a real scan, a welfare council's 事業活動計算書, where
 * `△12` came out as `12`: a confident wrong value). Written for this test in other words: a town's 歳出 comparison
 * whose 比較 column is this year less last year. Read from an OCR'd page (every cell with an OCR confidence), a
 * bare number that is the size of a negative difference is negative when the column's other rows show which way
 * it subtracts, warned and doubted; the same table from a text layer, or a column that shows no way, is left as
 * written.
 */
import { extractText } from '@shiryo/extractor';
import type { ExtractedDocument } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const TEXT = [
  '（単位：千円）',
  '',
  '款\t本年度予算額\t前年度予算額\t比較',
  '議会費\t152,300\t149,800\t2,500',
  '総務費\t1,204,650\t1,188,400\t16,250',
  '民生費\t3,410,200\t3,395,000\t15,200',
  '衛生費\t802,100\t815,640\t13,540',
  '土木費\t640,000\t610,250\t29,750',
  '',
].join('\n');

/** The table as an OCR'd page gives it: every cell read with a confidence. */
function ocrd(text: string): ExtractedDocument {
  const doc = extractText(text, 'yosan-hikaku.tsv');
  for (const t of doc.tables) for (const c of t.cells) c.confidence = 0.9;
  return doc;
}
const deviations = (doc: ExtractedDocument) =>
  normalizeDocument(doc)
    .observations.filter((o) => o.value_kind === 'deviation')
    .map((o) => ({ label: o.indicator_label, value: o.value, warnings: o.warnings, confidence: o.confidence }));

describe('a difference whose minus mark OCR dropped', () => {
  it('is negative where the column shows this year less last year, warned and doubted', () => {
    const rows = deviations(ocrd(TEXT));
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['議会費', 2500000],
      ['総務費', 16250000],
      ['民生費', 15200000],
      ['衛生費', -13540000],
      ['土木費', 29750000],
    ]);
    const fixed = rows.find((r) => r.label === '衛生費')!;
    expect(fixed.warnings.join(' ')).toMatch(/OCR/);
    expect(fixed.confidence).toBeLessThanOrEqual(0.5);
    expect(rows.find((r) => r.label === '議会費')!.warnings).toEqual([]);
  });

  it('is left as written in a text layer', () => {
    const rows = deviations(extractText(TEXT, 'yosan-hikaku.tsv'));
    expect(rows.find((r) => r.label === '衛生費')!.value).toBe(13540000);
  });

  it('is left as written when the column shows no way of subtracting', () => {
    // (written in thousands of yen: values are in yen)
    // two rows each way: the column tells nothing
    const mixed = TEXT.replace('2,500', '▲2,500').replace('16,250', '▲16,250');
    const rows = deviations(ocrd(mixed));
    expect(rows.find((r) => r.label === '衛生費')!.value).toBe(13540000);
  });
});
