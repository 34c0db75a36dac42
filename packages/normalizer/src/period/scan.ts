/**
 * Periods in text: era years (令和3年度, 平成三十一年度, 令和元年5月1日), abbreviations (R3, R 3, H29年度末, R元, 令3),
 * western years with an era gloss (2019（令和元）年度, 2022(令和4)年4月), ranges (R3～R5, H30-R2, 2018-2020年度,
 * 令和3年度から令和5年度まで) and plan terms (第6期障害福祉計画).
 *
 * The scanner runs on normalized text (see `normalizeMapped`) and reports spans in it; texts are cut from the source.
 */

import type { FiscalPeriod } from '@shiryo/model';
import { ERA_OCR_READINGS, PLAN_TERM_BASES } from '@shiryo/model';
import { type Mapped, parseKanjiNumber, sourceSpan } from '../text/index.js';
import {
  datePeriod,
  daysInMonth,
  fyEndPeriod,
  fyPeriod,
  fyRangePeriod,
  isoDate,
  isValidDate,
  monthPeriod,
  rangePeriod,
  yearPeriod,
} from './dates.js';
import { type Era, eraLastYear, eraOf } from './era.js';

export type PlanType = 'shogai' | 'shogaiji' | 'kaigo';

/** A period as read, with the other reading when the text contradicts itself. */
export type PeriodReading = FiscalPeriod & {
  /** Other readings of the same text (`2020(令和4)年4月`: 2020-04 and 2022-04); a warning says why. */
  alternatives?: FiscalPeriod[];
  /** For ranges: the two ends as written. */
  range?: { from: FiscalPeriod; to: FiscalPeriod };
  /** For plan terms: the ordinal and the plan type. */
  planTerm?: { n: number; plan: PlanType };
};

/** A period found in a longer text: `offset`/`length` locate `text` in the string given to `findPeriods`. */
export type FoundPeriod = PeriodReading & { offset: number; length: number };

export interface PeriodOptions {
  /** The plan a bare `第6期` belongs to, when the text does not say. */
  planType?: PlanType;
  /**
   * The year the document is about (its date, its plan term, its era-marked years: `DocumentContext.era`). An era
   * year written without its era (`3年度`, `29年度`, `元年度`, `2年3月31日`) is read in the era that puts it nearest
   * this year, with a warning; without it such years are not read.
   */
  era?: EraAnchor;
  /**
   * false: a number of four digits alone (`2019`) is never a year here — a table whose years are written otherwise
   * (`令和4年度`, `R5`) and whose body holds counts such as 1,995 written without their comma (family "counts that look
   * like years"). Unset: read as a year within 30 years of `era` (`parseColumnHeader`).
   */
  bareWesternYears?: boolean;
}

/** The year a document is about, and the words that say so (for warnings). */
export interface EraAnchor {
  year: number;
  text: string;
}

/** The eras a year written without its era may belong to (an ended era a few years past its end: `32年度` of 平成). */
const BARE_ERAS = ['昭和', '平成', '令和'] as const;
const ERA_OVERSHOOT = 5;
/** A year further than this from the document's year in every era is not taken for a year (`75年度`). */
const BARE_MAX_DISTANCE = 30;

/**
 * The era of a year written without one (`3年度`): of the eras it can belong to, the one that puts it nearest the
 * document's year (`29 30 元 2` in a document of 令和3年 reads 2017, 2018, 2019, 2020).
 */
export function bareEraOf(n: number, anchor: EraAnchor): Era | null {
  let best: Era | null = null;
  for (const name of BARE_ERAS) {
    const e = eraOf(name) as Era;
    const last = eraLastYear(e);
    if (last !== null && e.firstYear + n - 1 > last + ERA_OVERSHOOT) continue;
    const d = Math.abs(e.firstYear + n - 1 - anchor.year);
    if (d <= BARE_MAX_DISTANCE && (!best || d < Math.abs(best.firstYear + n - 1 - anchor.year))) best = e;
  }
  return best;
}

/** First fiscal year of term 1 of each plan; every term lasts three fiscal years. */
export const PLAN_TERM_BASE: Record<PlanType, number> = {
  shogai: PLAN_TERM_BASES.障害福祉計画,
  shogaiji: PLAN_TERM_BASES.障害児福祉計画,
  kaigo: PLAN_TERM_BASES.介護保険事業計画,
};

