/**
 * Family "a result written as expected": a caption or heading `令和6年度実績（見込み）`, `実績見込`, `見込実績` names one
 * kind, an estimate of the year's result — not 実績 and 見込 at once (no kind), nor a final result.
 */
import { describe, expect, it } from 'vitest';
import { kindWord } from '../packages/normalizer/src/labels.js';
import { normalizeLayout } from './pipeline.js';

describe('a caption naming an expected result', () => {
  const n = normalizeLayout('caption-expected-result.txt');
  const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value]);

  it('gives the table under it estimates of that year', () => {
    expect(rows).toContainEqual(['移動支援事業', 2024, 'estimate', 84]);
    expect(rows).toContainEqual(['日常生活用具給付等事業', 2024, 'estimate', 312]);
  });

  it('leaves a plain 実績 caption a result', () => {
    expect(rows).toContainEqual(['移動支援事業', 2023, 'actual', 79]);
  });

  it('reads the written forms as one kind', () => {
    expect(kindWord('令和5年度実績見込')).toBe('estimate');
    expect(kindWord('見込実績')).toBe('estimate');
    expect(kindWord('実績（見込値）')).toBe('estimate');
    expect(kindWord('計画値と実績見込')).toBeNull();
    expect(kindWord('令和5年度実績')).toBe('actual');
  });
});
