/**
 * The era name 令和 as OCR misreads it — its 令 read as a look-alike: `今和`, `合和`, `信和` (`念和` already known) — in
 * column headers and in prose (test/layouts/ocr-era-readings.tsv, 酒田市, written for this test): read as 令和 where an
 * era year follows (ERA_OCR_READINGS in the vocabulary), with an `ocr_era` warning and so less confidence.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('令和 misread by OCR', () => {
  const n = normalizeLayout('ocr-era-readings.tsv');

  it('dates the header columns by the misread era', () => {
    const table = n.observations.filter((o) => o.table_index !== null);
    expect(table.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value])).toEqual([
      ['自立生活援助', 2022, 'plan', 6],
      ['自立生活援助', 2022, 'actual', 4],
      ['自立生活援助', 2023, 'plan', 7],
      ['自立生活援助', 2023, 'actual', 5],
      ['地域定着支援', 2022, 'plan', 12],
      ['地域定着支援', 2022, 'actual', 10],
      ['地域定着支援', 2023, 'plan', 13],
      ['地域定着支援', 2023, 'actual', 11],
    ]);
    for (const o of table) {
      expect(o.warnings.some((w) => /^ocr_era: [今合]和 read as 令和$/u.test(w))).toBe(true);
      expect(o.confidence).toBeLessThanOrEqual(0.5);
    }
  });

  it('dates a sentence by it and keeps it out of the label', () => {
    const prose = n.observations.filter((o) => o.table_index === null);
    expect(prose.map((o) => [o.indicator_label, o.fiscal_year, o.value, o.unit])).toEqual([
      ['計画相談支援の利用者数', 2022, 32, 'person'],
    ]);
    expect(prose[0]!.warnings).toContain('ocr_era: 信和 read as 令和');
  });
});
