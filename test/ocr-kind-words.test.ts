/**
 * The kind word 実績 as OCR misreads it — 績 read as 續 or 積 (`令和4年度実續`, `令和5年度実積`) — in column headers
 * (test/layouts/ocr-kind-words.tsv, 南陽市, written for this test): repaired by the text normalizer
 * (JISSEKI_OCR_READINGS), so that the header names a result and the word does not end up in the row's label.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('実績 misread by OCR in headers', () => {
  const n = normalizeLayout('ocr-kind-words.tsv');

  it('reads the columns as results of their years, under the rows’ own labels', () => {
    expect(n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit])).toEqual([
      ['認知症カフェ', 2022, 'actual', 24, 'time/year'],
      ['認知症カフェ', 2023, 'actual', 30, 'time/year'],
      ['認知症カフェ', 2024, 'plan', 36, 'time/year'],
      ['生活支援サポーター養成講座', 2022, 'actual', 45, 'person/year'],
      ['生活支援サポーター養成講座', 2023, 'actual', 52, 'person/year'],
      ['生活支援サポーター養成講座', 2024, 'plan', 60, 'person/year'],
    ]);
  });
});
