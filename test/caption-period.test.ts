/**
 * A results cell that dates its values in a caption after them (`・65% ・48% 令和3年4月から1年間での定着率`): the
 * caption's year beats the column's (R4実績), and each value takes its item from the row's list. Written for this
 * test (test/layouts/caption-period-cell.tsv); city and numbers are not a fixture's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '@shiryo/extractor';
import type { Observation } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const path = join(ROOT, 'test/layouts/caption-period-cell.tsv');
const n = normalizeDocument(extractText(readFileSync(path, 'utf8'), path));
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('a caption with a year after the values of a results cell', () => {
  it('dates the values and leaves each its item of the row', () => {
    expect(n.observations.filter((o) => o.value_kind === 'actual').map(row)).toEqual([
      ['就職した人の定着率 就職後6か月時点', 2021, 'actual', 65, 'percent'],
      ['就職した人の定着率 就職後1年時点', 2021, 'actual', 48, 'percent'],
      ['就労定着支援の利用者数', 2022, 'actual', 18, 'person'],
    ]);
  });
});