/**
 * The fiscal years of a plan term: 障害福祉計画 term n starts FY 2006+3(n-1) (第6期 = FY2021–2023), 障害児福祉計画
 * term n starts FY 2018+3(n-1) (第2期 = FY2021–2023), 介護保険事業計画 term n starts FY 2000+3(n-1) (第8期 =
 * FY2021–2023).
 */
export function planTermPeriod(n: number, plan: PlanType, text = `第${n}期`): PeriodReading {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`plan term must be a positive integer: ${n}`);
  const from = PLAN_TERM_BASE[plan] + 3 * (n - 1);
  return {
    kind: 'plan_term',
    start: isoDate(from, 4, 1),
    end: isoDate(from + 3, 3, 31),
    fiscalYear: null,
    text,
    warnings: [],
    planTerm: { n, plan },
  };
}

/** One period found in normalized text. */
export interface Candidate {
  /** Span in the normalized text. */
  a: number;
  b: number;
  /** End of what the reading used (a plan name after `第6期`), for whole-string checks. */
  consumed: number;
  reading: PeriodReading;
}

const KNUM = '[〇一二三四五六七八九十]';
const ERA_NUM = `(元|\\d{1,2}|${KNUM}{1,4})`;
const MD_NUM = `(\\d{1,2}|${KNUM}{1,3})`;
// (`念和`, `信和`…: OCR misreadings of 令和, read as 令和 only where a year follows)
const ERA_NAME = `(令和|平成|昭和|大正|明治|${Object.keys(ERA_OCR_READINGS).join('|')})`;

const ERA_HEAD = new RegExp(`${ERA_NAME} ?${ERA_NUM}(?!\\d)(?: ?\\( ?(\\d{4}) ?年? ?\\))?`, 'gu');
const KANJI_ABBR_HEAD = /(?<!\p{sc=Han})(令|平|昭)(元|\d{1,2})(?!\d)/gu;
// An era year without its era: `3年度`, `29年度末`, `元年度`, `2年3月31日` (not `第3年度`, `R3`, `2021年度`); after
// a kanji only when that ends a year before it (`30年度元年度`, the blank between them lost), or for 元年度 (a label's
// line joined to the series line under it, `…の割合元年度末：78%`; not 紀元, 改元, 次元, 復元, 還元, 単元).
const BARE_HEAD =
  /(?:(?<=[度末])|(?<![\d.,/A-Za-z\p{sc=Han}])|(?<=\p{sc=Han})(?<![紀改次復還単])(?=元 ?年度))(元|\d{1,2})(?= ?年(?:度| ?\d{1,2} ?月))/gu;
const LATIN_HEAD = /(?<![A-Za-z0-9])([RHSTM]) ?(元|\d{1,2})(?![\d])/gu;
// (the era in the brackets may be abbreviated: `2024（R6）年度`, `2022(H34)`, `2025（令7）年`)
const GLOSS_ERA = `(令和|平成|昭和|大正|明治|${Object.keys(ERA_OCR_READINGS).join('|')}|[RHS]|令|平|昭)`;
const WESTERN_HEAD = new RegExp(
  `(?<![\\d,.])(\\d{4})(?![\\d,])(?: ?(年)? ?\\( ?${GLOSS_ERA} ?${ERA_NUM} ?年? ?\\))?`,
  'gu',
);
const TAIL = new RegExp(`(?: ?)(年度末|年度|年(?! ?間)(?: ?${MD_NUM} ?月(?: ?${MD_NUM} ?日|(末))?)?)`, 'uy');
const DOTTED_TAIL = /\.(\d{1,2})(?:\.(\d{1,2}))?(?![\d.])/y;
const WESTERN_DOTTED = /(?<![\d,.])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d./])/gu;
// A western year and month by a dot or slash, said to be a point in time (`2022.3末`, `2021/3月末`, `2023.3時点`): a
// bare `2022.3` is left alone (a number with a decimal).
const WESTERN_DOTTED_MONTH = /(?<![\d,.])(\d{4})[./](\d{1,2})(?![\d./])(?: ?(月))?(?: ?(末)| ?(?=時点|現在))/gu;
// `FY2021`, `FY 2021`, `ＦＹ２０２１`: the fiscal year starting in that year (not `FY21`, whose century is unsaid).
const FY_PREFIX = /(?<![A-Za-z])FY ?(\d{4})(?![\d,.])/gu;

