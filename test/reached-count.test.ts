import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('reached-count-prose.txt');
const row = (o: Observation) => [o.indicator_label, o.value, o.unit];

describe('N人が…に至った after a clause of what was done', () => {
  it('is labelled with what was reached; a label of its own is kept', () => {
    expect(n.observations.map(row)).toEqual([
      ['就労継続支援A型事業所から一般企業への就職', 3, 'person'],
      ['相談支援事業所の数', 5, 'facility'],
    ]);
  });
});
