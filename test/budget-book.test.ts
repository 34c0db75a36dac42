/**
 * Budget books and settlement reports (docs/OBSERVATIONS.md, budget tables): budget and settlement column words
 * give the kind, the year word before them the year; a budget book's amounts no header qualifies are its plan;
 * account code columns are no observations; a book with no year on its pages takes the one its file name gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '@shiryo/extractor';
import { budgetKindOfWord, kindOfWord, type Observation } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { normalizeLayout, ROOT } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label.split(' ')[0], o.value_kind, o.fiscal_year, o.value, o.unit];

describe('budget and settlement column words', () => {
  it('read the stem for the kind and leave the year word to the period readers', () => {
    expect(budgetKindOfWord('本年度予算額')).toBe('plan');
    expect(budgetKindOfWord('前年度予算額')).toBe('plan');
    expect(budgetKindOfWord('当初予算額')).toBe('plan');
    expect(budgetKindOfWord('予算現額')).toBe('plan');
    expect(budgetKindOfWord('令和5年度決算額')).toBe('actual');
    expect(budgetKindOfWord('支出済額')).toBe('actual');
    // not budget column words
    expect(budgetKindOfWord('予算比')).toBeNull();
    expect(budgetKindOfWord('決算状況')).toBeNull();
    expect(budgetKindOfWord('予算の執行')).toBeNull();
  });

  it('through the one kind reader: 前年度予算額 is a plan, 前年度比 still a comparison', () => {
    expect(kindOfWord('前年度予算額')).toBe('plan');
    expect(kindOfWord('前年度比')).toBe('deviation');
    expect(kindOfWord('比較')).toBe('deviation');
  });
});

describe('a water works budget book (本年度 / 前年度, 節 amounts, a 款 caption, a settlement table)', () => {
  const n = normalizeLayout('budget-book-accounts.txt');
  const rows = n.observations.map(row);

  it('reads 本年度予算額 as the plan of the title year, 前年度予算額 of the year before, 比較 as a deviation, in yen', () => {
    expect(rows).toEqual(
      expect.arrayContaining([
        ['給水収益', 'plan', 2026, 3120400000, 'yen'],
        ['給水収益', 'plan', 2025, 3098700000, 'yen'],
        ['給水収益', 'deviation', 2026, 21700000, 'yen'],
        ['受託工事収益', 'deviation', 2026, -7600000, 'yen'],
      ]),
    );
  });

  it('reads a 項 block printed without the header by the header of the block above (unit line included)', () => {
    expect(rows).toEqual(
      expect.arrayContaining([
        ['雑収益', 'plan', 2026, 12300000, 'yen'],
        ['雑収益', 'plan', 2025, 11800000, 'yen'],
        ['雑収益', 'deviation', 2026, 500000, 'yen'],
      ]),
    );
  });

  it('reads 節 amounts and the 款 caption as the book year plan, and the 節 codes as nothing', () => {
    expect(rows).toContainEqual(['委託料', 'plan', 2026, 18200000, 'yen']);
    expect(rows).toContainEqual(['修繕費', 'plan', 2026, 7450000, 'yen']);
    expect(n.observations.find((o) => o.value === 2864100000)?.value_kind).toBe('plan');
    expect(n.observations.filter((o) => o.value === 1 || o.value === 2)).toEqual([]);
  });

  it('counts a 款 caption printed twice once, and no factor of a 説明 formula', () => {
    expect(n.observations.filter((o) => o.value === 2864100000)).toHaveLength(1);
    expect(n.observations.filter((o) => o.value === 1250000 || o.value === 1250000000 || o.value === 98.5)).toEqual([]);
  });

  it('names a bare 計 row by the 項 the caption above its table names', () => {
    const total = n.observations.filter((o) => o.subgroup === '計').map(row);
    expect(total).toEqual(
      expect.arrayContaining([
        ['営業外収益', 'plan', 2026, 12300000, 'yen'],
        ['営業外収益', 'deviation', 2026, 500000, 'yen'],
      ]),
    );
  });

  it('reads 決算額 columns as results of the years they name', () => {
    expect(rows).toContainEqual(['給水収益', 'actual', 2023, 3041800000, 'yen']);
    expect(rows).toContainEqual(['給水収益', 'actual', 2024, 3077200000, 'yen']);
    expect(rows).toContainEqual(['給水収益', 'deviation', 2024, 35400000, 'yen']);
  });
});

describe('pages cut out of a budget book: the year from the file name', () => {
  // the water works book without its title line, saved as the pages of one 款
  const text = readFileSync(join(ROOT, 'test/layouts/budget-book-accounts.txt'), 'utf8')
    .split('\n')
    .slice(2)
    .join('\n');
  const year = (path: string) =>
    normalizeDocument(extractText(text, path)).observations.find((o) => o.value === 3120400000)?.fiscal_year ?? null;

  it('reads an era letter and number standing as a token (`r8`, `R08`, `H30`) or a year in full', () => {
    expect(year('/data/suido_r8_shueki.txt')).toBe(2026);
    expect(year('/data/R08-suido.txt')).toBe(2026);
    expect(year('/data/H30_suido.txt')).toBe(2018);
    expect(year('/data/令和7年度_水道.txt')).toBe(2025);
  });

  it('reads no year from a letter glued to other letters or digits, nor from the folders', () => {
    expect(year('/data/suido_r8a.txt')).toBeNull();
    expect(year('/data/h264_suido.txt')).toBeNull();
    expect(year('/R8/suido.txt')).toBeNull();
  });
});