const SEP = '(?:[-~〜]|から)';
const WESTERN_RANGE = new RegExp(
  `(?<![\\d,.])(\\d{4}) ?(年度|年)? ?${SEP} ?(\\d{4}) ?(年度|年)(?! ?間)(?: ?まで)?`,
  'gu',
);
const ERA_SHORT_RANGE = new RegExp(
  `${ERA_NAME} ?${ERA_NUM} ?(年度|年)? ?${SEP} ?(\\d{1,2}|${KNUM}{1,4}) ?(年度|年)(?! ?間)(?: ?まで)?`,
  'gu',
);
const LATIN_SHORT_RANGE =
  /(?<![A-Za-z0-9])([RHS]) ?(元|\d{1,2}) ?(年度)? ?[-~〜] ?(\d{1,2})(?:(?! ?年 ?間) ?(年度)|(?![\d.,年月/]))/gu;
// Ranges written short (family "a plan term's years"): `2024-26年度` (the end in two digits, same century), a western
// range in brackets without 年度 (`第9期（2024～2026）`). The end follows the start by 1 to 10 years.
const WESTERN_SHORT_END = new RegExp(
  `(?<![\\d,.])(\\d{4}) ?(年度|年)? ?${SEP} ?(\\d{2}) ?(年度|年)(?! ?間)(?: ?まで)?`,
  'gu',
);
const WESTERN_BRACKETED_RANGE = /(?<=[([【] ?)(\d{4}) ?[-~〜] ?(\d{4})(?= ?[)\]】])/gu;
const PLAN_TERM = new RegExp(`第 ?(\\d{1,2}|${KNUM}{1,3}) ?期`, 'gu');
const PAIR_SEP = /^ ?(?:[-~〜]|から) ?$/u;

const PLAN_NAMES: Array<[PlanType, RegExp]> = [
  ['shogaiji', /^[^\s。、・,()]{0,12}?(?:障害児|障がい児|障碍児)福祉計画/u],
  ['shogai', /^[^\s。、・,()]{0,12}?(?:障害|障がい|障碍)福祉計画/u],
  ['kaigo', /^[^\s。、,()]{0,16}?介護保険事業(?:\(?支援\)?)?計画/u],
];

function eraNumber(tok: string): number | null {
  if (tok === '元') return 1;
  const n = /^\d+$/.test(tok) ? Number(tok) : parseKanjiNumber(tok);
  return n !== null && n >= 1 ? n : null;
}

function mdNumber(tok: string | undefined): number | null {
  if (tok === undefined) return null;
  return /^\d+$/.test(tok) ? Number(tok) : parseKanjiNumber(tok);
}

interface Tail {
  end: number;
  kind: 'fy' | 'fy_end' | 'year' | 'month' | 'date';
  month?: number;
  day?: number;
  monthEnd?: boolean;
}

/** Read 年度末 / 年度 / 年 / 年M月 / 年M月D日 / 年M月末 at `pos`. */
function readTail(s: string, pos: number): Tail | null {
  TAIL.lastIndex = pos;
  const m = TAIL.exec(s);
  if (!m) return null;
  const end = pos + m[0].length;
  if (m[1] === '年度末') return { end, kind: 'fy_end' };
  if (m[1] === '年度') return { end, kind: 'fy' };
  const month = mdNumber(m[2]);
  if (month === null) return { end, kind: 'year' };
  const day = mdNumber(m[3]);
  if (day !== null) return { end, kind: 'date', month, day };
  if (m[4]) return { end, kind: 'date', month, monthEnd: true };
  return { end, kind: 'month', month };
}

const GLOSSED_MONTH = new RegExp(` ?${MD_NUM} ?月(?: ?${MD_NUM} ?日|(末))?`, 'uy');

/** The month and day after a glossed year (`2025年（令和7年）3月末`, `2023年(令和5年)4月1日`). */
function readGlossedMonth(s: string, pos: number): Tail | null {
  GLOSSED_MONTH.lastIndex = pos;
  const m = GLOSSED_MONTH.exec(s);
  const month = mdNumber(m?.[1]);
  if (!m || month === null) return null;
  const end = pos + m[0].length;
  const day = mdNumber(m[2]);
  if (day !== null) return { end, kind: 'date', month, day };
  if (m[3]) return { end, kind: 'date', month, monthEnd: true };
  return { end, kind: 'month', month };
}

const WESTERN_GLOSS = / ?\( ?(\d{4}) ?(?:年度|年)? ?\)/y;

