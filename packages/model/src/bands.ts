/**
 * The confidence bands shiryo publishes precision for (docs/confidence.md), used by the corpus run, the calibration
 * script and the review report alike: a band holds confidences from its `min` (inclusive) up to the next band's.
 */
export const CONFIDENCE_BANDS = [
  { name: '≥0.9', cls: 'high', min: 0.9 },
  { name: '0.7–0.9', cls: 'good', min: 0.7 },
  { name: '0.5–0.7', cls: 'fair', min: 0.5 },
  { name: '<0.5', cls: 'doubt', min: Number.NEGATIVE_INFINITY },
] as const;

export type ConfidenceBand = (typeof CONFIDENCE_BANDS)[number];

/** The index in CONFIDENCE_BANDS of the band a confidence falls in (a missing or NaN confidence: the lowest). */
export function confidenceBandIndex(c: number): number {
  const i = CONFIDENCE_BANDS.findIndex((b) => c >= b.min);
  return i < 0 ? CONFIDENCE_BANDS.length - 1 : i;
}

/** The band a confidence falls in. */
export const confidenceBand = (c: number): ConfidenceBand => CONFIDENCE_BANDS[confidenceBandIndex(c)] as ConfidenceBand;
