/**
 * test/layouts/monthly-basis-inside-label.txt (a 障がい者自立支援協議会 report written for this test, in other words
 * than the 介護保険 probes the family was found with): family "a monthly average as the unit", written inside the
 * label of a sentence — before the measure with の (`…の月平均の利用者数は188人`, `…の1か月あたりの利用日数は420日`)
 * or in brackets after it (`…の利用時間（月平均）は1,350時間`): the value counts per month and the label loses the
 * word. A year's total (`年間の利用時間`) is not per month.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const n = normalizeLayout('monthly-basis-inside-label.txt');
const of = (v: number) => n.observations.find((o) => o.value === v);

describe('a monthly basis written inside a prose label', () => {
  it('counts the value per month and drops the word from the label', () => {
    expect([of(188)?.unit, of(188)?.indicator_label]).toEqual(['person/month', '就労継続支援B型の利用者数']);
    expect([of(420)?.unit, of(420)?.indicator_label]).toEqual(['person_day/month', '短期入所の利用日数']);
    // (`時間（月平均）` is read as the unit written whole, so the label keeps `移動支援の利用`: the unit is what is checked)
    expect(of(1350)?.unit).toBe('hour/month');
  });

  it('leaves a year total per year', () => {
    expect(of(18400)?.unit).not.toMatch(/month/u);
  });
});
