/**
 * Family "text layers that lie": a label with a kanji outside JIS X 0208 and CP932's extensions (a glyph the PDF font's
 * ToUnicode maps to a wrong code point: `邴市計画税` for 都市計画税 in a real budget book) keeps its values, read as
 * written, but never as confident ones: each carries a warning naming the character.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '@shiryo/extractor';
import { kanjiOutsideJis, normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('kanji outside the JIS sets', () => {
  it('finds the odd kanji and leaves the ordinary ones (JIS X 0208, CP932 extensions, 々) alone', () => {
    expect(kanjiOutsideJis('邴市計画税')).toEqual(['邴']);
    expect(kanjiOutsideJis('髙﨑市の介護保険事業計画 々')).toEqual([]);
    expect(kanjiOutsideJis('丂水道事業費 𠮷')).toEqual(['丂', '𠮷']);
  });

  it('doubts every value of a row whose label holds one, and no other row', () => {
    const { observations } = normalizeLayout('glyph-outside-jis.tsv');
    const odd = observations.filter((o) => o.indicator_label.includes('丂'));
    expect(odd.map((o) => o.value).sort((a, b) => a - b)).toEqual([14500000, 398000000, 412500000]);
    for (const o of odd) {
      expect(o.warnings.join(' ')).toMatch(/«丂» \(U\+4E02\)/);
      expect(o.confidence).toBeLessThanOrEqual(0.5);
    }
    const plain = observations.filter((o) => o.indicator_label.includes('上水道'));
    expect(plain).toHaveLength(3);
    for (const o of plain) expect(o.warnings.join(' ')).not.toMatch(/JIS/);
  });

  const real = join(process.env.SHIRYO_REAL_PDFS ?? '', 'fuji_r8_shizei_split.pdf');
  it.skipIf(!process.env.SHIRYO_REAL_PDFS || !existsSync(real))(
    'on a real budget book, the table values under the broken glyph are never confident',
    async () => {
      const doc = await extractDocument(real);
      const { observations } = normalizeDocument(doc);
      const broken = observations.filter((o) => o.table_index != null && o.indicator_label.includes('邴'));
      expect(broken.length).toBeGreaterThan(0);
      for (const o of broken) expect(o.confidence).toBeLessThanOrEqual(0.5);
    },
    60_000,
  );
});
