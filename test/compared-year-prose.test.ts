/**
 * test/layouts/compared-year-prose.txt (a 介護保険 progress report written for this test, in other words than the
 * 長岡市 and 伊勢崎市-style blind fixtures): three families of sentences read in the 0.86–0.97 band.
 * - "a year compared with": `1,320人（令和4年度比1.21倍）で、うち男性は286人でした` — 令和4年度 is the base of the
 *   comparison, so the ratio and the うち count are of the sentence's year (令和6年度), not 令和4年度;
 * - "a decrease written in words": `前年度末から164人減少` is a difference of −164 (as `▲164人` is), an increase stays
 *   positive;
 * - "a share of the plan": `実績値は、計画値に対して96.7％` is an achievement rate.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('compared-year-prose.txt');
const row = (o: Observation) => [o.fiscal_year, o.value_kind, o.value, o.unit];
const rows = n.observations.map(row);

describe('values in sentences comparing with a year, a plan or the year before', () => {
  it('dates a ratio and a part after `令和4年度比` by the sentence, not by the year compared with', () => {
    expect(rows).toContainEqual([2024, 'actual', 1.21, 'ratio']);
    expect(rows).toContainEqual([2024, 'actual', 286, 'person']);
    expect(rows.filter((r) => r[0] === 2022)).toEqual([]);
  });

  it('signs a decrease written in words, and leaves an increase positive', () => {
    expect(rows).toContainEqual([2024, 'deviation', -164, 'person']);
    expect(rows).toContainEqual([2024, 'deviation', 52, 'person']);
  });

  it('reads a share `計画値に対して` as an achievement rate', () => {
    expect(rows).toContainEqual([2024, 'achievement_rate', 96.7, 'percent']);
  });
});
