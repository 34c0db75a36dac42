/**
 * Two families of thresholds written in the sentences of a selection sheet (found on a real call for proposals,
 * `…自己資金について、…施設の年間事業費の１２分の２以上を有している`):
 * - "fractions in words": `３分の１`, `10 分の１` is one number, the numerator over the denominator, a ratio; `30分の講義`
 *   (minutes, no number after の) is none;
 * - "a topic named before the value's clause": the topic before について names what the threshold is of, the words of
 *   the value's own clause its base.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const { observations } = normalizeLayout('fraction-thresholds.md');

describe('fractions written in words, under a topic clause', () => {
  it('reads `３分の１以上` as one ratio of 1/3, a lower bound, labelled by its topic and base', () => {
    const o = observations.find((x) => x.indicator_label.startsWith('運転資金の確保'))!;
    expect(o.value).toBeCloseTo(1 / 3, 9);
    expect(o.unit).toBe('ratio');
    expect(o.qualifier).toBe('gte');
    expect(o.value_kind).toBe('target');
    expect(o.indicator_label).toBe('運転資金の確保 年間事業費');
  });

  it('reads `10 分の１以内` (a blank before 分) as 0.1, an upper bound', () => {
    const o = observations.find((x) => x.indicator_label.startsWith('借入金の償還'))!;
    expect(o.value).toBeCloseTo(0.1, 9);
    expect(o.unit).toBe('ratio');
    expect(o.qualifier).toBe('lte');
  });

  it('reads neither part of a fraction as a number of its own, nor minutes as a fraction', () => {
    expect(observations.filter((x) => [3, 10, 30].includes(x.value))).toEqual([]);
    expect(observations.filter((x) => x.unit === 'ratio')).toHaveLength(2);
    // the sentence with no topic clause keeps the label the words before its value give
    expect(observations.find((x) => x.value === 2)?.indicator_label.startsWith('職員研修')).toBe(true);
  });
});
