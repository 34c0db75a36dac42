/**
 * A name in quotes before the counts of a sentence (`「ピアサポーター養成講座」開催回数：3回 参加人数：計27名`) names
 * what a bare count after it counts; 計 after the colon marks a total, not a label. Written for this test
 * (test/layouts/quoted-name-counts.txt); city and numbers are not a fixture's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '@shiryo/extractor';
import type { Observation } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const path = join(ROOT, 'test/layouts/quoted-name-counts.txt');
const n = normalizeDocument(extractText(readFileSync(path, 'utf8'), path));
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
