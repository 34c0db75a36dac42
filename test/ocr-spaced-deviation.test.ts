/**
 * Two OCR families of a plan-versus-result sheet (test/layouts/ocr-spaced-deviation.tsv, 米沢市, written for this
 * test): numbers a letter-spaced scan set out digit by digit inside cells (`2,6 8 0`, `1 2,0 5 0`, `1 0 4.0%`, `9 0.0%`
 * in a column of such cells) — `layout.ocr-broken-numbers`; and the minus mark ▲ of the 差 column read as a 4 or a
 * letter (`4 1 5` for ▲15, `ム9`, `A2 0`) or 0 read as `O` — `layout.ocr-sign-in-deviation`, decided by the row's
 * own 実績 − 計画, so that `4 4` and `4 8 6`, which equal it, stay positive; and a letter for a digit after a decimal
 * point in prose (`1.O4倍`, `check.ocr-letters-in-number`). Every repaired value is warned and less confident.
 */
import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a letter-spaced OCR sheet of plans, results and differences', () => {
  const n = normalizeLayout('ocr-spaced-deviation.tsv');
  const of = (kind: string) =>
    n.observations
      .filter((o) => o.value_kind === kind && o.table_index !== null)
      .map((o) => [o.indicator_label, o.value, o.unit]);

  it('reads each spaced-out number whole', () => {
    expect(of('plan')).toEqual([
      ['移動支援事業', 150, 'person/year'],
      ['移動支援事業', 2680, 'hour/year'],
      ['日中一時支援事業', 88, 'person/year'],
      ['訪問入浴サービス事業', 24, 'person/year'],
      ['意思疎通支援事業', 12050, 'case/year'],
      ['日常生活用具給付等事業', 320, 'case/year'],
      ['地域活動支援センター', 45, 'person/year'],
    ]);
    expect(of('actual').map((r) => r[1])).toEqual([135, 2412, 132, 15, 12536, 300, 45]);
    expect(of('achievement_rate').map((r) => r[1])).toEqual([90, 90, 150, 62.5, 104, 93.8, 100]);
  });

  it('reads the differences by the arithmetic of their row', () => {
    expect(of('deviation').map((r) => r[1])).toEqual([-15, -268, 44, -9, 486, -20, 0]);
    // (the labels stay the services': a `ム9` or `O` cell is a value, not a word of the row's label)
    expect(of('deviation').map((r) => r[0])).toEqual(of('plan').map((r) => r[0]));
  });

  it('warns on every repaired number and lowers its confidence', () => {
    const warned = n.observations.filter((o) => o.warnings.some((w) => w.startsWith('OCR:')));
    expect(warned.map((o) => o.value_text)).toContain('4 1 5');
    expect(warned.map((o) => o.value_text)).toContain('A2 0');
    expect(warned.map((o) => o.value_text)).not.toContain('4 4');
    for (const o of warned) expect(o.confidence).toBeLessThanOrEqual(0.5);
    const sign = n.observations.find((o) => o.value_text === 'ム9')!;
    expect(sign.warnings).toContain('OCR: «ム9» read as ▲9');
  });

  it('reads a letter after the decimal point of a ratio in prose, with a warning', () => {
    const ratio = n.observations.filter((o) => o.table_index === null);
    expect(ratio.map((o) => [o.value, o.unit])).toEqual([[1.04, 'ratio']]);
    expect(ratio[0]!.warnings).toContain('OCR: «1.O4倍» read as 1.04 ratio');
    expect(ratio[0]!.confidence).toBeLessThanOrEqual(0.5);
  });

  it('leaves a cell of several values, each of several digits, as written (a budget book: a total and its items)', () => {
    const doc = extractText(
      '節\t本年度\t前年度\n旅費（千円）\t906 4 1\t880 5 2\n需用費（千円）\t1,204\t1,118\n',
      'budget.tsv',
    );
    const values = normalizeDocument(doc).observations.map((o) => o.value);
    expect(values).not.toContain(90641000);
    expect(values).not.toContain(880520000);
  });
});
