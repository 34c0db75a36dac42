// The confidence bands are defined once (@shiryo/model CONFIDENCE_BANDS) and read alike by the corpus run, the
// calibration script and the review report: a boundary value belongs to the band above it, as docs/confidence.md says
// ("≥ 0.9"), and a missing confidence counts as doubtful.
import { CONFIDENCE_BANDS, confidenceBand, confidenceBandIndex } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { band } from '../packages/cli/src/report.js';

describe('confidence bands', () => {
  it('puts each boundary in the band above it', () => {
    expect([1, 0.9, 0.8999, 0.7, 0.6999, 0.5, 0.4999, 0].map((c) => confidenceBand(c).name)).toEqual([
      '≥0.9',
      '≥0.9',
      '0.7–0.9',
      '0.7–0.9',
      '0.5–0.7',
      '0.5–0.7',
      '<0.5',
      '<0.5',
    ]);
  });
  it('counts a NaN confidence as doubtful', () => {
    expect(confidenceBandIndex(Number.NaN)).toBe(CONFIDENCE_BANDS.length - 1);
  });
  it('colours the review report by the same bands', () => {
    expect([0.95, 0.75, 0.55, 0.2].map(band)).toEqual(['high', 'good', 'fair', 'doubt']);
  });
});
