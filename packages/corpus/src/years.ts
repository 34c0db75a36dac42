/** Fiscal years, eras and plan terms: the arithmetic behind every year label the generator writes. */

export type Series = 'shogai' | 'kaigo';

export interface PlanTerm {
  series: Series;
  /** 第N期 of the main plan (障害福祉計画 or 介護保険事業計画) */
  ordinal: number;
  /** 第N期 of the 障害児福祉計画 written with it (shogai only; 0 when there was none) */
  childOrdinal: number;
  start: number;
  end: number;
}

export const TERMS: PlanTerm[] = [
  { series: 'shogai', ordinal: 4, childOrdinal: 0, start: 2015, end: 2017 },
  { series: 'shogai', ordinal: 5, childOrdinal: 1, start: 2018, end: 2020 },
  { series: 'shogai', ordinal: 6, childOrdinal: 2, start: 2021, end: 2023 },
  { series: 'shogai', ordinal: 7, childOrdinal: 3, start: 2024, end: 2026 },
  { series: 'kaigo', ordinal: 6, childOrdinal: 0, start: 2015, end: 2017 },
  { series: 'kaigo', ordinal: 7, childOrdinal: 0, start: 2018, end: 2020 },
  { series: 'kaigo', ordinal: 8, childOrdinal: 0, start: 2021, end: 2023 },
  { series: 'kaigo', ordinal: 9, childOrdinal: 0, start: 2024, end: 2026 },
];

export function termOf(series: Series, fy: number): PlanTerm | undefined {
  return TERMS.find((t) => t.series === series && fy >= t.start && fy <= t.end);
}

export function planName(t: PlanTerm, cityInfix = ''): string {
  if (t.series === 'kaigo') return `第${t.ordinal}期${cityInfix}介護保険事業計画`;
  return `第${t.ordinal}期${cityInfix}障害福祉計画・第${t.childOrdinal}期${cityInfix}障害児福祉計画`;
}

/** 令和 year number of a calendar year (2019 → 1). */
export const reiwa = (year: number): number => year - 2018;
/** 平成 year number of a calendar year (2018 → 30). */
export const heisei = (year: number): number => year - 1988;

/** 令和N, with 元 for the first year. */
export const reiwaText = (year: number, gan = true): string => (reiwa(year) === 1 && gan ? '元' : String(reiwa(year)));

/** A fiscal year as the era wrote it (平成30年度, 令和元年度). */
export const fyEra = (fy: number): string => (fy <= 2018 ? `平成${heisei(fy)}年度` : `令和${reiwaText(fy)}年度`);

/** A date written in the Japanese era in force on it (令和 from 2019-05-01). */
export function eraDate(y: number, m: number, d: number, gan = true): string {
  if (y > 2019 || (y === 2019 && m >= 5)) return `令和${reiwaText(y, gan)}年${m}月${d}日`;
  return `平成${heisei(y)}年${m}月${d}日`;
}

/** The fiscal year (April–March) a date falls in. */
export const fiscalYearOf = (y: number, m: number): number => (m >= 4 ? y : y - 1);

const FW_DIGITS = '０１２３４５６７８９';
export const toFullwidthDigits = (s: string): string => s.replace(/[0-9]/g, (d) => FW_DIGITS[Number(d)] as string);

const KANJI = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–99 in kanji numerals (三, 十二, 三十一). */
export function kanjiNumber(n: number): string {
  if (n < 10) return KANJI[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : KANJI[tens]}十${ones ? KANJI[ones] : ''}`;
}