/** A western year in brackets after an era year (`令和12年度（2030）`): its end and its year. */
function readWesternGloss(s: string, pos: number): { end: number; year: number } | null {
  WESTERN_GLOSS.lastIndex = pos;
  const m = WESTERN_GLOSS.exec(s);
  return m && plausibleYear(Number(m[1])) ? { end: pos + m[0].length, year: Number(m[1]) } : null;
}

/** Dotted forms after an era year: `R3.4` (month), `R3.4.1` (date). */
function readDotted(s: string, pos: number): Tail | null {
  DOTTED_TAIL.lastIndex = pos;
  const m = DOTTED_TAIL.exec(s);
  if (!m) return null;
  const month = Number(m[1]);
  if (m[2] !== undefined) return { end: pos + m[0].length, kind: 'date', month, day: Number(m[2]) };
  return { end: pos + m[0].length, kind: 'month', month };
}

/** The period of a western year with a tail (null when the month or day does not exist). */
function build(y: number, tail: Tail | null, text: string): FiscalPeriod | null {
  const kind = tail?.kind ?? 'fy';
  switch (kind) {
    case 'fy':
      return fyPeriod(y, text);
    case 'fy_end':
      return fyEndPeriod(y, text);
    case 'year':
      return yearPeriod(y, text);
    case 'month': {
      const m = tail?.month as number;
      return m >= 1 && m <= 12 ? monthPeriod(y, m, text) : null;
    }
    case 'date': {
      const m = tail?.month as number;
      if (m < 1 || m > 12) return null;
      const d = tail?.monthEnd ? daysInMonth(y, m) : (tail?.day as number);
      return isValidDate(y, m, d) ? datePeriod(y, m, d, text) : null;
    }
  }
}

/** Warnings for an era year outside its era (平成32年度, 令和元年4月1日). */
function eraWarnings(era: Era, n: number, p: FiscalPeriod): string[] {
  const last = eraLastYear(era);
  const y = era.firstYear + n - 1;
  if (last !== null && y > last) {
    return [`era_year_after_end: ${era.name}${n}年 is after the end of ${era.name} (${era.end}); read as ${y}`];
  }
  if (p.kind === 'date' || p.kind === 'month') {
    if (p.end < era.start) return [`date_before_era: ${p.text} is before ${era.name} began (${era.start})`];
    if (era.end && p.start > era.end) return [`date_after_era: ${p.text} is after ${era.name} ended (${era.end})`];
  }
  return [];
}

/** `念和`, `信和`…, OCR misreadings of 令和 (the scanner reads them only before a year). */
function ocrEra(name: string): string[] {
  return ERA_OCR_READINGS[name] ? [`ocr_era: ${name} read as 令和`] : [];
}

/** Combine a primary reading with a disagreeing gloss (`2020(令和4)年4月`). */
function withGloss(primary: FiscalPeriod, gloss: FiscalPeriod | null, note: string): PeriodReading {
  if (!gloss || (gloss.start === primary.start && gloss.end === primary.end)) return primary;
  return {
    ...primary,
    warnings: [...primary.warnings, `era_mismatch: ${note}; both readings kept`],
    alternatives: [gloss],
  };
}

