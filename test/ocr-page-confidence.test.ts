/**
 * The confidence of numbers read from an OCR'd page (packages/normalizer/src/confidence.ts): every number of a page
 * the engine read poorly (mean word confidence under 0.65: the 150 dpi twin read at 0.41–0.52, its
 * numbers of the 0.7–0.9 band right 2 times in 3) is warned and under 0.5. A short statement written for this test,
 * marked as OCR'd through its page's `ocr` record.
 */
import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const TEXT =
  '令和5年度末現在の障害者手帳所持者数は7,842人です。\n\n区分\t令和4年度\t令和5年度\n就労移行支援（人/月）\t12\t15\n';

function read(meanConfidence?: number) {
  const doc = extractText(TEXT, 'statement.txt');
  if (meanConfidence !== undefined)
    doc.pages[0]!.ocr = { reason: 'no-text', words: 30, meanConfidence, minConfidence: 0.2, seconds: 1 };
  return normalizeDocument(doc, {});
}

describe('numbers of an OCR’d page', () => {
  it('warns every number of a page read poorly and keeps it under 0.5', () => {
    const n = read(0.52);
    expect(n.observations.map((o) => o.value).sort((a, b) => a - b)).toEqual([12, 15, 7842]);
    for (const o of n.observations) {
      expect(o.confidence).toBeLessThan(0.5);
      expect(o.warnings).toContain('OCR: page 1 read with a mean word confidence of 0.52 (a poor scan)');
    }
    // a page read well is not warned
    for (const o of read(0.8).observations) expect(o.warnings.join(' ')).not.toMatch(/poor scan/u);
  });
});
