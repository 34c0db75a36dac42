import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  ERAS,
  eraYear,
  formatWareki,
  formatWarekiDate,
  parsePeriod,
  toWareki,
  toWarekiDate,
  warekiYears,
} from '../../src/period/index.js';

/** 1..99 in kanji, written out independently of the code under test. */
function kanji(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${d[tens]}十`}${d[ones]}`;
}

describe('era table', () => {
  it('has the five eras with their first days', () => {
    expect(ERAS.map((e) => [e.name, e.letter, e.start, e.firstYear])).toEqual([
      ['明治', 'M', '1868-10-23', 1868],
      ['大正', 'T', '1912-07-30', 1912],
      ['昭和', 'S', '1926-12-25', 1926],
      ['平成', 'H', '1989-01-08', 1989],
      ['令和', 'R', '2019-05-01', 2019],
    ]);
  });

  it('ends each era the day before the next begins', () => {
    for (let i = 0; i + 1 < ERAS.length; i++) {
      expect(addDays(ERAS[i]!.end!, 1)).toBe(ERAS[i + 1]!.start);
    }
    expect(ERAS.at(-1)!.end).toBeNull();
  });
});

describe('eraYear', () => {
  const cases: Array<[string, number, number]> = [
    ['令和', 1, 2019],
    ['令和', 3, 2021],
    ['令和', 5, 2023],
    ['令和', 8, 2026],
    ['R', 1, 2019],
    ['r', 4, 2022],
    ['令', 3, 2021],
    ['平成', 1, 1989],
    ['平成', 18, 2006],
    ['平成', 27, 2015],
    ['平成', 29, 2017],
    ['平成', 30, 2018],
    ['平成', 31, 2019],
    ['H', 31, 2019],
    ['昭和', 1, 1926],
    ['昭和', 64, 1989],
    ['S', 50, 1975],
    ['大正', 1, 1912],
    ['大正', 15, 1926],
    ['明治', 1, 1868],
    ['明治', 45, 1912],
  ];
  it.each(cases)('%s %i → %i', (era, n, y) => {
    expect(eraYear(era, n)).toBe(y);
  });

  it('rejects unknown eras and non-positive years', () => {
    expect(() => eraYear('慶応', 1)).toThrow(RangeError);
    expect(() => eraYear('令和', 0)).toThrow(RangeError);
    expect(() => eraYear('令和', 1.5)).toThrow(RangeError);
  });
});

describe('toWareki', () => {
  const cases: Array<[number, string, number, string]> = [
    [1868, '明治', 1, '明治元年'],
    [1911, '明治', 44, '明治44年'],
    [1912, '大正', 1, '大正元年'],
    [1926, '昭和', 1, '昭和元年'],
    [1988, '昭和', 63, '昭和63年'],
    [1989, '平成', 1, '平成元年'],
    [2006, '平成', 18, '平成18年'],
    [2018, '平成', 30, '平成30年'],
    [2019, '令和', 1, '令和元年'],
    [2021, '令和', 3, '令和3年'],
    [2100, '令和', 82, '令和82年'],
  ];
  it.each(cases)('%i → %s %i', (y, era, n, text) => {
    expect(toWareki(y)).toMatchObject({ era, year: n, text });
  });

  it('is null before 明治', () => {
    expect(toWareki(1867)).toBeNull();
    expect(toWarekiDate('1868-10-22')).toBeNull();
  });

  it('lists both eras of a year with a change of era', () => {
    expect(warekiYears(2019).map((w) => w.text)).toEqual(['平成31年', '令和元年']);
    expect(warekiYears(1989).map((w) => w.text)).toEqual(['昭和64年', '平成元年']);
    expect(warekiYears(1926).map((w) => w.text)).toEqual(['大正15年', '昭和元年']);
    expect(warekiYears(1912).map((w) => w.text)).toEqual(['明治45年', '大正元年']);
    expect(warekiYears(2021).map((w) => w.text)).toEqual(['令和3年']);
  });

  it('formats 元年', () => {
    expect(formatWareki('令和', 1)).toBe('令和元年');
    expect(formatWareki('平成', 31)).toBe('平成31年');
  });
});

