/**
 * Japanese eras (元号) since 明治 and conversions between western years/dates and era years.
 *
 * Written here rather than taken from a wareki package: the packages on npm format a `Date` as wareki text
 * (Intl-based), while shiryo needs the opposite direction (parse `R3`, `H30-R2`, `平成三十一年度`), exact ISO
 * strings without time zones, and the era table itself to validate era years. The table is five rows.
 *
 * Dates are proleptic Gregorian: before 1873 Japan used a lunisolar calendar, and 明治 dates of 1868–1872 are
 * not converted from it.
 */
import { ERA_OCR_READINGS } from '@shiryo/model';

export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';
export type EraLetter = 'M' | 'T' | 'S' | 'H' | 'R';

export interface Era {
  name: EraName;
  letter: EraLetter;
  /** First day (ISO). */
  start: string;
  /** Last day (ISO); null for the current era. */
  end: string | null;
  /** Western year of 元年. */
  firstYear: number;
}

export const ERAS: readonly Era[] = [
  { name: '明治', letter: 'M', start: '1868-10-23', end: '1912-07-29', firstYear: 1868 },
  { name: '大正', letter: 'T', start: '1912-07-30', end: '1926-12-24', firstYear: 1912 },
  { name: '昭和', letter: 'S', start: '1926-12-25', end: '1989-01-07', firstYear: 1926 },
  { name: '平成', letter: 'H', start: '1989-01-08', end: '2019-04-30', firstYear: 1989 },
  { name: '令和', letter: 'R', start: '2019-05-01', end: null, firstYear: 2019 },
];

// (`念和`, `信和`…: OCR misreadings of 令和; the scanner reads them only where a year follows)
const ABBREVIATIONS: Record<string, EraName> = {
  令: '令和',
  平: '平成',
  昭: '昭和',
  大: '大正',
  明: '明治',
  ...ERA_OCR_READINGS,
};

/** The era named by a name (`令和`), a letter (`R`, `r`) or a one-kanji abbreviation (`令`); null if none. */
export function eraOf(nameOrLetter: string): Era | null {
  const key = nameOrLetter.trim().normalize('NFKC');
  const name = ABBREVIATIONS[key] ?? key;
  return ERAS.find((e) => e.name === name || e.letter === key.toUpperCase()) ?? null;
}

/** Last western year of an era (its end date's year), or null for the current era. */
export function eraLastYear(era: Era): number | null {
  return era.end ? Number(era.end.slice(0, 4)) : null;
}

/** Western year of `n`年 of an era: `eraYear('令和', 3)` → 2021, `eraYear('H', 31)` → 2019. */
export function eraYear(era: EraName | EraLetter | string, n: number): number {
  const e = eraOf(era);
  if (!e) throw new RangeError(`unknown era: ${era}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`era year must be a positive integer: ${n}`);
  return e.firstYear + n - 1;
}

export interface WarekiYear {
  era: EraName;
  letter: EraLetter;
  /** Year within the era (1 = 元年). */
  year: number;
  /** `令和3年`, `令和元年`. */
  text: string;
}

/** `令和元年`, `平成31年`. */
export function formatWareki(era: EraName, n: number): string {
  return `${era}${n === 1 ? '元' : n}年`;
}

function wareki(e: Era, y: number): WarekiYear {
  const year = y - e.firstYear + 1;
  return { era: e.name, letter: e.letter, year, text: formatWareki(e.name, year) };
}

/**
 * The era year of a western year: the era in force at the end of that year (2019 → 令和元年, 1989 → 平成元年).
 * Null before 1868. `warekiYears` gives every era that covers part of the year.
 */
export function toWareki(year: number): WarekiYear | null {
  if (!Number.isInteger(year) || year < 1868) return null;
  const e = [...ERAS].reverse().find((x) => x.firstYear <= year) as Era;
  return wareki(e, year);
}

/** Every era year naming part of a western year, oldest first (2019 → 平成31年, 令和元年). */
export function warekiYears(year: number): WarekiYear[] {
  if (!Number.isInteger(year) || year < 1868) return [];
  return ERAS.filter((e) => e.firstYear <= year && (eraLastYear(e) ?? Number.POSITIVE_INFINITY) >= year).map((e) =>
    wareki(e, year),
  );
}

/** The era year in force on an ISO date (`2019-04-30` → 平成31年, `2019-05-01` → 令和元年); null before 明治. */
export function toWarekiDate(iso: string): WarekiYear | null {
  const e = [...ERAS].reverse().find((x) => x.start <= iso);
  if (!e) return null;
  return wareki(e, Number(iso.slice(0, 4)));
}

/** `令和元年5月1日` for `2019-05-01`. */
export function formatWarekiDate(iso: string): string | null {
  const w = toWarekiDate(iso);
  if (!w) return null;
  return `${w.text}${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}
