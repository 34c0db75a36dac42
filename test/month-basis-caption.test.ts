/**
 * Family "a per-month basis said once above the table" (`unit.caption-month-basis`): a caption, line or heading that
 * says the counts are per month (`…の見込量（月平均）`, `【見込量（１か月当たり）】`) makes each bare count of the table
 * under it per month (docs/OBSERVATIONS.md: 人/月 → person/month, 時間/月 → hour/month, 日/月 → person_day/month);
 * a row that names its own period (`人/年`) keeps it, and a table under a caption with no basis keeps bare counts.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const rowsOf = (name: string) =>
  normalizeLayout(name).observations.map((o) => [o.indicator_label, o.fiscal_year, o.value, o.unit]);

describe('a 単位 column of bare counts under a caption saying 月平均', () => {
  const rows = rowsOf('month-basis-caption.txt');

  it('reads the bare counts per month', () => {
    expect(rows).toContainEqual(['日中一時支援事業', 2024, 64, 'person/month']);
    expect(rows).toContainEqual(['日中一時支援事業', 2026, 544, 'person_day/month']);
    expect(rows).toContainEqual(['移動支援事業', 2025, 1452, 'hour/month']);
    expect(rows).toContainEqual(['移動支援事業', 2026, 124, 'person/month']);
  });

  it('keeps a row counted per year per year, and a table under a caption with no basis bare', () => {
    expect(rows.filter((r) => r[2] === 310)).toEqual([['移動支援事業(年間実利用者)', 2025, 310, 'person/year']]);
    expect(rows.filter((r) => r[2] === 10)).toEqual([['成年後見制度利用支援事業', 2025, 10, 'person']]);
  });
});