describe('era boundary dates', () => {
  const cases: Array<[string, string]> = [
    ['1868-10-23', '明治元年10月23日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
  ];
  it.each(cases)('%s ↔ %s', (iso, text) => {
    expect(formatWarekiDate(iso)).toBe(text);
    const p = parsePeriod(text);
    expect(p).toMatchObject({ kind: 'date', start: iso, end: iso, warnings: [] });
  });

  it('on both sides of every boundary, the era changes and year 1 is 元年', () => {
    for (let i = 1; i < ERAS.length; i++) {
      const era = ERAS[i]!;
      const before = addDays(era.start, -1);
      expect(toWarekiDate(era.start)).toMatchObject({ era: era.name, year: 1 });
      expect(toWarekiDate(before)).toMatchObject({ era: ERAS[i - 1]!.name });
      expect(eraYear(toWarekiDate(before)!.era, toWarekiDate(before)!.year)).toBe(Number(before.slice(0, 4)));
    }
  });

  it('flags a date named in an era it is not in', () => {
    expect(parsePeriod('令和元年4月30日')?.warnings[0]).toMatch(/^date_before_era/);
    expect(parsePeriod('平成31年5月1日')?.warnings[0]).toMatch(/^date_after_era/);
    expect(parsePeriod('昭和64年1月8日')?.warnings[0]).toMatch(/^date_after_era/);
    expect(parsePeriod('平成元年1月7日')?.warnings[0]).toMatch(/^date_before_era/);
    // still read as the date written
    expect(parsePeriod('平成31年5月1日')).toMatchObject({ start: '2019-05-01', fiscalYear: 2019 });
  });
});

describe('round trips western ↔ era', () => {
  it('every year 1868–2100: toWareki, eraYear and the written forms agree', () => {
    for (let y = 1868; y <= 2100; y++) {
      for (const w of warekiYears(y)) {
        expect(eraYear(w.era, w.year)).toBe(y);
        const n = w.year === 1 ? '元' : String(w.year);
        expect(parsePeriod(`${w.era}${n}年度`)?.fiscalYear).toBe(y);
        expect(parsePeriod(`${w.era}${kanji(w.year).replace(/^一$/, '元')}年度`)?.fiscalYear).toBe(y);
        expect(parsePeriod(`${w.letter}${n}年度`)?.fiscalYear).toBe(y);
        expect(parsePeriod(`${w.era}${n}年`)).toMatchObject({ kind: 'year', start: `${y}-01-01`, end: `${y}-12-31` });
      }
      const w = toWareki(y)!;
      expect(eraYear(w.era, w.year)).toBe(y);
    }
  });

  it('abbreviations without 年度 for S, H, R read as fiscal years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1927, max: 2100 }), (y) => {
        const w = toWareki(y)!;
        const p = parsePeriod(`${w.letter}${w.year === 1 ? '元' : w.year}`);
        return p?.kind === 'fy' && p.fiscalYear === y && p.start === `${y}-04-01`;
      }),
    );
  });

  it('any date from 1868-10-23 to 2100-12-31: ISO → wareki text → ISO', () => {
    const first = Date.UTC(1868, 9, 23);
    const last = Date.UTC(2100, 11, 31);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: (last - first) / 86_400_000 }), (days) => {
        const iso = new Date(first + days * 86_400_000).toISOString().slice(0, 10);
        const text = formatWarekiDate(iso)!;
        const p = parsePeriod(text);
        return p?.kind === 'date' && p.start === iso && p.warnings.length === 0;
      }),
      { numRuns: 2000 },
    );
  });

  it('dates near every boundary (±40 days) round-trip without warnings', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ERAS.slice(1)), fc.integer({ min: -40, max: 40 }), (era, d) => {
        const iso = addDays(era.start, d);
        const w = toWarekiDate(iso)!;
        expect(w.era).toBe(d < 0 ? ERAS[ERAS.indexOf(era) - 1]!.name : era.name);
        const p = parsePeriod(formatWarekiDate(iso)!);
        return p?.start === iso && p.warnings.length === 0;
      }),
    );
  });
});
