/**
 * Two families met in the generated corpus's linearized outcome sheets, each tested here in other words:
 * - "value with a bracketed second figure after a blank" (extractor, linear tokens: `mergeTokens`): `23 (1.28倍)`,
 *   `20 （1.11倍）`, `13 (11.4%)` are one value cell, as `23(1.28倍)` is — not a value and a label that break a row
 *   apart, whether the table is written one cell per line or one row per line;
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

describe('a value with a bracketed second figure, one row per line', () => {
  const n = normalizeLayout('linear-spaced-bracketed-figure.txt');

  it('reads the row as as many cells as its header has', () => {
    expect(rows(n)).toEqual([
      ['一般就労移行者数', 2019, 'baseline', 9, 'person'],
      ['就労移行支援事業の利用者数', 2019, 'baseline', 21, 'person'],
      ['就労定着支援事業の利用者数', 2019, 'baseline', 2, 'person'],
      ['一般就労移行者数', 2023, 'actual', 11, 'person'],
      ['一般就労移行者数', 2023, 'actual', 1.22, 'ratio'],
      ['就労移行支援事業の利用者数', 2023, 'actual', 26, 'person'],
      ['就労定着支援事業の利用者数', 2023, 'actual', 3, 'person'],
      ['一般就労移行者数', 2026, 'target', 12, 'person'],
      ['一般就労移行者数', 2026, 'target', 1.33, 'ratio'],
      ['就労移行支援事業の利用者数', 2026, 'target', 30, 'person'],
      ['就労移行支援事業の利用者数', 2026, 'target', 1.43, 'ratio'],
      ['就労定着支援事業の利用者数', 2026, 'target', 4, 'person'],
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
