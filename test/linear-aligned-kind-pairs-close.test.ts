/**
 * Family "a kinds row set closer than the value columns under it" (`pdftotext -layout` of a borderless table whose
 * two-level header is years over 見込 / 実績 pairs: each pair's two words a few characters apart, centred over value
 * columns set wider, a group heading line right under the header): the offsets read each pair as one cell spanning
 * three columns, and every value took both kinds (`見込実績`) or none. spreadKindRow sets the row's kind words, as
 * many as the value columns, one over each in order.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('linear-aligned-kind-pairs-close.txt');
const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value]);

describe('years over close-set kind pairs in a space-aligned table', () => {
  it('reads each value under its own year and kind', () => {
    expect(rows).toContainEqual(['訪問介護', 2024, 'plan', 512]);
    expect(rows).toContainEqual(['訪問介護', 2024, 'actual', 498]);
    expect(rows).toContainEqual(['訪問介護', 2026, 'actual', 10320]);
    expect(rows).toContainEqual(['通所介護', 2025, 'plan', 826]);
    expect(rows).toContainEqual(['短期入所生活介護', 2026, 'actual', 1688]);
  });
  it('gives half the values each kind', () => {
    const kinds = rows.map((r) => r[2]);
    expect(kinds.filter((k) => k === 'actual').length).toBe(
      kinds.filter((k) => k === 'plan' || k === 'estimate').length,
    );
  });
});