/** Scan normalized text for periods. `source` is the text before normalization (for `text` fields). */
export function scanPeriods(m: Mapped, source: string, opts: PeriodOptions = {}): Candidate[] {
  const s = m.text;
  const cut = (a: number, b: number) => {
    const sp = sourceSpan(m, source, a, b);
    return source.slice(sp.offset, sp.offset + sp.length);
  };
  const found: Candidate[] = [];
  const add = (a: number, b: number, reading: PeriodReading | null, consumed = b) => {
    if (reading) found.push({ a, b, consumed, reading });
  };

  // Ranges written in one token.
  for (const x of s.matchAll(WESTERN_RANGE)) {
    const y1 = Number(x[1]);
    const y2 = Number(x[3]);
    if (!plausibleYear(y1) || !plausibleYear(y2)) continue;
    const a = x.index;
    const b = a + x[0].length;
    const text = cut(a, b);
    const fy = x[4] === '年度';
    const from = fy ? fyPeriod(y1, String(y1)) : yearPeriod(y1, String(y1));
    const to = fy ? fyPeriod(y2, String(y2)) : yearPeriod(y2, String(y2));
    add(a, b, makeRange(from, to, text));
  }
  for (const x of s.matchAll(ERA_SHORT_RANGE)) {
    const era = eraOf(x[1] as string) as Era;
    const n1 = eraNumber(x[2] as string);
    const n2 = eraNumber(x[4] as string);
    if (n1 === null || n2 === null) continue;
    const a = x.index;
    const b = a + x[0].length;
    const fy = x[5] === '年度';
    const y1 = era.firstYear + n1 - 1;
    const y2 = era.firstYear + n2 - 1;
    const from = fy ? fyPeriod(y1, `${x[1]}${x[2]}`) : yearPeriod(y1, `${x[1]}${x[2]}`);
    const to = fy ? fyPeriod(y2, `${x[1]}${x[4]}`) : yearPeriod(y2, `${x[1]}${x[4]}`);
    const r = makeRange(from, to, cut(a, b));
    r.warnings.push(...eraWarnings(era, Math.max(n1, n2), to), ...ocrEra(x[1] as string));
    add(a, b, r);
  }
  for (const x of s.matchAll(WESTERN_SHORT_END)) {
    const y1 = Number(x[1]);
    const y2 = y1 - (y1 % 100) + Number(x[3]);
    if (!plausibleYear(y1) || y2 <= y1 || y2 - y1 > 10) continue;
    const a = x.index;
    const b = a + x[0].length;
    const fy = x[4] === '年度';
    const from = fy ? fyPeriod(y1, String(y1)) : yearPeriod(y1, String(y1));
    const to = fy ? fyPeriod(y2, x[3] as string) : yearPeriod(y2, x[3] as string);
    add(a, b, makeRange(from, to, cut(a, b)));
  }
  for (const x of s.matchAll(WESTERN_BRACKETED_RANGE)) {
    const y1 = Number(x[1]);
    const y2 = Number(x[2]);
    if (!plausibleYear(y1) || y2 <= y1 || y2 - y1 > 10) continue;
    const a = x.index;
    const b = a + x[0].length;
    add(a, b, makeRange(fyPeriod(y1, String(y1)), fyPeriod(y2, String(y2)), cut(a, b)));
  }
  for (const x of s.matchAll(LATIN_SHORT_RANGE)) {
    const era = eraOf(x[1] as string) as Era;
    const n1 = eraNumber(x[2] as string);
    const n2 = eraNumber(x[4] as string);
    if (n1 === null || n2 === null) continue;
    // without 年度 (`R6-8`, `R6～8`) only a range forward of a few years
    if (!x[5] && !x[3] && (n2 <= n1 || n2 - n1 > 10)) continue;
    const a = x.index;
    const b = a + x[0].length;
    const from = fyPeriod(era.firstYear + n1 - 1, `${x[1]}${x[2]}`);
    const to = fyPeriod(era.firstYear + n2 - 1, `${x[1]}${x[4]}`);
    const r = makeRange(from, to, cut(a, b));
    r.warnings.push(...eraWarnings(era, Math.max(n1, n2), to));
    add(a, b, r);
  }

  // Plan terms.
  for (const x of s.matchAll(PLAN_TERM)) {
    const n = eraNumber(x[1] as string);
    if (n === null) continue;
    const a = x.index;
    const b = a + x[0].length;
    const after = s.slice(b, b + 24);
    let plan: PlanType | undefined;
    let consumed = b;
    for (const [type, re] of PLAN_NAMES) {
      const pm = re.exec(after);
      if (pm) {
        plan = type;
        consumed = b + pm[0].length;
        break;
      }
    }
    plan ??= opts.planType;
    if (!plan) continue;
    add(a, b, planTermPeriod(n, plan, cut(a, b)), consumed);
  }

  // Era names: 令和3年度, 令和元年5月1日, 令和元(2019)年度.
  for (const x of s.matchAll(ERA_HEAD)) {
    const era = eraOf(x[1] as string) as Era;
    const n = eraNumber(x[2] as string);
    if (n === null) continue;
    const a = x.index;
    const headEnd = a + x[0].length;
    const tail = readTail(s, headEnd);
    // a kanji-numbered era year needs its 年 (昭和一桁 is not a period)
    if (!tail && !/^(元|\d+)$/.test(x[2] as string)) continue;
    // the western year may follow as a gloss: 令和12年度（2030）, 令和12年度(2030年度)
    const after = x[3] ? null : readWesternGloss(s, tail?.end ?? headEnd);
    const b = after?.end ?? tail?.end ?? headEnd;
    const text = cut(a, b);
    const y = era.firstYear + n - 1;
    const p = build(y, tail, text);
    if (!p) continue;
    p.warnings.push(...eraWarnings(era, n, p), ...ocrEra(x[1] as string));
    let reading: PeriodReading = p;
    const gy = x[3] ? Number(x[3]) : after?.year;
    if (gy !== undefined) reading = withGloss(p, build(gy, tail, text), `${x[1]}${x[2]} (${y}) and ${gy} disagree`);
    add(a, b, reading);
  }

  // One-kanji abbreviations: 令3, 平30.
  for (const x of s.matchAll(KANJI_ABBR_HEAD)) {
    const era = eraOf(x[1] as string) as Era;
    const n = eraNumber(x[2] as string);
    if (n === null) continue;
    const a = x.index;
    const headEnd = a + x[0].length;
    const tail = readTail(s, headEnd) ?? readDotted(s, headEnd);
    const b = tail?.end ?? headEnd;
    const p = build(era.firstYear + n - 1, tail, cut(a, b));
    if (!p) continue;
    p.warnings.push(...eraWarnings(era, n, p));
    add(a, b, p);
  }

  // Era years without their era, in the era of the document's year (`opts.era`).
  if (opts.era) {
    for (const x of s.matchAll(BARE_HEAD)) {
      const n = eraNumber(x[1] as string);
      if (n === null) continue;
      const era = bareEraOf(n, opts.era);
      if (!era) continue;
      const a = x.index;
      const tail = readTail(s, a + x[0].length);
      if (!tail || tail.kind === 'year') continue;
      const text = cut(a, tail.end);
      const p = build(era.firstYear + n - 1, tail, text);
      if (!p) continue;
      p.warnings.push(
        `bare_year: ${text} names no era; read as ${era.name}${n === 1 ? '元' : n}年 (${era.firstYear + n - 1}), the era nearest the document's year (${opts.era.text})`,
        ...eraWarnings(era, n, p),
      );
      add(a, tail.end, p);
    }
  }

  // Latin abbreviations: R3, R 3, H29年度末, R元, R3.4.1. T and M only with 年.
  for (const x of s.matchAll(LATIN_HEAD)) {
    const era = eraOf(x[1] as string) as Era;
    const n = eraNumber(x[2] as string);
    if (n === null) continue;
    const a = x.index;
    const headEnd = a + x[0].length;
    if (/^[A-Za-z]/.test(s.slice(headEnd, headEnd + 1))) continue;
    const tail = readTail(s, headEnd) ?? readDotted(s, headEnd);
    if ((x[1] === 'T' || x[1] === 'M') && !tail) continue;
    const b = tail?.end ?? headEnd;
    const p = build(era.firstYear + n - 1, tail, cut(a, b));
    if (!p) continue;
    p.warnings.push(...eraWarnings(era, n, p));
    add(a, b, p);
  }

  // Western years: 2021年度, 2019(令和元)年度, 2019年(令和元)年度, 2022(令和4)年4月, 2020年1月.
  for (const x of s.matchAll(WESTERN_HEAD)) {
    const y = Number(x[1]);
    if (!plausibleYear(y)) continue;
    const a = x.index;
    const headEnd = a + x[0].length;
    let tail = readTail(s, headEnd);
    if (!tail && x[2] && x[3]) tail = readGlossedMonth(s, headEnd) ?? { end: headEnd, kind: 'year' }; // 2019年(令和元年)
    if (!tail && x[3]) tail = { end: headEnd, kind: 'fy' }; // 2019（R元）: the era year in brackets says it is a year
    if (!tail) continue;
    const b = tail.end;
    const text = cut(a, b);
    const p = build(y, tail, text);
    if (!p) continue;
    let reading: PeriodReading = p;
    if (x[3]) {
      const era = eraOf(x[3]) as Era;
      const n = eraNumber(x[4] as string);
      if (n !== null) {
        const gy = era.firstYear + n - 1;
        reading = withGloss(p, build(gy, tail, text), `${y} and ${x[3]}${x[4]} (${gy}) disagree`);
      }
    }
    add(a, b, reading);
  }
  for (const x of s.matchAll(WESTERN_DOTTED_MONTH)) {
    const y = Number(x[1]);
    if (!plausibleYear(y)) continue;
    const a = x.index;
    const b = a + x[0].length;
    const tail: Tail = x[4]
      ? { end: b, kind: 'date', month: Number(x[2]), monthEnd: true }
      : { end: b, kind: 'month', month: Number(x[2]) };
    add(a, b, build(y, tail, cut(a, b)));
  }
  for (const x of s.matchAll(FY_PREFIX)) {
    const y = Number(x[1]);
    if (!plausibleYear(y)) continue;
    const a = x.index;
    const b = a + x[0].length;
    add(a, b, fyPeriod(y, cut(a, b)));
  }
  for (const x of s.matchAll(WESTERN_DOTTED)) {
    const y = Number(x[1]);
    if (!plausibleYear(y)) continue;
    const a = x.index;
    const b = a + x[0].length;
    const p = build(y, { end: b, kind: 'date', month: Number(x[3]), day: Number(x[4]) }, cut(a, b));
    add(a, b, p);
  }

  // Longest first at each position; no overlaps.
  found.sort((p, q) => p.a - q.a || q.b - p.b);
  const chosen: Candidate[] = [];
  let last = -1;
  for (const c of found) {
    if (c.a < last) continue;
    chosen.push(c);
    last = c.b;
  }

  // The same year written twice, in two calendars side by side: 2019年度（令和元年度）, 2019/R1, H31/R1, R1 2019年度.
  const glossed = bareWesternGlosses(s, joinGlosses(s, chosen, cut), cut);

  // Pairs joined by ～, -, から: R3～R5, H30-R2, 令和3年度から令和5年度まで.
  const out: Candidate[] = [];
  for (let i = 0; i < glossed.length; i++) {
    const p = glossed[i] as Candidate;
    const q = glossed[i + 1];
    const joinable = (c: Candidate) => c.reading.kind !== 'range' && c.reading.kind !== 'plan_term';
    if (q && joinable(p) && joinable(q) && PAIR_SEP.test(s.slice(p.b, q.a))) {
      const made = / ?まで/y;
      made.lastIndex = q.b;
      const b = made.exec(s) ? made.lastIndex : q.b;
      out.push({ a: p.a, b, consumed: b, reading: makeRange(p.reading, q.reading, cut(p.a, b)) });
      i++;
      continue;
    }
    out.push(p);
  }
  return out;
}

