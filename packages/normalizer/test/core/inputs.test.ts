import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPeriods } from '../../src/period/index.js';
import { findQuantities, normalizeInputs, parseQuantity } from '../../src/quantity/index.js';

describe('normalizeInputs (shiryo normalize --json)', () => {
  it('reads periods and quantities of each input, snake_case', () => {
    const [a, b, c, d] = normalizeInputs(['R3年度の1. 28倍以上', '－', '2020(令和4)年4月', '191 <116>']);
    expect(a).toEqual({
      input: 'R3年度の1. 28倍以上',
      text: 'R3年度の1.28倍以上',
      periods: [{ kind: 'fy', fiscal_year: 2021, start: '2021-04-01', end: '2022-03-31', text: 'R3年度' }],
      quantities: [{ value: 1.28, unit: 'ratio', unit_text: '倍', qualifier: 'gte', text: '1. 28倍以上' }],
      warnings: ['repaired: decimalSpace'],
    });
    expect(b).toMatchObject({ periods: [], quantities: [], warnings: ['missing value marker: no number (not zero)'] });
    expect(c?.periods).toEqual([
      { kind: 'month', fiscal_year: 2020, start: '2020-04-01', end: '2020-04-30', text: '2020(令和4)年4月' },
    ]);
    expect(c?.warnings.some((w) => w.includes('era_mismatch'))).toBe(true);
    expect(c?.warnings.some((w) => w.includes('2022-04-01'))).toBe(true);
    expect(d?.quantities).toEqual([
      { value: 191, unit: null, unit_text: null, qualifier: null, text: '191 <116>', subset: 116 },
    ]);
  });

  it('reads a large number whole, and warns about one it refuses', () => {
    const [a, b] = normalizeInputs(['18億5,000万円', '18億5,000']);
    expect(a?.quantities).toEqual([
      { value: 1_850_000_000, unit: 'yen', unit_text: '円', qualifier: null, text: '18億5,000万円' },
    ]);
    expect(a?.warnings).toEqual([]);
    expect(b?.quantities).toEqual([]);
    expect(b?.warnings).toEqual([
      'number not read (no value kept): 18億5,000 — digits after 億 with no 万: ambiguous (a 万 or 万円 cut off?)',
    ]);
  });

  it('writes a ratio beside a value', () => {
    const [r] = normalizeInputs(['5人 (6.17%)']);
    expect(r?.quantities).toEqual([
      {
        value: 5,
        unit: 'person',
        unit_text: '人',
        qualifier: null,
        text: '5人 (6.17%)',
        ratio: { value: 6.17, unit: 'percent' },
      },
    ]);
  });

  it('returns one entry per input, in order', () => {
    expect(normalizeInputs([])).toEqual([]);
    expect(normalizeInputs(['a', 'b']).map((x) => x.input)).toEqual(['a', 'b']);
  });
});

const SEEDS = [
  'akishima-6ki-goal-sheets',
  'higashimatsuyama-r3-results',
  'iga-7ki-outcome-targets',
  'inzai-6ki-outcome-review',
  'shiroi-chiiki-houkatsu-progress',
];
const seed = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/${name}/source.txt`, import.meta.url), 'utf8');

describe('the five seed documents, line by line', () => {
  const lines = SEEDS.flatMap((name) =>
    seed(name)
      .split('\n')
      .map((line, i) => ({ name, line, no: i + 1 })),
  );

  it('locates every period and quantity at its offset, with plausible years', () => {
    let periods = 0;
    let quantities = 0;
    for (const { line } of lines) {
      for (const p of findPeriods(line)) {
        periods++;
        expect(line.slice(p.offset, p.offset + p.length)).toBe(p.text);
        if (p.fiscalYear !== null) expect(p.fiscalYear).toBeGreaterThanOrEqual(2006);
        if (p.fiscalYear !== null) expect(p.fiscalYear).toBeLessThanOrEqual(2026);
        expect(p.start <= p.end).toBe(true);
      }
      for (const q of findQuantities(line)) {
        quantities++;
        expect(line.slice(q.offset, q.offset + q.length)).toBe(q.text);
        expect(Number.isFinite(q.value)).toBe(true);
        // labels and ordinals are never quantities
        expect(q.text).not.toMatch(/歳|級|号|条|第/);
      }
    }
    expect(periods).toBeGreaterThan(400);
    expect(quantities).toBeGreaterThan(800);
  });

  it('finds exactly one self-contradicting period: iga 2020(令和4)年4月', () => {
    const mismatches = lines.flatMap(({ name, line }) =>
      findPeriods(line)
        .filter((p) => p.alternatives?.length)
        .map((p) => [name, p.text]),
    );
    expect(mismatches).toEqual([['iga-7ki-outcome-targets', '2020(令和4)年4月']]);
  });

  it('reads every tab-separated cell without a false zero', () => {
    for (const { line } of lines) {
      for (const cell of line.split('\t')) {
        const v = parseQuantity(cell);
        if (v.missing) expect(v.quantities).toEqual([]);
        if (/^\s*[－―—\-/＊*]\s*$/.test(cell)) expect(v.missing).toBe(true);
      }
    }
  });
});
