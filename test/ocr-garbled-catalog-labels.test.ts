/**
 * Family "a label OCR garbled" (found on the scanned twin of pdf-lo-year-kind-row-levels, whose header cells came out
 * as `本知准対応全共同生活介` and `介財老人保健施`): read by OCR and matching no catalog entry, a label a few glyphs from
 * a catalog name (at most two in five, no other entry's name within two more) is that name, with the label as read
 * in a warning and the number doubted. Written here in other words: a 障害福祉 service table whose stub OCR read
 * with a wrong glyph or two. A label far from every name stays as read; the same table from a text layer is never
 * repaired (the catalog never forces a fuzzy match on text as written).
 */
import { extractText } from '@shiryo/extractor';
import type { ExtractedDocument } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';

const TEXT = [
  'サービス\t単位\t令和6年度\t令和7年度',
  '共同生活援肋\t人/月\t120\t128',
  '居宅介議支援\t人/月\t1,480\t1,510',
  '施設見学会の開催\t回/年\t4\t4',
  '',
].join('\n');

function read(ocr: boolean): ExtractedDocument {
  const doc = extractText(TEXT, 'services.tsv');
  if (ocr) for (const t of doc.tables) for (const c of t.cells) c.confidence = 0.9;
  return doc;
}
const rows = (doc: ExtractedDocument) => normalizeDocument(doc).observations.filter((o) => o.fiscal_year === 2024);

describe('a label OCR garbled', () => {
  it('is the catalog name a glyph or two from it, warned and doubted', () => {
    const obs = rows(read(true));
    const by = (v: number) => obs.find((o) => o.value === v)!;
    expect([by(120).indicator_label, by(120).indicator_id]).toEqual(['共同生活援助', expect.any(String)]);
    expect(by(1480).indicator_label).toBe('居宅介護支援');
    for (const v of [120, 1480]) {
      expect(by(v).warnings.join(' ')).toMatch(/OCR: label «.+» read as the catalog's/);
      expect(by(v).confidence).toBeLessThanOrEqual(0.5);
    }
    expect(by(4).indicator_label).toBe('施設見学会の開催');
  });

  it('is left as written in a text layer', () => {
    const obs = rows(read(false));
    expect(obs.find((o) => o.value === 120)!.indicator_label).toBe('共同生活援肋');
    expect(obs.find((o) => o.value === 1480)!.indicator_label).toBe('居宅介議支援');
  });
});
