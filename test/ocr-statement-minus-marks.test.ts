/**
 * Two OCR families of a settlement statement's columns (test/layouts/ocr-statement-minus-marks.tsv, a 収支計算書 written
 * for this test in other words than the real scan where they were found):
 * - "▲ misread by OCR in a difference column" when the thousands comma is read as a point too (`ム105.750`,
 *   `へ4.065`) or the row's own amounts are (`107.221`, `91.400`): the row's arithmetic tells which reading it is;
 * - "▲ misread by OCR" outside a difference column: a subtotal of a table that writes its negatives with a mark,
 *   read with kana for the mark (`へ310,250`, `ん42,800`), is negative; a lone kana before a number in a table with no
 *   other marks (test/layouts/ocr-statement-one-kana.tsv) is not taken for one.
 * Every repaired value is warned and less confident.
 */
import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a statement whose ▲ marks and thousands commas OCR misread', () => {
  const { observations } = normalizeLayout('ocr-statement-minus-marks.tsv');
  const of = (kind: string) =>
    observations.filter((o) => o.value_kind === kind).map((o) => [o.indicator_label, o.value]);

  it('reads each difference by its row, the point of a thousands group as a comma', () => {
    expect(of('deviation')).toEqual([
      ['会費収入', -105750],
      ['共同募金配分金収入', -4065],
      ['受託金収入', -3280],
      ['事業収入', -135500],
      [expect.stringMatching(/^当期資金収支/), -267450],
    ]);
  });

  it('reads a subtotal written with a kana for ▲ as negative where the table writes negatives with a mark', () => {
    const sub = observations.filter((o) => o.value_kind === 'actual' && /^当期資金収支/.test(o.indicator_label ?? ''));
    expect(sub.map((o) => o.value)).toEqual([-310250, -42800]);
  });

  it('warns on every repaired number and lowers its confidence', () => {
    const repaired = observations.filter((o) => /^[ムへんA]/u.test(o.value_text ?? ''));
    expect(repaired).toHaveLength(7);
    for (const o of repaired) {
      expect(o.warnings.join(' ')).toMatch(/^OCR: «|OCR: «/);
      expect(o.confidence).toBeLessThanOrEqual(0.5);
    }
  });
});

describe('a lone kana before a number in a table that writes no negatives', () => {
  it('is no minus mark', () => {
    const { observations } = normalizeLayout('ocr-statement-one-kana.tsv');
    expect(observations.some((o) => o.value < 0)).toBe(false);
    expect(observations.some((o) => Math.abs(o.value) === 398)).toBe(false);
  });
});

describe('a point before three digits beside a number OCR left stray marks after', () => {
  it('is read by the column of comma-grouped integers: the stray-marked number tells no size', () => {
    const n = normalizeDocument(
      extractText(
        '（単位：円）\n\n科目\t本年度\t前年度\n繰入金収入\t298.40:.\t526.000\n寄附金収入\t12,400\t15,000\n雑収入\t1,204\t3,150\n',
        'statement.tsv',
      ),
    );
    const o = n.observations.find((x) => x.value_text === '526.000')!;
    expect(o.indicator_label).toMatch(/^繰入金収入/);
    expect(o.value).toBe(526000);
    expect(o.warnings.join(' ')).toMatch(/three decimals/);
    expect(o.confidence).toBeLessThanOrEqual(0.5);
  });
});

describe('a difference with a glyph after it in an OCR-read table', () => {
  it('is the difference its row gives, with or without a misread mark before it, warned', () => {
    const doc = extractText(
      '科目\t本年度決算額(A)\t前年度決算額(B)\t差引(A)-(B)\n会費収入\t40,000\t40,000\t0H\n受託金収入\t88,120\t91,400\tム3,280|\n雑収入\t1,250\t1,100\t7H\n',
      'scan.tsv',
    );
    for (const t of doc.tables) {
      (t as { method: string }).method = 'lattice';
      for (const cell of t.cells) cell.confidence = 0.9;
    }
    const devs = normalizeDocument(doc, {}).observations.filter((o) => o.value_kind === 'deviation');
    expect(devs.map((o) => [o.indicator_label, o.value])).toEqual([
      ['会費収入', 0],
      ['受託金収入', -3280],
    ]);
    for (const o of devs) expect(o.warnings.join(' ')).toMatch(/^OCR: «/);
    // (`7H` where the row gives 150 stays unread)
  });
});
