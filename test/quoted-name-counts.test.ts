import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('quoted-name-counts.txt');
const row = (o: Observation) => [o.indicator_label, o.value, o.unit];

describe('a quoted name before the counts of a sentence', () => {
  it('heads a bare count, not a label with a noun of its own', () => {
    expect(n.observations.map(row)).toEqual([
      ['地域生活支援課「ピアサポーター養成講座」開催回数', 3, 'time'],
      ['ピアサポーター養成講座 参加人数', 27, 'person'],
      ['基幹相談支援センターの相談件数', 312, 'case'],
    ]);
  });
});
