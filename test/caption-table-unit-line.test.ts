/**
 * A unit line above a caption that the export set as a one-row table of its own (`表2 …` beside the HTML of the
 * table, as a spreadsheet holding a web table writes it) is the unit of the table under that caption: a number in
 * the caption's name (`表2`) makes it no table of values, so the unit line is not spent on it. The table after,
 * with no unit line of its own, takes none.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a unit line over a caption set as its own table', () => {
  const n = normalizeLayout('caption-table-unit-line.txt');
  const rows = n.observations.map((o) => [o.indicator_label, o.fiscal_year, o.value, o.unit]);

  it('gives the unit to the table under the caption, and not to the next table', () => {
    expect(rows).toEqual([
      ['移動支援事業', 2022, 410, 'hour/month'],
      ['移動支援事業', 2023, 388, 'hour/month'],
      ['日中一時支援事業', 2022, 27, null],
      ['日中一時支援事業', 2023, 31, null],
    ]);
  });
});
