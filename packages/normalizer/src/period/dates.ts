/** ISO date helpers and the period constructors shared by the scanners. */
import type { FiscalPeriod } from '@shiryo/model';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export const isoDate = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The fiscal year (April–March) containing a month: January–March belong to the previous year's FY. */
export const fiscalYearOf = (y: number, m: number): number => (m >= 4 ? y : y - 1);

/** The ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const t =
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86_400_000;
  const d = new Date(t);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const base = (kind: FiscalPeriod['kind'], start: string, end: string, fiscalYear: number | null, text: string) => ({
  kind,
  start,
  end,
  fiscalYear,
  text,
  warnings: [] as string[],
});

/** 年度: April 1 – March 31. */
export const fyPeriod = (y: number, text: string): FiscalPeriod =>
  base('fy', isoDate(y, 4, 1), isoDate(y + 1, 3, 31), y, text);

/** 年度末: the last day of the fiscal year (still that fiscal year). */
export const fyEndPeriod = (y: number, text: string): FiscalPeriod =>
  base('fy_end', isoDate(y + 1, 3, 31), isoDate(y + 1, 3, 31), y, text);

/**
 * A calendar year 年. Its fiscal year is the one that starts in it (April–December, nine of its twelve months);
 * January–March belong to the FY before, which the start/end dates keep visible.
 */
export const yearPeriod = (y: number, text: string): FiscalPeriod =>
  base('year', isoDate(y, 1, 1), isoDate(y, 12, 31), y, text);

export const monthPeriod = (y: number, m: number, text: string): FiscalPeriod =>
  base('month', isoDate(y, m, 1), isoDate(y, m, daysInMonth(y, m)), fiscalYearOf(y, m), text);

export const datePeriod = (y: number, m: number, d: number, text: string): FiscalPeriod =>
  base('date', isoDate(y, m, d), isoDate(y, m, d), fiscalYearOf(y, m), text);

/** Fiscal years `from`..`to` (inclusive) as a range. */
export const fyRangePeriod = (from: number, to: number, text: string): FiscalPeriod =>
  base('range', isoDate(from, 4, 1), isoDate(to + 1, 3, 31), null, text);

export const rangePeriod = (start: string, end: string, text: string): FiscalPeriod =>
  base('range', start, end, null, text);
