/**
 * Family "an account name OCR garbled" (found on a real scan, a welfare council's 事業活動計算書: `紅価償却費` for
 * 減価償却費, `受取利和鳥配当金収益` for 受取利息配当金収益). Written here in other words: a 資金収支計算書 of another
 * corporation, whose stub OCR read `非常勤職員給典`, `水道光熟費` and `共同募金配分金収蓋`. Read by OCR, the last word of a
 * label that matches no catalog entry and is a glyph or two (at most two in five) from a standard account name
 * (data/accounts-shakai-fukushi.txt), with no other name within two more, is that name, warned and doubted. A word far
 * from every name stays; the same table from a text layer is never repaired.
 */
import { extractText } from '@shiryo/extractor';
import type { ExtractedDocument } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const TEXT = [
  '（単位：円）',
  '',
  '勘定科目\t予算(A)\t決算(B)\t差異(A)-(B)',
  '非常勤職員給典\t8,400,000\t8,215,300\t184,700',
  '水道光熟費\t960,000\t1,012,480\t△52,480',
  '共同募金配分金収蓋\t300,000\t300,000\t0',
  '行事参加費\t120,000\t98,400\t21,600',
  '',
].join('\n');

function read(ocr: boolean): ExtractedDocument {
  const doc = extractText(TEXT, 'shikin-shushi.tsv');
  if (ocr) for (const t of doc.tables) for (const c of t.cells) c.confidence = 0.9;
  return doc;
}
const labelOf = (doc: ExtractedDocument, v: number) => normalizeDocument(doc).observations.find((o) => o.value === v)!;

describe('an account name OCR garbled', () => {
  it('is the standard account name a glyph away, warned and doubted', () => {
    const doc = read(true);
    for (const [v, name] of [
      [8215300, '非常勤職員給与'],
      [1012480, '水道光熱費'],
      [300000, '共同募金配分金収益'],
    ] as const) {
      const o = labelOf(doc, v);
      expect(o.indicator_label).toBe(name);
      expect(o.warnings.join(' ')).toMatch(/OCR: account «.+» read as/);
      expect(o.confidence).toBeLessThanOrEqual(0.5);
    }
    expect(labelOf(doc, 98400).indicator_label).toBe('行事参加費');
  });

  it('is left as written in a text layer', () => {
    expect(labelOf(read(false), 8215300).indicator_label).toBe('非常勤職員給典');
  });
});
