import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// Cells wrapped inside a table whose structure was lost (test/layouts/linear-wrapped-cell-tails.txt, a PDF viewer
// copy; linear-aligned-wrapped-periods.txt, space-aligned): heads wider than their cells end on the line under them
// (`小規模多機能型居宅介` / `護`), and a year cell spanning its kind rows is written `令和6年` on one row and `度` on
// the next. Each value must come out with the service, year and kind the table gives it.
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];
const rows = (name: string) => normalizeLayout(name).observations.map(row);

describe('header cells whose last characters wrapped onto the line under them', () => {
  const got = rows('linear-wrapped-cell-tails.txt');

  it('joins each head with its tail, the stub head left over the stub', () => {
    expect(new Set(got.map((r) => r[0]))).toEqual(
      new Set(['小規模多機能型居宅介護', '認知症対応型通所介護', '地域密着型通所介護', '夜間対応型訪問介護']),
    );
    expect(got).toHaveLength(24);
  });

  it('reads a year wrapped over two rows and centred on its block of kinds as the year of every row of it', () => {
    expect(got.filter((r) => r[0] === '認知症対応型通所介護')).toEqual([
      ['認知症対応型通所介護', 2024, 'plan', 95, 'person/month'],
      ['認知症対応型通所介護', 2024, 'actual', 101, 'person/month'],
      ['認知症対応型通所介護', 2024, 'achievement_rate', 106.3, 'percent'],
      ['認知症対応型通所介護', 2025, 'plan', 100, 'person/month'],
      ['認知症対応型通所介護', 2025, 'estimate', 104, 'person/month'],
      ['認知症対応型通所介護', 2026, 'plan', 105, 'person/month'],
    ]);
  });
});

describe('a year wrapped in its cell in a space-aligned table', () => {
  const got = rows('linear-aligned-wrapped-periods.txt');

  it('gives the row under the year its year, not a label 度', () => {
    expect(got.filter((r) => r[0] === '就労移行支援')).toEqual([
      ['就労移行支援', 2024, 'plan', 38, 'person/month'],
      ['就労移行支援', 2024, 'actual', 41, 'person/month'],
      ['就労移行支援', 2024, 'achievement_rate', 107.9, 'percent'],
      ['就労移行支援', 2025, 'plan', 40, 'person/month'],
      ['就労移行支援', 2025, 'estimate', 36, 'person/month'],
      ['就労移行支援', 2026, 'plan', 42, 'person/month'],
    ]);
    expect(got).toHaveLength(18);
  });
});

// Four small tables laid out two by two in a fixed-width text (test/layouts/linear-aligned-grid-of-tables.txt):
// their columns line up, so the offsets read them as one table; each must keep its own name.
describe('tables side by side and one under another in a space-aligned text', () => {
  const got = rows('linear-aligned-grid-of-tables.txt');

  it('reads each table under its own name, the right-hand and lower ones too', () => {
    expect(got.filter((r) => r[0] === '福祉施設から一般就労への移行者数')).toEqual([
      ['福祉施設から一般就労への移行者数', 2023, 'target', 31, 'person'],
      ['福祉施設から一般就労への移行者数', 2021, 'actual', 27, 'person'],
      ['福祉施設から一般就労への移行者数', 2022, 'actual', 29, 'person'],
      ['福祉施設から一般就労への移行者数', 2023, 'actual', 30, 'person'],
      ['福祉施設から一般就労への移行者数', 2023, 'deviation', -1, 'person'],
    ]);
    expect(got.filter((r) => r[0] === '精神病床の長期入院患者数').map((r) => r[3])).toEqual([120, 131, 127, 124, 4]);
    expect(got.filter((r) => r[0] === '地域移行支援の利用者数').map((r) => r[3])).toEqual([6, 3, 4, 5, -1]);
    expect(got.filter((r) => r[0] === 'グループホーム入居者数').map((r) => r[3])).toEqual([40, 33, 36, 38, -2]);
    expect(got).toHaveLength(20);
  });
});

// A PDF viewer copy of a table whose rows are labelled by their year and whose counts fall between 1900 and 2099
// (test/layouts/linear-spaced-year-like-counts.txt): the counts are values, not years.
describe('counts that read as years in a row labelled by its year', () => {
  const got = rows('linear-spaced-year-like-counts.txt');

  it('reads every count of every row', () => {
    expect(got).toEqual([
      ['延べ利用回数', 2023, 'actual', 1873, 'time/month'],
      ['延べ利用回数', 2024, 'plan', 1930, 'time/month'],
      ['延べ利用回数', 2024, 'actual', 1988, 'time/month'],
      ['延べ利用回数', 2025, 'plan', 1995, 'time/month'],
      ['延べ利用回数', 2025, 'actual', 2041, 'time/month'],
      ['延べ利用回数', 2026, 'plan', 2060, 'time/month'],
      ['延べ利用回数', 2026, 'estimate', 2117, 'time/month'],
    ]);
  });
});
