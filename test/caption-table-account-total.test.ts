/**
 * test/layouts/caption-table-account-total.html (written for this test, in other words than 富士市's 市税 pages of the
 * real-fuji-r8-shizei fixture): a budget book's 款 / 項 captions at the top of a page read as a little table of their
 * own, over the 目 table whose bare `計` row totals the 項 (docs/OBSERVATIONS.md, labels): the 計 row is the 項's
 * (`療養諸費`, subgroup 計), not the corner's level word `目`; the 項 caption is then counted by the 計 row only.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('caption-table-account-total.html');
const row = (o: Observation) => [o.indicator_label, o.subgroup, o.fiscal_year, o.value_kind, o.value];
const rows = n.observations.map(row);

describe('a 計 row under a caption read as a table', () => {
  it('names the 計 row after the 項 the caption table names', () => {
    expect(rows).toContainEqual(['療養諸費', '計', 2026, 'plan', 8_620_000_000]);
    expect(rows).toContainEqual(['療養諸費', '計', 2025, 'plan', 8_528_000_000]);
    expect(rows).toContainEqual(['療養諸費', '計', 2026, 'deviation', 92_000_000]);
    expect(rows.filter((r) => r[0] === '目')).toEqual([]);
  });

  it('counts the 項 caption once, by its 計 row, and keeps the 款 caption', () => {
    expect(n.observations.filter((o) => o.value === 8_620_000_000)).toHaveLength(1);
    expect(rows).toContainEqual(['2款保険給付費', null, 2026, 'plan', 9_840_000_000]);
  });
});
