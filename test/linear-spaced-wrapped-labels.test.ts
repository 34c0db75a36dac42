/**
 * Family "labels wrapped in their cell" (extractor, linear/spaced.ts) in a PDF viewer copy: a long indicator name
 * wraps inside its cell and comes out on two lines — the head alone above the row (`…ペアレントプログラム` /
 * `等の支援プログラム等の受講者数 人/年 30 35 40`), or the head with the values and the rest on the next line
 * (`…関連分野の支援を 人 3 4 5` / `調整するコーディネーターの配置人数`), the last row's too; and family "a caption line
 * is the table's own": `表4-2 …の見込量` written right under a paragraph (no blank line in a viewer copy) is no part
 * of it, so its 見込量 gives the values their kind (not the chapter's `成果目標` above). A document in other words
 * than the fixtures (さくら町).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a viewer copy whose long labels wrap in their cells', () => {
  const rows = normalizeLayout('linear-spaced-wrapped-labels.txt').observations.map((o) => [
    o.indicator_label,
    o.fiscal_year,
    o.value_kind,
    o.value,
    o.unit,
  ]);

  it('joins a head written alone to the row below it', () => {
    expect(rows).toContainEqual([
      'ペアレントトレーニングやペアレントプログラム等の支援プログラム等の受講者数',
      2024,
      'plan',
      30,
      'person/year',
    ]);
    expect(rows).toContainEqual(['ペアレントメンターの人数', 2026, 'plan', 6, 'person']);
  });

  it('joins the rest of a label written after its values, the last row included', () => {
    expect(rows).toContainEqual([
      '医療的ケア児等に対する関連分野の支援を調整するコーディネーターの配置人数',
      2025,
      'plan',
      4,
      'person',
    ]);
    expect(rows).toContainEqual(['医療的ケア児等の支援に関する協議の場の開催回数', 2026, 'plan', 2, 'time/year']);
  });

  it('reads every value once, of the kind the caption line under the paragraph states', () => {
    expect(rows).toHaveLength(15);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['plan']));
  });
});