// What may stand between a year and its gloss in the other calendar, and after it: `2019年度（令和元年度）`,
// `2019/R1`, `H31・R1`, `R1 2019年度` (a blank or a line break), `2019年度【R1】`.
const GLOSS_OPEN = /^ ?(?:([([【]) ?|[/・] ?)?$/u;
const GLOSS_CLOSE = / ?[)\]】]/uy;

/**
 * Join a year and the same year written again in the other calendar beside it (family "a year written twice"):
 * `2019年度（令和元年度）`, `平成31年度（令和元年度）`, `2019/R1`, `H31/R1`, `R1 2019年度`. The two must name the
 * same time (same start and end; a bare `R1` beside `2019年` takes the other's 年), else they stay two periods
 * (`R1 R2` over two columns) — except a bracketed gloss that disagrees, `2019年度（令和2年度）`, which is one period
 * with both readings kept and a warning.
 */
/** The calendar a year is written in: `W` for a western year, else its era's letter (`令和5年度`, `R5` → `R`). */
function calendarOf(text: string): string {
  const t = text.normalize('NFKC').trim();
  if (/^\d{4}/.test(t)) return 'W';
  const era = /^(\p{sc=Han}{1,2}|[A-Za-z])/u.exec(t);
  return (era && eraOf(era[1] as string)?.letter) ?? t.slice(0, 1);
}

