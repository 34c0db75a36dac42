/**
 * Doubts read from a table's own structure (issue 12): a table whose plans, results, differences and rates do not
 * add up (`arith:fails`), and a header group drawn one column off the cycle of years or kinds under it
 * (`header:span-misfit`). Written in other words than the tuned documents they were found on (障害福祉サービス of a
 * later plan, 見込み/実績/差引/計画比).
 */
import type { Observation, TableCell } from '@shiryo/model';
import { describe, expect, it } from 'vitest';
import {
  arithmeticFails,
  assignConfidence,
  type ConfidenceModel,
  confidenceFeatures,
  defaultResultAfterPeriodStart,
  headerMisfitColumns,
  type TableFacts,
} from '../src/confidence.js';
import { observation } from './observation.js';

const base: Observation = observation({
  indicator_label: '生活介護',
  fiscal_year: 2027,
  row: 3,
  rules: ['kind.row', 'period.column'],
});
const obs = (o: Partial<Observation>): Observation => ({ ...base, ...o });
const sure: ConfidenceModel = { trainedOn: 'test', intercept: 8, weights: {}, calibration: [[0, 0.995]] };

describe('arithmetic that fails', () => {
  it('a plan, a result and their difference or rate that do not add up, and not ones that do (either sign, rounded)', () => {
    const plan = obs({ value: 120, col: 1 });
    const result = obs({ value_kind: 'actual', value: 97, col: 2 });
    const diff = obs({ value_kind: 'deviation', value: -23, col: 3 });
    const rate = obs({ value_kind: 'achievement_rate', value: 80.8, unit: 'percent', col: 4 });
    expect(arithmeticFails([plan, result, diff, rate]).size).toBe(0);
    // (the difference written the other way, and a rate of plan over result: no failure either)
    const diff2 = obs({ value_kind: 'deviation', value: 23, col: 3 });
    const rate2 = obs({ value_kind: 'achievement_rate', value: 123.7, unit: 'percent', col: 4 });
    expect(arithmeticFails([plan, result, diff2, rate2]).size).toBe(0);
    // (the plan of the next service read as this one's: 97 − 140 is not −23, 97 / 140 is not 80.8 %)
    const shifted = obs({ value: 140, col: 1 });
    const failing = [shifted, result, diff, rate];
    expect(arithmeticFails(failing)).toEqual(new Set(failing));
    // (another table, another label or year: not compared)
    expect(arithmeticFails([shifted, { ...result, table_index: 1 }, diff]).size).toBe(0);
    expect(arithmeticFails([shifted, { ...result, indicator_label: '就労移行支援' }, diff]).size).toBe(0);
  });
  it('a plan given to the year before the one whose result and difference imply it (a row of years one off)', () => {
    // 2027: 実績 and 見込み read as one year; 2028 has its result, difference and rate but no plan of its own
    const a2027 = obs({ value_kind: 'actual', value: 51, fiscal_year: 2027, row: 3 });
    const p2027 = obs({ value: 64, fiscal_year: 2027, row: 4 });
    const a2028 = obs({ value_kind: 'actual', value: 58, fiscal_year: 2028, row: 5 });
    const d2028 = obs({ value_kind: 'deviation', value: -6, fiscal_year: 2028, row: 6 });
    const p2029 = obs({ value: 66, fiscal_year: 2029, row: 7 });
    const got = arithmeticFails([a2027, p2027, a2028, d2028, p2029]);
    expect(got).toEqual(new Set([p2027, a2028, d2028]));
    // (a plan that is not the implied one: nothing)
    expect(arithmeticFails([a2027, obs({ value: 70, fiscal_year: 2027 }), a2028, d2028, p2029]).size).toBe(0);
  });
  it('keeps such numbers out of the top band, without a warning', () => {
    const failing = [
      obs({ value: 140, col: 1 }),
      obs({ value_kind: 'actual', value: 97, col: 2 }),
      obs({ value_kind: 'deviation', value: -23, col: 3 }),
    ];
    assignConfidence(failing, new Map(), sure);
    expect(failing.map((o) => o.confidence)).toEqual([0.89, 0.89, 0.89]);
    expect(failing.flatMap((o) => o.warnings)).toEqual([]);
  });
});

/** A table from rows of texts (a `{n}` suffix spans n columns); `headerRows` of them are headers. */
function table(rows: string[][], headerRows: number): TableFacts {
  const cells: TableCell[] = [];
  rows.forEach((r, row) => {
    let col = 0;
    for (const raw of r) {
      const m = /^(.*)\{(\d+)\}$/u.exec(raw);
      const span = m ? Number(m[2]) : 1;
      cells.push({
        row,
        col,
        rowSpan: 1,
        colSpan: span,
        text: m ? m[1]! : raw,
        role: row < headerRows ? 'header' : 'data',
      } as TableCell);
      col += span;
    }
  });
  return {
    method: 'lattice',
    quality: { score: 1, emptyRatio: 0, repairs: [] },
    cells,
    headerRows,
    nCols: Math.max(...rows.map((r) => r.reduce((n, x) => n + Number(/\{(\d+)\}$/u.exec(x)?.[1] ?? 1), 0))),
  } as TableFacts;
}

