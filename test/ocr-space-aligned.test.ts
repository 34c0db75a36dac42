/**
 * Tesseract-style plain text of a scanned statistics sheet (test/layouts/linear-ocr-space-aligned.txt, 北上市, written for
 * this test): columns parted only by runs of blanks whose widths do not follow the numbers, so that the column heads
 * do not lie over their columns (`headsByOrder` in linear/aligned.ts places a header line with one head a column, or
 * one fewer after the stub, in order); and a numbered caption between two tables (`2 介護予防事業の実績`) that starts
 * the second one instead of joining it to the first (`rowRegions` in pdf/stream.ts).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('an OCR page of space-aligned tables', () => {
  const n = normalizeLayout('linear-ocr-space-aligned.txt');
  const rows = (t: number) =>
    n.observations
      .filter((o) => o.table_index === t)
      .map((o) => [o.indicator_label, o.measure, o.fiscal_year, o.value, o.unit]);

  it('reads each head over its own column', () => {
    expect(rows(0).filter((r) => r[2] === 2023)).toEqual([
      ['高齢者人口', null, 2023, 26502, 'person'],
      ['要介護認定者数', null, 2023, 4790, 'person'],
      ['認定率', null, 2023, 18.1, 'percent'],
    ]);
    expect(rows(0)).toHaveLength(12);
  });

  it('reads the table after the numbered caption as a table of its own, with its two header lines', () => {
    expect(rows(1)).toEqual([
      ['通いの場', '設置箇所数', 2021, 84, 'facility'],
      ['通いの場', '参加者数', 2021, 1420, 'person'],
      ['はつらつ教室', '開催回数', 2021, 96, 'time/year'],
      ['通いの場', '設置箇所数', 2022, 91, 'facility'],
      ['通いの場', '参加者数', 2022, 1588, 'person'],
      ['はつらつ教室', '開催回数', 2022, 104, 'time/year'],
      ['通いの場', '設置箇所数', 2023, 97, 'facility'],
      ['通いの場', '参加者数', 2023, 1702, 'person'],
      ['はつらつ教室', '開催回数', 2023, 110, 'time/year'],
    ]);
  });
});