function joinGlosses(s: string, chosen: Candidate[], cut: (a: number, b: number) => string): Candidate[] {
  const out: Candidate[] = [];
  const single = (c: Candidate) =>
    c.reading.kind !== 'range' && c.reading.kind !== 'plan_term' && c.reading.fiscalYear !== null;
  for (let i = 0; i < chosen.length; i++) {
    const p = chosen[i] as Candidate;
    const q = chosen[i + 1];
    const between = q ? GLOSS_OPEN.exec(s.slice(p.b, q.a)) : null;
    if (!q || !between || !single(p) || !single(q)) {
      out.push(p);
      continue;
    }
    const bracket = between[1] !== undefined;
    GLOSS_CLOSE.lastIndex = q.b;
    const close = bracket ? GLOSS_CLOSE.exec(s) : null;
    if (bracket && !close) {
      out.push(p);
      continue;
    }
    const kinds = new Set([p.reading.kind, q.reading.kind]);
    const same = p.reading.start === q.reading.start && p.reading.end === q.reading.end;
    // `2019年（R1）`: a bare era year beside a calendar year is that year
    const sameYear = p.reading.fiscalYear === q.reading.fiscalYear && kinds.has('fy') && kinds.has('year');
    // a disagreeing gloss is read only in brackets and only between years of one kind (`2019年度（令和2年度）`)
    const glossOnly = bracket && kinds.size === 1 && (kinds.has('fy') || kinds.has('year'));
    if (calendarOf(p.reading.text) === calendarOf(q.reading.text) || (!same && !sameYear && !glossOnly)) {
      out.push(p);
      continue;
    }
    let b = close ? q.b + close[0].length : q.b;
    // `2024年度（令和6年度）末`: the 末 after the gloss makes the year its end
    const yearEnd = same && p.reading.kind === 'fy' && q.reading.kind === 'fy' && s[b] === '末';
    if (yearEnd) b += 1;
    // the reading with the more specific tail (年3月末 over a bare R5) is the period; a plain pair keeps the first's
    const read = p.reading.kind === 'fy' && sameYear ? q.reading : p.reading;
    const main = yearEnd && read.fiscalYear !== null ? fyEndPeriod(read.fiscalYear, read.text) : read;
    const other = read === p.reading ? q.reading : p.reading;
    const text = cut(p.a, b);
    const reading =
      same || sameYear
        ? { ...main, text, warnings: [...p.reading.warnings, ...q.reading.warnings] }
        : withGloss({ ...main, text }, other, `${p.reading.text} and ${q.reading.text} disagree`);
    out.push({ a: p.a, b, consumed: Math.max(b, q.consumed), reading });
    i++;
  }
  return out;
}

