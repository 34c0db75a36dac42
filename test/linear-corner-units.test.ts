import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// Linearized tables whose corner holds the unit (test/layouts/linear-corner-units.txt, written for this test: 伊勢崎市,
// 地域生活支援事業): a web-page copy one cell per line whose blank corner cell was dropped, so the unit cell
// `（件/年）` comes right before the years; a viewer copy whose upper header line starts with `単位：件` over one item
// head; rows whose values carry their period before the count (`年12回`) or a bound after it (`80を超えない`).
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];
const n = normalizeLayout('linear-corner-units.txt');
const of = (label: string) => n.observations.filter((o) => o.indicator_label === label).map(row);

describe('a unit in the corner of a linearized header', () => {
  it('one cell per line: the unit cell heads the stub, not the last value column', () => {
    expect(of('手話通訳者派遣事業')).toEqual([
      ['手話通訳者派遣事業', 2022, 'plan', 210, 'case/year'],
      ['手話通訳者派遣事業', 2023, 'plan', 220, 'case/year'],
      ['手話通訳者派遣事業', 2024, 'plan', 230, 'case/year'],
      ['手話通訳者派遣事業', 2022, 'actual', 198, 'case/year'],
      ['手話通訳者派遣事業', 2023, 'actual', 231, 'case/year'],
    ]);
    expect(of('要約筆記者派遣事業').map((r) => [r[1], r[2], r[3]])).toEqual([
      [2022, 'plan', 40],
      [2023, 'plan', 42],
      [2024, 'plan', 44],
      [2022, 'actual', 37],
      [2023, 'actual', 45],
    ]);
  });

  it('a row per line: `単位：件` over the stub, the item head over both value columns', () => {
    const counts = n.observations.filter(
      (o) => o.table_index !== null && o.unit === 'case/year' && /相談員/u.test(o.indicator_label),
    );
    expect(counts.map((o) => [o.fiscal_year, o.value, /知的/u.test(o.indicator_label) ? '知的' : '身体'])).toEqual([
      [2022, 312, '身体'],
      [2022, 145, '知的'],
      [2023, 298, '身体'],
      [2023, 162, '知的'],
      [2024, 305, '身体'],
      [2024, 171, '知的'],
    ]);
  });
});

describe('value cells with a period before the count or a bound after it', () => {
  it('reads `年12回`, `月2回` as counts per year and month', () => {
    expect(of('交流会の開催').map((r) => [r[1], r[3], r[4]])).toEqual([
      [2022, 12, 'time/year'],
      [2023, 14, 'time/year'],
      [2024, 2, 'time/month'],
    ]);
  });

  it('reads `80を超えない`, `95人以上`, `約110人` as values with their bounds', () => {
    const people = n.observations.filter((o) => o.unit === 'person' && o.table_index !== null);
    expect(people.map((o) => [o.fiscal_year, o.value, o.qualifier])).toEqual([
      [2022, 80, 'lte'],
      [2023, 95, 'gte'],
      [2024, 110, 'approx'],
    ]);
  });
});
