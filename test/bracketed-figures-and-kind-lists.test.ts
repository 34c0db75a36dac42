/**
 * Two families met in the generated corpus's linearized outcome sheets, each tested here in other words:
 * - "value with a bracketed second figure after a blank" (extractor, readCellLines): a cell line `23 (1.28倍)` or
 *   `20 （1.11倍）` is one value cell, as `23(1.28倍)` is — not a value and a label that break the row apart;
 * - "kind-list group header" (vocabulary `kindListOf`, read with every header cell): `計画と実績`,
 *   `見込量及び実績値の比較` over the columns names their kinds, and is no part of the indicator.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const rows = (n: ReturnType<typeof normalizeLayout>) =>
  n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit]);

describe('a value with a bracketed second figure, one cell per line', () => {
  const n = normalizeLayout('linear-bracketed-second-figure.txt');

  it('keeps each row whole: the count and the ratio beside it, under its own column', () => {
    expect(rows(n)).toEqual([
      ['福祉施設から一般就労への移行者数', 2022, 'baseline', 18, 'person'],
      ['福祉施設から一般就労への移行者数', 2026, 'target', 23, 'person'],
      ['福祉施設から一般就労への移行者数', 2026, 'target', 1.28, 'ratio'],
      ['福祉施設から一般就労への移行者数', 2024, 'actual', 20, 'person'],
      ['福祉施設から一般就労への移行者数', 2024, 'actual', 1.11, 'ratio'],
      ['就労移行支援事業の利用者数', 2022, 'baseline', 40, 'person'],
      ['就労移行支援事業の利用者数', 2026, 'target', 52, 'person'],
      ['就労移行支援事業の利用者数', 2026, 'target', 1.3, 'ratio'],
      ['就労移行支援事業の利用者数', 2024, 'actual', 47, 'person'],
      ['就労移行支援事業の利用者数', 2024, 'actual', 1.18, 'ratio'],
      ['相談支援体制の充実(専門的な指導・助言件数)', 2022, 'baseline', 30, 'case/year'],
      ['相談支援体制の充実(専門的な指導・助言件数)', 2026, 'target', 36, 'case/year'],
      ['相談支援体制の充実(専門的な指導・助言件数)', 2024, 'actual', 41, 'case/year'],
    ]);
  });
});

describe('kind words joined by と・及び over the columns', () => {
  const n = normalizeLayout('kind-list-group-header.tsv');

  it('labels the values by the row alone', () => {
    expect(rows(n)).toEqual([
      ['児童発達支援', 2024, 'plan', 64, 'person/month'],
      ['児童発達支援', 2024, 'actual', 71, 'person/month'],
      ['児童発達支援', 2025, 'plan', 70, 'person/month'],
      ['児童発達支援', 2025, 'actual', 77, 'person/month'],
      ['放課後等デイサービス', 2024, 'plan', 1380, 'person_day/month'],
      ['放課後等デイサービス', 2024, 'actual', 1452, 'person_day/month'],
      ['放課後等デイサービス', 2025, 'plan', 1450, 'person_day/month'],
      ['放課後等デイサービス', 2025, 'actual', 1498, 'person_day/month'],
    ]);
  });
});
