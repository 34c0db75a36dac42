/**
 * Family "table-wide unit vs what a column counts" (`unit.label-count-over-table`): a unit written once for the
 * whole table (the caption's `（人）`) does not make a count of offices or households a count of people: a column
 * whose label counts 事業所数 or 世帯数 takes that unit. A markdown document in other words (ひばり市).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a caption unit over columns that count other things', () => {
  const n = normalizeLayout('caption-unit-facility-column.md');
  const unitOf = (label: string) => [
    ...new Set(n.observations.filter((o) => o.indicator_label === label).map((o) => o.unit)),
  ];

  it('keeps the caption unit where the column counts people', () => {
    expect(unitOf('相談支援専門員数')).toEqual(['person']);
    expect(unitOf('主任相談支援専門員数')).toEqual(['person']);
  });

  it('counts offices and households in their own units', () => {
    expect(unitOf('指定特定相談支援事業所数')).toEqual(['facility']);
    expect(unitOf('障害者のいる世帯数')).toEqual(['household']);
    expect(n.observations.find((o) => o.value === 2466)).toMatchObject({ fiscal_year: 2024, value_kind: 'actual' });
  });
});
