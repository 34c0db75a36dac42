/**
 * Family: a spreadsheet saved as HTML is one `<table>` for the whole sheet — title, date line and each table's
 * caption are rows of one cell across it, several tables follow one another, spacer columns of `&nbsp;`. Before,
 * the sheet was read as one table: the labels swallowed the title rows, the year came from the date line, the kind
 * header row was lost. The title rows become text over the tables, the row just above a table its caption; a group
 * heading across a table (グループホーム等) stays inside it.
 */
import type { Observation } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './pipeline.js';

const { observations } = normalizeLayout('excel-sheet-html.html');
const row = (o: Observation) => [o.indicator_label, o.fiscal_year, o.value_kind, o.value, o.unit];

describe('a whole sheet saved as HTML', () => {
  it('reads each table under its caption, with the years of its rows or columns and the kinds of its header', () => {
    expect(observations.filter((o) => o.table_index === 0).map(row)).toEqual([
      ['居宅介護', 2022, 'plan', 2410, 'hour/month'],
      ['居宅介護', 2022, 'actual', 2388, 'hour/month'],
      ['居宅介護', 2022, 'achievement_rate', 99.1, 'percent'],
      ['同行援護', 2022, 'plan', 520, 'hour/month'],
      ['同行援護', 2022, 'actual', 547, 'hour/month'],
      ['同行援護', 2022, 'achievement_rate', 105.2, 'percent'],
      ['居宅介護', 2023, 'plan', 2480, 'hour/month'],
      ['居宅介護', 2023, 'actual', 2301, 'hour/month'],
      ['居宅介護', 2023, 'achievement_rate', 92.8, 'percent'],
      ['同行援護', 2023, 'plan', 540, 'hour/month'],
      ['同行援護', 2023, 'actual', 533, 'hour/month'],
      ['同行援護', 2023, 'achievement_rate', 98.7, 'percent'],
    ]);
    const second = observations.filter((o) => o.table_index === 1);
    expect(second.map((o) => [o.fiscal_year, o.value_kind, o.value])).toEqual([
      [2022, 'plan', 210],
      [2022, 'actual', 204],
      [2022, 'deviation', -6],
      [2023, 'plan', 225],
      [2023, 'actual', 219],
      [2023, 'deviation', -6],
      [2022, 'plan', 4],
      [2022, 'actual', 2],
      [2022, 'deviation', -2],
      [2023, 'plan', 5],
      [2023, 'actual', 3],
      [2023, 'deviation', -2],
    ]);
    expect(second.map((o) => o.unit)).toEqual(new Array(12).fill('person'));
  });

  it('takes no label from the title, date or caption rows', () => {
    for (const o of observations) {
      expect(o.indicator_label).not.toMatch(/表\d|協議会|見込量と利用実績/);
      expect(o.period_kind).not.toBe('month');
    }
  });
});
