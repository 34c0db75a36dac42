// Family "a result as expected, written the other way round": `見込実績`, `見込み実績`, `見込実績値` name one kind, an
// estimate (as `実績見込` and `実績（見込）` do), in a header as in a caption. Before, the header reader
// (`kindOfWord`) read them as two kinds glued together (none), so each value under them fell back to the default
// kind with the words kept in its label, while the caption reader (`kindWord`) already read an estimate: the two
// vocabularies disagreed. `計画実績` still names two kinds. The document is written in other words than the generated
// table where the family was found (a TSV of 訪問系 services with `見込実績` under each year).

import type { Observation } from '@shiryo/model';
import { kindOfWord } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('a result as expected, written 見込実績', () => {
  const n = normalizeLayout('expected-result-reversed.md');
  const table = (i: number) => n.observations.filter((o) => o.table_index === i).map(row);

  it('reads 見込み実績 columns as estimates of their year', () => {
    expect(table(0)).toEqual([
      ['相談支援事業', 2024, 'plan', 420, 'person/year'],
      ['相談支援事業', 2024, 'estimate', 398, 'person/year'],
      ['相談支援事業', 2025, 'plan', 430, 'person/year'],
      ['相談支援事業', 2025, 'estimate', 411, 'person/year'],
      ['日常生活用具給付等事業', 2024, 'plan', 1250, 'person/year'],
      ['日常生活用具給付等事業', 2024, 'estimate', 1187, 'person/year'],
      ['日常生活用具給付等事業', 2025, 'plan', 1280, 'person/year'],
      ['日常生活用具給付等事業', 2025, 'estimate', 1232, 'person/year'],
    ]);
  });

  it('reads a 見込実績値 row as estimates and leaves 計画実績 (two kinds) with no kind of its own', () => {
    const t = n.observations.filter((o) => o.table_index === 1);
    expect(t.filter((o) => o.value_kind === 'estimate').map((o) => [o.fiscal_year, o.value])).toEqual([
      [2023, 85],
      [2024, 92],
    ]);
    expect(t.filter((o) => o.value === 80 || o.value === 90).every((o) => o.value_kind !== 'estimate')).toBe(true);
  });

  it('reads the words alone', () => {
    expect(kindOfWord('見込実績')).toBe('estimate');
    expect(kindOfWord('見込み実績値')).toBe('estimate');
    expect(kindOfWord('(見込実績)')).toBe('estimate');
    expect(kindOfWord('計画実績')).toBe(null);
    expect(kindOfWord('目標実績')).toBe(null);
  });
});
