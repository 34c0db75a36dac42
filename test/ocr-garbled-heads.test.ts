/**
 * Families of an OCR'd table's heads (packages/normalizer/src/rules/layout/table.ts): kind words garbled by OCR
 * (`飛離` for 乖離, `前年度次算()` for 前年度決算, `増減()り-()` for 増減) — `layout.ocr-garbled-kind-header`; units
 * garbled in a 単位 column or a header's brackets (`人月`, `_人日/月`, `人骨` for 人/月) — `layout.ocr-garbled-unit`;
 * and ▲ read as any glyphs before a difference the row's arithmetic confirms (`人14`, `人ムる23`) —
 * `layout.ocr-sign-in-deviation`. The tables are written for this test (a 児童福祉 sheet of an imaginary town) and
 * marked as OCR'd by giving their cells the engine's confidence, low where OCR garbled them.
 */
import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { garbledKindWord, garbledUnit } from '../packages/normalizer/src/rules/layout/table.js';

/** A TSV read as if OCR'd: every cell confident (0.95) except those listed (`r,c` → confidence). */
function ocrDoc(tsv: string, low: Record<string, number>) {
  const doc = extractText(tsv, 'scan.tsv');
  for (const t of doc.tables) {
    (t as { method: string }).method = 'lattice';
    for (const cell of t.cells) cell.confidence = low[`${cell.row},${cell.col}`] ?? 0.95;
  }
  return normalizeDocument(doc, {});
}

describe('kind words garbled in an OCR header', () => {
  it('reads the word one glyph or some noise away from one kind stem, preferring a stem its row uses', () => {
    expect(garbledKindWord('飛離')).toBe('乖離');
    expect(garbledKindWord('増減()り-()')).toBe('増減');
    // 次算: 決算 or 予算 — the row's 当年度決算 decides
    expect(garbledKindWord('前年度次算()')).toBeNull();
    expect(garbledKindWord('前年度次算()', ['当年度決算(A)'])).toBe('前年度決算');
    // a unit bracket is no noise, and a word that is no kind after any one glyph stays
    expect(garbledKindWord('達成率(%)', [], false)).toBeNull();
    expect(garbledKindWord('計画相談')).toBeNull();
    // in a text export (no confidence) only noise goes
    expect(garbledKindWord('比率', [], false)).toBeNull();
  });

  it('reads a 乖離 column the scan garbled as differences, with the ▲ misread as glyphs repaired by the arithmetic', () => {
    const n = ocrDoc(
      '区分\t単位\t令和4年度\t令和4年度\t令和4年度\n区分\t単位\t計画値\t実績値\t飛離\n児童発達支援\t人/月\t168\t181\t13\n保育所等訪問支援\t人/月\t12\t9\t人3\n放課後等デイサービス\t人月\t402\t379\t人ムる23\n',
      { '1,4': 0.0, '4,4': 0.11, '3,4': 0.3, '4,1': 0.2 },
    );
    const dev = n.observations.filter((o) => o.value_kind === 'deviation').map((o) => [o.indicator_label, o.value]);
    expect(dev).toEqual([
      ['児童発達支援', 13],
      ['保育所等訪問支援', -3],
      ['放課後等デイサービス', -23],
    ]);
    // the glyphs were no words of the row's label
    expect(n.observations.every((o) => !/人3|ムる/u.test(o.indicator_label))).toBe(true);
    // a repaired number is warned, so at most 0.5
    const repaired = n.observations.find((o) => o.value === -23)!;
    expect(repaired.warnings.join(' ')).toMatch(/OCR/u);
    expect(repaired.confidence).toBeLessThanOrEqual(0.5);
  });

  it('leaves a confident header cell, and one in a row without kind words, as written', () => {
    const n = ocrDoc('区分\t計画値\t実績値\t飛離\n児童発達支援\t168\t181\t13\n', { '0,3': 0.95 });
    expect(n.observations.filter((o) => o.value_kind === 'deviation')).toEqual([]);
  });
});

describe('units garbled by OCR', () => {
  const units = ['人/月', '人日/月', '時間/月'];
  it('reads a unit with its slash lost, stray marks, or the slash and a glyph read as one', () => {
    expect(garbledUnit('人月', units)).toBe('人/月');
    expect(garbledUnit('_人日/月', units)).toBe('人日/月');
    expect(garbledUnit('人骨', units)).toBe('人/月');
    expect(garbledUnit('時間月', units)).toBe('時間/月');
    // a word no unit of the neighbours fits, or a unit already, stays
    expect(garbledUnit('月', units)).toBeNull();
    expect(garbledUnit('人/月', units)).toBeNull();
    // a text export: only stray marks
    expect(garbledUnit('人月', units, false)).toBeNull();
    expect(garbledUnit('_人日/月', units, false)).toBe('人日/月');
  });

  it('gives the rows of a 単位 column and of a header row of bracketed units their unit', () => {
    const n = ocrDoc(
      'サービス名\t単位\t令和5年度\n生活介護\t人/月\t612\n生活介護\t人日/月\t11,934\n施設入所支援\t人月\t214\n短期入所\t_人日/月\t672\n',
      { '3,1': 0.04, '4,1': 0.42 },
    );
    const unitOf = (v: number) => n.observations.find((o) => o.value === v)?.unit;
    expect([unitOf(214), unitOf(672)]).toEqual(['person/month', 'person_day/month']);
    const h = ocrDoc(
      '年度\t訪問介護(回/月)\t通所介護(回/月)\t短期入所(日/月)\t居宅介護支援(人骨)\t福祉用具貸与(人/月)\n令和6年度\t52,400\t41,300\t9,850\t13,600\t9,120\n',
      { '0,4': 0.3 },
    );
    expect(h.observations.find((o) => o.value === 13600)?.unit).toBe('person/month');
  });
});
