// Family "a bound written before its number": `最大95人`, `上限 3か所` cap a target (lte), `最低1か所`, `下限`,
// `少なくとも2回`, `≧30` set its floor (gte), as 以下 / 以上 after the number do; `おおむね40人` approximates it.
// Before, a data cell holding one of them was read as a value with no qualifier (最大, 最低, 上限, 下限, ≧), or
// dropped whole (`おおむね30人`, `少なくとも 4人`: the words left beside the number made the cell a label) — and
// the normalizer's list of words a value cell may hold was a copy of its own, not the vocabulary's. A label that
// begins with such a word (`最大定員`) stays a label. The document is written in other words than where the
// family was found (a 地域移行 target row of a TSV, `おおむね30人`, and a fixture's `少なくとも1か所確保し`).

import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

describe('a bound written before its number', () => {
  const n = normalizeLayout('bound-prefix-words.md');
  const targets = n.observations
    .filter((o) => o.value_kind === 'target')
    .map((o) => [o.indicator_label, o.fiscal_year, o.value, o.unit, o.qualifier]);

  it('reads caps and floors written before the target of each row', () => {
    expect(targets).toEqual([
      ['児童発達支援センターの設置数', 2026, 1, 'facility', 'gte'],
      ['医療的ケア児等コーディネーターの配置人数', 2026, 4, 'person', 'gte'],
      ['主に重症心身障害児を支援する放課後等デイサービス事業所数', 2026, 5, 'facility', 'gte'],
      ['障害児入所施設の入所児童数', 2026, 45, 'person', 'lte'],
      ['最大定員', 2026, 60, 'person', null],
      ['保育所等訪問支援の利用児童数', 2026, 40, 'person', 'approx'],
      ['ペアレントトレーニングの受講者', 2026, 20, 'person', 'gte'],
    ]);
  });

  it('keeps the current values unqualified', () => {
    const current = n.observations.filter((o) => o.fiscal_year === 2023);
    expect(current.map((o) => o.value)).toEqual([1, 2, 3, 48, 60, 25]);
    expect(current.every((o) => o.qualifier === null)).toBe(true);
  });
});