describe('a header group drawn one column off', () => {
  it('marks the columns of a service spanning the end of one cycle of years and the start of the next', () => {
    const t = table(
      [
        ['', '生活介護', '就労移行支援{6}'],
        ['区分', 'R9', 'R10', 'R11', 'R12', 'R9', 'R10', 'R11'],
        ['見込み', '30', '31', '32', '33', '8', '9', '10'],
      ],
      2,
    );
    expect([...headerMisfitColumns(t)].sort()).toEqual([2, 3, 4, 5, 6, 7]);
  });
  it('marks a group over kinds that starts one kind late, and not groups that line up with the cycle', () => {
    const off = table(
      [
        ['', '', '短期入所{4}', '共同生活援助{3}'],
        ['年度', '見込み', '実績', '差引', '計画比', '見込み', '実績', '差引', '計画比'],
        ['R9', '5', '6', '1', '120', '11', '10', '-1', '90.9'],
      ],
      2,
    );
    // (the group after it, inside one cycle, is not told from a sub-group: only the one reaching over is marked)
    expect([...headerMisfitColumns(off)].sort()).toEqual([2, 3, 4, 5]);
    const aligned = table(
      [
        ['', '障害福祉サービス{8}'],
        ['', '短期入所{4}', '共同生活援助{4}'],
        ['年度', '見込み', '実績', '差引', '計画比', '見込み', '実績', '差引', '計画比'],
        ['R9', '5', '6', '1', '120', '11', '10', '-1', '90.9'],
      ],
      3,
    );
    expect(headerMisfitColumns(aligned).size).toBe(0);
    // (a group inside one cycle — a plan term over three of its years — lines up too)
    const inside = table(
      [
        ['', '実績', '第8期計画{3}', '実績', '第8期計画{3}'],
        ['区分', 'R8', 'R9', 'R10', 'R11', 'R8', 'R9', 'R10', 'R11'],
        ['生活介護', '1', '2', '3', '4', '5', '6', '7', '8'],
      ],
      2,
    );
    expect(headerMisfitColumns(inside).size).toBe(0);
  });
  it('does not read two kinds alternating as a cycle (they repeat by chance as often as by design)', () => {
    const t = table(
      [
        ['', '第9期', '第10期{3}'],
        ['区分', '実績', '計画', '実績', '計画'],
        ['居宅介護', '21', '22', '21', '24'],
      ],
      2,
    );
    expect(headerMisfitColumns(t).size).toBe(0);
  });
  it('is a feature of the values under the group, not of the header rows', () => {
    const t = table(
      [
        ['', '生活介護', '就労移行支援{6}'],
        ['区分', 'R9', 'R10', 'R11', 'R12', 'R9', 'R10', 'R11'],
        ['見込み', '30', '31', '32', '33', '8', '9', '10'],
      ],
      2,
    );
    expect(confidenceFeatures(obs({ row: 2, col: 3 }), t)).toContain('header:span-misfit');
    expect(confidenceFeatures(obs({ row: 2, col: 1 }), t)).not.toContain('header:span-misfit');
  });
});

describe('a result defaulted after the start of the plan period: a count at a date is not doubted', () => {
  it('doubts a fiscal year of a later year of the plan, and not a count at a date or in a month of it', () => {
    const o = {
      plan: '第4期障害福祉計画',
      plan_period: '2015-2017',
      fiscal_year: 2016,
      rules: ['period.row', 'kind.default-actual'],
    };
    expect(defaultResultAfterPeriodStart({ ...o, period_kind: 'fy' })).toBe(true);
    expect(defaultResultAfterPeriodStart({ ...o, period_kind: 'fy_end' })).toBe(true);
    expect(defaultResultAfterPeriodStart({ ...o, period_kind: 'date' })).toBe(false);
    expect(defaultResultAfterPeriodStart({ ...o, period_kind: 'month' })).toBe(false);
  });
});

describe('arithmetic across units', () => {
  it('does not compare a difference or a rate with a plan and a result of another unit', () => {
    const plan = obs({ value: 3, unit: 'time/year' });
    const result = obs({ value_kind: 'actual', value: 3, unit: 'time/year', col: 2 });
    // (a column of differences holding a percent: 100.0 % where the plan is met)
    const diffInPercent = obs({ value_kind: 'deviation', value: 100, unit: 'percent', col: 3 });
    expect(arithmeticFails([plan, result, diffInPercent]).size).toBe(0);
  });
});
