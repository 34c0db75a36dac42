/**
 * test/layouts/angle-bracket-unit.txt (written for this test, in other words than 神戸市's sheet of the real-kobe-tokuyo
 * fixture): family "a unit in angle brackets closing a caption line" — an Excel sheet states its unit only as
 * `令和6年4月1日現在＜月額／円＞` over the table: the amounts are in yen (`月額`, what they are per, is no unit).
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('angle-bracket-unit.txt');

describe('a unit in angle brackets after the date of a caption line', () => {
  it('gives every amount of the table its unit', () => {
    expect(n.observations.map((o) => [o.value, o.unit])).toEqual([
      [60_000, 'yen'],
      [43_000, 'yen'],
      [25_500, 'yen'],
      [43_500, 'yen'],
    ]);
  });
});
