/**
 * Column and row headers: the period and the value kind a header names (`R3年度 （見込）`, `R1実績`,
 * `令和３年度 実績値`, `H29 年度末`, `計画値`, `乖離値`), and what is left of it.
 */

import type { FiscalPeriod, ValueKind } from '@shiryo/model';
import { ESTIMATE_PATTERN, KIND_WORDS, kindOfWord } from '@shiryo/model';
import { normalizeMapped } from '../text/index.js';
import { fyPeriod } from './dates.js';
import { type PeriodOptions, scanPeriods } from './scan.js';

/**
 * Header words and their value kinds. 見込/計画 → `plan`; `estimate` only for a result estimated before it is final
 * (`実績(見込)`, `実績見込`, read in parseColumnHeader).
 */
export const VALUE_KIND_WORDS: Readonly<Record<string, ValueKind>> = KIND_WORDS;

/**
 * The value kind of one header word (`実績値` → actual, `計画見込量` → plan); null when the word is not a header
 * word. Read by the vocabulary's one reader of kind words (`kindOfWord`: exact words, then compounds by stems).
 */
export function valueKindOf(word: string): ValueKind | null {
  return kindOfWord(normalizeMapped(word).text);
}

export interface ColumnHeader {
  /** The first period in the header (a bare western year `2018` reads as that fiscal year, with a warning). */
  period: FiscalPeriod | null;
  valueKind: ValueKind | null;
  /** The header without the period and the value-kind word, normalized. */
  rest: string;
  /** Every period in the header, in order. */
  periods: FiscalPeriod[];
}

/** Four digits and a word after them (`2021見込`): a year when the word is a kind word. */
const WESTERN_THEN_KIND = /^(\d{4})(?![\d,.])\s*(\S.{0,9})$/u;

const BRACKETED = /[(【[<「『]\s*([^()【】[\]<>「」『』]{1,8}?)\s*[)】\]>」』]/gu;

function tidy(s: string): string {
  return s
    .replace(/\(\s*\)|【\s*】|\[\s*\]|「\s*」/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:の|:)\s*/, '')
    .trim();
}

/**
 * A header that is four digits alone (`2018`) is a year only where a year can be: within 30 years of the document's
 * year when it is known (`1887` in a table of 令和5年 is a count), else 1950–2100.
 */
function bareWesternYear(y: number, opts: PeriodOptions): boolean {
  return opts.era ? Math.abs(y - opts.era.year) <= 30 : y >= 1950 && y <= 2100;
}

/**
 * Read a header cell: `R3年度 （見込）` → FY2021 plan, `R1実績` → FY2019 actual, `令和３年度 実績値` → FY2021
 * actual, `H29 年度末` → FY2017 fy_end, `見込量` → plan, `比 較` → deviation, `利用実人数（人／月）` → no period,
 * no kind, rest `利用実人数(人/月)`.
 */
export function parseColumnHeader(text: string, opts: PeriodOptions = {}): ColumnHeader {
  const m = normalizeMapped(text);
  let s = m.text;
  const found = scanPeriods(m, text, opts);
  const periods = found.map((c) => c.reading);
  // A year beside a plan term (`第6期計画の目標値（令和5年度）`) is the more specific: it is the header's period, and
  // the plan term (with its `計画`, not a kind word here) is cut from the rest as well.
  const first = found.find((c) => c.reading.kind !== 'plan_term') ?? found[0];
  let period: FiscalPeriod | null = first?.reading ?? null;
  if (first) {
    const cut = found.filter((c) => c === first || c.reading.kind === 'plan_term');
    for (const c of [...cut].reverse()) {
      const after =
        c.reading.kind === 'plan_term'
          ? /^\s?計画(?!\p{sc=Han})/u.exec(s.slice(c.b))
          : /^\s?(?:時点|現在)/.exec(s.slice(c.b));
      s = `${s.slice(0, c.a)} ${s.slice(c.b + (after ? after[0].length : 0))}`;
    }
  } else if (/^\d{4}$/.test(s.trim()) && opts.bareWesternYears !== false && bareWesternYear(Number(s), opts)) {
    const y = Number(s);
    period = fyPeriod(y, text.trim());
    period.warnings.push(`bare_year: ${y} in a header is read as fiscal year ${y}`);
    periods.push(period);
    s = '';
  } else {
    // (a bare western year fused with a kind word, `2021見込`, `2020 実績`, `2022(実績見込)`: the year of that kind)
    const fused = WESTERN_THEN_KIND.exec(s.trim());
    const rest = fused?.[2]?.replace(/^[(（【[]\s*|\s*[)）】\]]$/gu, '') ?? '';
    if (fused && bareWesternYear(Number(fused[1]), opts) && (valueKindOf(rest) || ESTIMATE_PATTERN.test(rest))) {
      const y = Number(fused[1]);
      period = fyPeriod(y, fused[1]!);
      period.warnings.push(`bare_year: ${y} before a kind word in a header is read as fiscal year ${y}`);
      periods.push(period);
      s = fused[2]!;
    }
  }

  let valueKind: ValueKind | null = null;
  // What is left is one compound kind word read whole by its stems (`実績値（見込）` → estimate, `見込（推計）`,
  // `将来推計` → plan, `実績（速報値）` → actual): no part of it is left over as a label.
  const whole = s.trim() ? valueKindOf(s.replace(/\s+/g, '')) : null;
  if (whole) {
    valueKind = whole;
    s = '';
  }
  // `実績(見込)`, `実績見込`: a result not yet final, estimated.
  const estimated = valueKind ? null : ESTIMATE_PATTERN.exec(s);
  if (estimated) {
    valueKind = 'estimate';
    s = s.slice(0, estimated.index) + s.slice(estimated.index + estimated[0].length);
  }
  // A bracketed word: （見込）, 【目標値】.
  for (const b of valueKind ? [] : s.matchAll(BRACKETED)) {
    const k = valueKindOf(b[1] as string);
    if (k) {
      valueKind = k;
      s = s.slice(0, b.index) + s.slice(b.index + b[0].length);
      break;
    }
  }
  // A word on its own: `R3 見込`, `R1実績` (what is left after the period), `2020年度の計画案`, `年度の進捗目標`.
  if (!valueKind) {
    const tokens = s.split(/[\s:の]+/u).filter(Boolean);
    for (const t of tokens) {
      // Brackets left at either end once the period inside them is gone: `目標値(令和5年度)` → `目標値(`.
      const core = t.replace(/^[(（【[)）】\]]+|[(（【[)）】\]]+$/gu, '');
      const k = valueKindOf(core);
      if (k) {
        valueKind = k;
        const i = s.indexOf(core);
        s = (s.slice(0, i) + s.slice(i + core.length)).replace(/[(（【[]\s*[)）】\]]/gu, ' ');
        break;
      }
    }
  }
  return { period, valueKind, rest: tidy(s), periods };
}
