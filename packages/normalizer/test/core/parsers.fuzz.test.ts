/**
 * The period, quantity and column-header readers on random and mutated strings (issue 16, fuzzing): they never
 * throw, never take long, and every period or number they find points at characters of the text given (no value
 * without provenance), its value finite. test/fuzz.test.ts runs them again through whole documents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPeriods, parseColumnHeader, parsePeriod } from '../../src/period/index.js';
import { parseQuantity } from '../../src/quantity/index.js';

const SCALE = Math.max(1, Number(process.env.SHIRYO_FUZZ ?? 1));

const PIECES = [
  '令和',
  '平成',
  '昭和',
  '元',
  'R',
  'H',
  '3',
  '12',
  '2021',
  '年度',
  '年',
  '月',
  '日',
  '末',
  '～',
  '-',
  '（',
  '）',
  '人',
  '人/月',
  '千円',
  '%',
  '▲',
  '△',
  ',',
  '.',
  '万',
  '億',
  '一',
  '二十',
  '実績',
  '計画',
  '見込',
  '以上',
  '約',
  '※',
  '\u3000',
  ' ',
  '\n',
  '\0',
  '\ufeff',
  '\ud800',
  '9'.repeat(30),
];

/** Strings made of the readers' own words, mixed with anything at all (and then cut or doubled). */
const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((a) => a.join('')),
  fc.tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), fc.nat(), fc.boolean()).map(([a, cut, twice]) => {
    const s = a.join('');
    const t = s.slice(0, cut % (s.length + 1));
    return twice ? t + t : t;
  }),
);

const within = (s: string, offset: number, length: number) =>
  Number.isInteger(offset) && Number.isInteger(length) && offset >= 0 && length >= 0 && offset + length <= s.length;

describe('the period, quantity and header readers on random input', () => {
  it('findPeriods and parsePeriod: no throw, every period located in the text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t0 = Date.now();
        for (const p of findPeriods(s)) {
          expect(within(s, p.offset, p.length), JSON.stringify({ s, p })).toBe(true);
          if (p.fiscalYear !== null) expect(Number.isInteger(p.fiscalYear)).toBe(true);
        }
        parsePeriod(s);
        expect(Date.now() - t0).toBeLessThan(2000);
      }),
      { numRuns: 400 * SCALE },
    );
  });

  it('parseQuantity: no throw, a cell missing or holding numbers (never both), each finite and located', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t0 = Date.now();
        const v = parseQuantity(s);
        if (v.missing) expect(v.quantities).toEqual([]);
        for (const q of v.quantities) {
          expect(Number.isFinite(q.value), JSON.stringify({ s, q })).toBe(true);
          expect(within(s, q.offset, q.length), JSON.stringify({ s, q })).toBe(true);
        }
        expect(Date.now() - t0).toBeLessThan(2000);
      }),
      { numRuns: 400 * SCALE },
    );
  });

  it('parseColumnHeader: no throw, its first period the first of its periods, each a whole fiscal year', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t0 = Date.now();
        const h = parseColumnHeader(s);
        expect(h.period).toEqual(h.periods[0] ?? null);
        for (const p of h.periods) if (p.fiscalYear !== null) expect(Number.isInteger(p.fiscalYear)).toBe(true);
        expect(Date.now() - t0).toBeLessThan(2000);
      }),
      { numRuns: 400 * SCALE },
    );
  });
});
