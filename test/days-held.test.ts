// Days an activity is held or a place is open (`年間開催日数`, `開所日数（日/年）`, `実施日数（日）`) are days, not the
// person-days (人日) a service's 日 counts. Before, `年間開催日数` read person_day/year through unit.measure-word, a
// `日/年` bracket person_day/year, and a bare 日 of a service the catalog counts in 人日 became person-days.
// The document is written in other words than the probe (地域活動支援センター事業's 年間開催日数).

import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value, o.unit];

describe('days held are days', () => {
  const n = normalizeLayout('days-held.tsv');

  it('reads days held or open as days, and a service’s days of use as person-days', () => {
    expect(n.observations.filter((o) => o.fiscal_year === 2024).map(row)).toEqual([
      ['サロンの年間開催日数', 2024, 104, 'day'],
      ['交流スペース開所日数', 2024, 243, 'day'],
      ['日中一時支援事業実施日数', 2024, 176, 'day'],
      ['日中一時支援事業延べ利用日数', 2024, 1410, 'person_day/year'],
    ]);
  });
});
