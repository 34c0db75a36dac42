/**
 * Family "OCR-broken numbers in cells" (`layout.ocr-broken-numbers`, `check.ocr-repaired-number`): a cell holding
 * nothing but a number that OCR broke — a letter for a digit (`2,3I5`, `12O`, `1,4l2`) or a blank inside it (`13 80`
 * among four-digit cells, `2,4 49` cutting a thousands group, `1 05` leaving a part that starts with 0, `9 1.2` among
 * rates) — is one number, read with a warning and so less confidence; two numbers whose join would not fit the
 * cells around them (`12 15` among two-digit cells) stay two values.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('numbers OCR broke inside table cells', () => {
  const n = normalizeLayout('ocr-broken-cells.html');
  const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit]);
  const repaired = n.observations.filter((o) => o.rules.includes('check.ocr-repaired-number'));

  it('reads each broken number whole, in its row, column and unit', () => {
    expect(rows.slice(0, 9)).toEqual([
      ['居宅介護', 2022, 'actual', 1204, 'hour/month'],
      ['居宅介護', 2023, 'actual', 1380, 'hour/month'],
      ['居宅介護', 2024, 'actual', 1412, 'hour/month'],
      ['重度訪問介護', 2022, 'actual', 2315, 'hour/month'],
      ['重度訪問介護', 2023, 'actual', 2449, 'hour/month'],
      ['重度訪問介護', 2024, 'actual', 2510, 'hour/month'],
      ['行動援護', 2022, 'actual', 105, 'hour/month'],
      ['行動援護', 2023, 'actual', 118, 'hour/month'],
      ['行動援護', 2024, 'actual', 120, 'hour/month'],
    ]);
    expect(rows).toContainEqual(['計画相談支援', 2023, 'achievement_rate', 91.2, 'percent']);
  });

  it('reads a qualified target and its ratio written with letters for digits', () => {
    const target = n.observations.filter((o) => o.indicator_label === '一般就労移行者数' && o.value_kind === 'target');
    expect(target.map((o) => [o.value, o.unit])).toEqual([
      [21, 'person'],
      [1.31, 'ratio'],
    ]);
    expect(target[0]!.qualifier).toBe('gte');
  });

  it('keeps what was written and warns, with less confidence', () => {
    expect(repaired.map((o) => o.value_text)).toEqual([
      '13 80',
      '1,4l2',
      '2,3I5',
      '2,4 49',
      '1 05',
      '12O',
      '9 1.2',
      '2I以上 (1.3I倍)',
      '2I以上 (1.3I倍)',
      '6 37<396>',
      '6 37<396>',
      '652<40I>',
      '652<40I>',
    ]);
    for (const o of repaired) {
      expect(o.warnings.some((w) => w.startsWith('OCR:'))).toBe(true);
      expect(o.confidence).toBeLessThanOrEqual(0.5);
    }
  });

  it('reads a value and its bracketed subset when either was broken', () => {
    const care = n.observations.filter((o) => o.indicator_label === '生活介護');
    expect(care.map((o) => [o.fiscal_year, o.value_kind, o.value])).toEqual([
      [2023, 'actual', 637],
      [2023, 'subset', 396],
      [2024, 'actual', 652],
      [2024, 'subset', 401],
    ]);
  });

  it('leaves two numbers whose join does not fit the cells around them as two values', () => {
    expect(rows.filter((r) => r[1] === 2024 && r[0] === '計画相談支援' && r[2] === 'actual').map((r) => r[3])).toEqual([
      12, 15,
    ]);
  });
});

describe('numbers OCR broke, sized by the columns headed together with theirs', () => {
  // (a row whose other figures are of another size — one-digit counts beside 100s — gives no size; the columns under
  // the same spanning header, `共同生活援助（人/月）` over 計画 | 実績, and the columns of the same header word,
  // `達成率` of each service, do; a cell of values joined by a pair mark is repaired value by value)
  const n = normalizeLayout('ocr-split-numbers-column-groups.tsv');
  const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value]);

  it('joins a number split by a blank when the columns headed with it hold numbers of its size', () => {
    expect(rows).toContainEqual(['共同生活援助', 2024, 'plan', 135]);
    expect(rows).toContainEqual(['共同生活援助', 2025, 'plan', 142]);
    expect(rows).toContainEqual(['訪問看護', 2024, 'achievement_rate', 89.6]);
    expect(rows.filter((r) => r[0] === '共同生活援助' || r[2] === 'achievement_rate')).toHaveLength(6);
  });

  it('repairs each value of a paired cell and keeps its kind', () => {
    expect(rows.filter((r) => r[0] === '計画相談支援' || r[0] === '地域定着支援')).toEqual([
      ['計画相談支援', 2024, 'plan', 214],
      ['計画相談支援', 2024, 'actual', 198],
      ['地域定着支援', 2024, 'plan', 30],
      ['地域定着支援', 2024, 'actual', 27],
    ]);
  });

  it('warns of every repaired number and keeps the clean ones clean', () => {
    const repaired = n.observations.filter((o) => o.rules.includes('check.ocr-repaired-number')).map((o) => o.value);
    expect(repaired).toEqual(expect.arrayContaining([135, 142, 89.6, 214, 30]));
    expect(repaired).not.toContain(131);
    expect(repaired).not.toContain(11873);
  });
});