const BARE_GLOSS_AFTER = /^ ?(?:[([【] ?(\d{4}) ?(年度|年)? ?[)\]】]( ?年度)?|(?:[/・] ?)?(\d{4})(?![\d,.]))/u;
const BARE_GLOSS_BEFORE = /(?<![\d,.])(\d{4}) ?(?:[/・] ?)?$/u;

/**
 * An era year with the same year in western digits beside it, the digits alone (family "a year written twice"):
 * `R1(2019)`, `R1（2019）年度`, `2019/R1`, `R1 2019`. The digits must be that very year: a count beside a year
 * (`R1 1995`) stays a count.
 */
function bareWesternGlosses(s: string, list: Candidate[], cut: (a: number, b: number) => string): Candidate[] {
  return list.map((c, i) => {
    const r = c.reading;
    if ((r.kind !== 'fy' && r.kind !== 'year') || calendarOf(r.text) === 'W') return c;
    const year = Number(r.start.slice(0, 4));
    const next = list[i + 1]?.a ?? s.length;
    const prev = list[i - 1]?.b ?? 0;
    const after = BARE_GLOSS_AFTER.exec(s.slice(c.b, next));
    const before = BARE_GLOSS_BEFORE.exec(s.slice(prev, c.a));
    if (after && Number(after[1] ?? after[4]) === year) {
      // `R1（2019）年度`: the 年度 after the brackets is the era year's
      const b = c.b + after[0].length;
      return { ...c, b, consumed: Math.max(b, c.consumed), reading: { ...r, text: cut(c.a, b) } };
    }
    if (before && Number(before[1]) === year) {
      const a = prev + before.index;
      return { ...c, a, reading: { ...r, text: cut(a, c.b) } };
    }
    return c;
  });
}

function plausibleYear(y: number): boolean {
  return y >= 1868 && y <= 2200;
}

function strip(p: FiscalPeriod): FiscalPeriod {
  return { kind: p.kind, start: p.start, end: p.end, fiscalYear: p.fiscalYear, text: p.text, warnings: p.warnings };
}

/** A range from two periods: from the first's start to the second's end; fiscalYear null. */
function makeRange(from: FiscalPeriod, to: FiscalPeriod, text: string): PeriodReading {
  const warnings = [...from.warnings, ...to.warnings];
  let start = from.start;
  let end = to.end;
  if (from.start > to.end) {
    warnings.push(`range_reversed: ${from.text} comes after ${to.text}; read as ${to.text}–${from.text}`);
    start = to.start;
    end = from.end;
  }
  const r: PeriodReading = rangePeriod(start, end, text);
  r.warnings = warnings;
  r.range = { from: strip(from), to: strip(to) };
  if (from.kind === 'fy' && to.kind === 'fy' && from.fiscalYear !== null && to.fiscalYear !== null) {
    const fy = fyRangePeriod(Math.min(from.fiscalYear, to.fiscalYear), Math.max(from.fiscalYear, to.fiscalYear), text);
    r.start = fy.start;
    r.end = fy.end;
  }
  return r;
}
