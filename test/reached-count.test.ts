/**
 * A count after a clause of what was done (`…職場実習を重ね、3人が…への就職に至った`) counts what the words after it say
 * the people reached, not the clause. Written for this test (test/layouts/reached-count-prose.txt); city and numbers
 * are not a fixture's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '@shiryo/extractor';
import type { Observation } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const path = join(ROOT, 'test/layouts/reached-count-prose.txt');
const n = normalizeDocument(extractText(readFileSync(path, 'utf8'), path));
const row = (o: Observation) => [o.indicator_label, o.value, o.unit];

describe('N人が…に至った after a clause of what was done', () => {
  it('is labelled with what was reached; a label of its own is kept', () => {
    expect(n.observations.map(row)).toEqual([
      ['就労継続支援A型事業所から一般企業への就職', 3, 'person'],
      ['相談支援事業所の数', 5, 'facility'],
    ]);
  });
});
