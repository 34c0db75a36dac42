/**
 * test/layouts/explanation-restates-item.tsv (written for this test, in other words than 富士市's 市税 pages of the
 * real-fuji-r8-shizei fixture): family "a 説明 line restating its 節" (docs/OBSERVATIONS.md, budget tables) — in a
 * budget book the first 説明 line of a 節 repeats it on its line (`1 委託料 3,200 | 委託料 3,200`): counted once, as the
 * 節; a 説明 line naming the money otherwise (`調査員報酬`) or breaking it down, and the 目 beside, stay.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('explanation-restates-item.tsv');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value];
const rows = n.observations.map(row);
const amounts = (v: number) => n.observations.filter((o) => o.value === v && o.fiscal_year === 2025);

describe('a 説明 line that repeats its 節', () => {
  it('counts the 目 and the 節 once each, and not the 説明 line repeating the 節', () => {
    // 3,200: the 目 一般管理費 (本年度) and its 節 委託料; the 説明 line `委託料 3,200` is not counted again
    expect(amounts(3_200_000).map((o) => o.value_kind)).toEqual(['plan', 'plan']);
    expect(amounts(800_000)).toHaveLength(2);
  });

  it('keeps a 説明 line that names the money otherwise, and a breakdown line', () => {
    expect(amounts(5_400_000)).toHaveLength(3);
    expect(rows.filter((r) => String(r[0]).includes('調査員報酬'))).toHaveLength(1);
    expect(rows).toContainEqual(['趣旨普及費 パンフレット印刷 金額', 2025, 'plan', 500_000]);
  });
});
