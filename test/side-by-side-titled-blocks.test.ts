/**
 * Family "titles and unit lines over side-by-side blocks" (extractor, `splitSideBySideTables`): the row above two
 * small tables set side by side on one sheet, holding each block's title (`【訪問系サービス】`) and unit line
 * (`（単位：回／月）`) within that block's columns, names and measures the block below it — before, those cells were
 * left in a table of their own, the blocks had no caption and no unit. Two blocks that start on the same line stand
 * side by side and are not joined as one table continued.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '@shiryo/extractor';
import { describe, expect, it } from 'vitest';
import { normalizeLayout, ROOT } from './pipeline.js';

describe('two blocks side by side, each with its title and unit line above it', () => {
  const n = normalizeLayout('side-by-side-titled-blocks.tsv');
  const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value, o.unit, o.table_index]);

  it('gives every value of both blocks the unit of its own unit line', () => {
    expect(rows).toContainEqual(['訪問介護', 2023, 12980, 'time/month', 0]);
    expect(rows).toContainEqual(['通所リハビリテーション', 2021, 4410, 'time/month', 1]);
    expect(n.observations.every((o) => o.unit === 'time/month')).toBe(true);
  });

  it('keeps the blocks two tables, each captioned by its title, and no table of the titles', () => {
    const path = join(ROOT, 'test/layouts/side-by-side-titled-blocks.tsv');
    const doc = extractText(readFileSync(path, 'utf8'), path);
    expect(doc.tables.map((t) => [t.caption, t.unitHint, t.nRows])).toEqual([
      ['【訪問系サービス】', '回/月', 3],
      ['【通所系サービス】', '回/月', 3],
    ]);
  });
});
