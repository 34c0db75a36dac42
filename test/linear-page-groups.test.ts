import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

// Linearized tables written for this test (test/layouts/linear-page-groups.txt, 那覇市): a viewer copy whose table
// runs over a page break (page number, running header) and goes on without its header; a web-page copy one cell
// per line whose unit was a cell spanning each service's rows, so only the group's first row writes it; rows of
// two numbers under dates (`R4.3.31 ３，２１０ １，０５４`), which once read as columns written a line each in turn;
// rows of a group under its first row's label, with OCR's letters inside a bracketed part (`<4I>`) and a misfit row.
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];
const n = normalizeLayout('linear-page-groups.txt');
const of = (label: string) => n.observations.filter((o) => o.indicator_label === label).map(row);

describe('a row per line across a page break', () => {
  it('the rows after the page number go on under the header of the rows before it', () => {
    expect(of('同行援護')).toEqual([
      ['同行援護', 2024, 'plan', 41, 'person'],
      ['同行援護', 2025, 'plan', 43, 'person'],
      ['同行援護', 2026, 'plan', 45, 'person'],
    ]);
    expect(of('重度障害者等包括支援').map((r) => [r[1], r[3]])).toEqual([
      [2024, 0],
      [2025, 1],
      [2026, 1],
    ]);
    const table = (label: string) => n.observations.find((o) => o.indicator_label === label)?.table_index;
    expect(table('同行援護')).toBe(table('居宅介護'));
    expect(table('重度障害者等包括支援')).toBe(table('居宅介護'));
  });
});

describe('one cell per line, the unit written once per group', () => {
  it('the rows of a group without a unit cell take the one their group wrote', () => {
    expect(of('地域定着支援')).toEqual([
      ['地域定着支援', 2022, 'plan', 20, 'person/month'],
      ['地域定着支援', 2023, 'plan', 22, 'person/month'],
      ['地域定着支援', 2024, 'plan', 24, 'person/month'],
      ['地域定着支援', 2022, 'actual', 17, 'person/month'],
      ['地域定着支援', 2023, 'actual', 23, 'person/month'],
      ['地域定着支援', 2024, 'actual', 25, 'person/month'],
    ]);
    expect(of('自立生活援助').filter((r) => r[2] === 'actual')).toEqual([
      ['自立生活援助', 2022, 'actual', 4, 'person/month'],
      ['自立生活援助', 2023, 'actual', 7, 'person/month'],
    ]);
  });
});

describe('rows of two numbers under a date', () => {
  it('are rows of a table, not columns written a line each in turn', () => {
    const held = n.observations.filter((o) => /手帳/u.test(o.indicator_label));
    expect(
      held.map((o) => [o.fiscal_year, o.value, o.unit, /精神/u.test(o.indicator_label) ? '精神' : '身体']),
    ).toEqual([
      [2021, 3210, 'person', '身体'],
      [2021, 1054, 'person', '精神'],
      [2022, 3187, 'person', '身体'],
      [2022, 1120, 'person', '精神'],
      [2023, 3152, 'person', '身体'],
      [2023, 1198, 'person', '精神'],
      [2024, 3130, 'person', '身体'],
      [2024, 1265, 'person', '精神'],
    ]);
  });
});

describe('rows of a group: bracketed parts read by OCR, a misfit among them', () => {
  const kv = (label: string) =>
    n.observations.filter((o) => o.indicator_label === label).map((o) => [o.fiscal_year, o.value_kind, o.value]);

  it('a bracketed part with a letter for a digit stays with its number', () => {
    expect(kv('生活介護').filter((r) => r[0] === 2022)).toEqual([
      [2022, 'plan', 98],
      [2022, 'subset', 40],
      [2022, 'actual', 103],
      [2022, 'subset', 41],
      [2022, 'deviation', 5],
    ]);
    expect(kv('生活介護').filter((r) => r[0] === 2024 && r[1] === 'subset')).toEqual([
      [2024, 'subset', 42],
      [2024, 'subset', 40],
    ]);
  });

  it('a misfit row gives no values and leaves the rows after it in their group', () => {
    expect(kv('就労移行支援')).toEqual([
      [2022, 'plan', 20],
      [2022, 'actual', 18],
      [2022, 'deviation', -2],
      [2024, 'plan', 22],
      [2024, 'actual', 24],
      [2024, 'deviation', 2],
    ]);
  });
});
