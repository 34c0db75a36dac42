/**
 * The words and small readings the prose rules share: periods and quantities found in a text, kind words, bullet
 * starts, the label cleaner. Pure string functions.
 */

import type { FiscalPeriod, ValueKind } from '@shiryo/model';
import {
  BRACKET_KIND_WORDS,
  BULLET_MARKS,
  charClass,
  KIND_MARKER,
  KIND_STEM_ACTIVITY_NOUNS,
  LABEL_TAIL_KIND_WORDS,
  LABEL_TAIL_SUFFIXED_KIND_WORDS,
  withValueSuffixes,
  wordsPattern,
} from '@shiryo/model';
import { kindWord, stripNumbering, stripTags } from '../labels.js';

import { findPeriods, type PeriodOptions, valueKindOf } from '../period/index.js';
import { findQuantities } from '../quantity/index.js';

const BULLET_START = new RegExp(`(?:^|\\s)${charClass(BULLET_MARKS)}`, 'gu');

export function findPeriodSpans(text: string, opts: PeriodOptions = {}) {
  return (
    findPeriods(text, opts)
      // `2025年問題`: a year glued to a noun names the noun, it does not date a value.
      .filter(
        (p) =>
          !(
            p.kind === 'year' &&
            /^[\p{sc=Han}]/u.test(text.slice(p.offset + p.length)) &&
            !/^[度末月中時以内前後間頃]/u.test(text.slice(p.offset + p.length))
          ),
      )
      .map((p) => ({
        start: p.offset,
        end: p.offset + p.length,
        text: text.slice(p.offset, p.offset + p.length),
        period: p as FiscalPeriod,
      }))
  );
}

export type PeriodSpan = ReturnType<typeof findPeriodSpans>[number];

export function findQuantitySpans(text: string) {
  return findQuantities(text).map((q) => ({ start: q.offset, end: q.offset + q.length, quantity: q }));
}

export type QuantitySpan = ReturnType<typeof findQuantitySpans>[number];

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every kind marker of a text (matchAll copies the expression, so one instance serves every call). */
export const KIND_MARKERS = new RegExp(KIND_MARKER.source, 'gu');

/**
 * Kind words ending a label (`… 目標 /実績/達成率`, `…の抑制 現状値`, `…の目標量`, `…の利用者数の目標を` before
 * `令和8年度に30人と設定`): they say what a value is, not what it counts.
 */
export const KIND_TAIL = new RegExp(
  `[\\s/／:：、,]*(?:${wordsPattern(LABEL_TAIL_KIND_WORDS)}|(?<=^|[\\s/／:：、,の])(?:${wordsPattern(LABEL_TAIL_SUFFIXED_KIND_WORDS)}))(?:(?<=の(?:目標|実績))[をは])?[\\s/／:：]*$`,
  'u',
);
/**
 * `認定率は…18.6％となり、計画値の18.9％を下回っています`: the plan value a result is compared with, written right after
 * the result in its own form (a share of the plan, `見込量の8割を下回り`, is a threshold, not a value).
 */
export function planValueCompared(x: {
  qi: number;
  q: QuantitySpan;
  before: string;
  rest: string;
  I: { qs: QuantitySpan[]; text: string; prevValue: { end: number } | null };
}): boolean {
  const prev = x.I.qs[x.qi - 1];
  return (
    !!prev &&
    x.I.prevValue?.end === prev.end &&
    !!x.q.quantity.unit &&
    prev.quantity.unit === x.q.quantity.unit &&
    !/割/u.test(x.I.text.slice(x.q.start, x.q.end)) &&
    /(?:計画値?|見込量?|見込み?)の\s*$/u.test(x.before) &&
    /^\s*を?(?:下回|上回)/u.test(x.rest) &&
    !/。/u.test(x.I.text.slice(prev.end, x.q.start))
  );
}

/** A unit's counted thing without its period (`time/year` → `time`). */
export const unitBase = (u: string | null | undefined) => (u ?? '').split('/')[0];

/** A bullet that is a year and a value (`・令和3年度 818人`). */
export const yearOnly = /^\s*[・•]?\s*(?:令和|平成|R|H|\d{4})\s*(?:\d{1,2}|元)?\s*年度?[末中]?\s*[:：]?\s*[0-9０-９]/u;

/** Where each bullet item starts: a bullet mark at the start or after a blank (`… • 移行者数:5人 • 削減数:2人`). */
export function bulletStarts(text: string): number[] {
  return [...text.matchAll(BULLET_START)].map((m) => (m.index ?? 0) + m[0].length - 1);
}

/** The last position of any of `marks` in `s` that is not inside round brackets; -1 if none. */
export function lastOutsideBrackets(s: string, marks: string[]): number {
  let depth = 0;
  let at = -1;
  [...s].forEach((ch, i) => {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if (depth === 0 && marks.includes(ch)) at = i;
  });
  // (code units, as lastIndexOf counts them)
  return at < 0 ? -1 : [...s].slice(0, at).join('').length;
}

/** The kind the words right before a value give it (`【現状値】`, `（達成率`, `目標：`, `計画策定時（R5年度末）の`). */
export function immediateKind(before: string): ValueKind | null {
  const b = before
    .normalize('NFKC')
    // (`計画策定時（令和4年度）：`: a term and its date before a colon, as a definition list's pair is written)
    .replace(/([)）])\s*[:：]\s*$/u, '$1')
    .replace(/[(（][^()（）]*[)）]\s*の?\s*$/u, '')
    .replace(/(?:年|月)\s*$/u, '');
  const m = /(?:【\s*([^】]{1,6}?)\s*】|([\p{sc=Han}]{1,6}))\s*[:：]?\s*[(（]?\s*$/u.exec(b);
  // (`（令和5年度実績　52人）`: a kind word dated by the year before it; the year's 年度 is no part of the word)
  const word = (m?.[1] ?? m?.[2])?.replace(/^[^年]*年度末?(?=[\p{sc=Han}])/u, '');
  if (!word) return null;
  if (/計画策定時|策定時|現状値|基準値/u.test(word)) return 'baseline';
  return valueKindOf(word);
}

/**
 * Marks a result written in a table cell's sentences (a review sheet's 実績 column) whose year nothing states;
 * `normalizeDocument` dates it once all tables are read. A paragraph outside tables keeps no year.
 */
export const UNDATED_RESULT = 'undated result';

/** A label that names a count or a rate (`一般就労移行者数`, `削減数`, `定着率`), not a place or a type. */
export const COUNT_LABEL = /(数|率|割合|人員|件数)$/u;
/** A label that names a place or a type of provider (`就労移行支援事業所`, `就労継続支援B型`, `就労移行支援事業`). */
export const PLACE_LABEL = /(事業所|事業|施設|型|センター|病院|機関)$/u;
/** What a count of people is written as before its breakdown: a count (`…者数`) or the people (`…の一般就労者`). */
export const COUNT_LEAD = /(数|率|割合|人員|件数|者)$/u;
/** A short count (`支援件数`, `参加率`, `設置数`: six characters at most), which counts for what a name above it names. */
export const isShortCount = (label: string) => COUNT_LABEL.test(label) && [...label].length <= 6;
/** Whether a name above (`lead`) is what a short count under it counts for: a name, not a count, not holding it. */
export const countsFor = (lead: string, label: string) => !COUNT_LEAD.test(lead) && !lead.includes(label);

/**
 * The heading of the section that names what is counted: `(1) 福祉施設からの一般就労者 > ① 目標 令和5年度…` gives
 * `福祉施設からの一般就労者`. Headings that state a kind (`目標 …`, `実績`) only say which value follows.
 */
export function sectionCount(section: string | null): string | null {
  const parts = (section ?? '').split(' > ').reverse();
  for (const part of parts) {
    if (/^\s*(目標|実績|見込)/u.test(part)) continue;
    const name = cleanLabel(part);
    return COUNT_LEAD.test(name) ? name : null;
  }
  return null;
}

/** `相談支援事業所連絡会を実施`, `…検討会として設置`: the noun before it names an activity or body. */
export const ACTIVITY = /([\p{sc=Han}\p{sc=Katakana}ー]{3,30})(?:を(?:実施|開催)|として設置)/gu;

/** A kind word alone in round brackets (`（基準値）`, `（計画）`): BRACKET_KIND_WORDS. */
export const BRACKET_KIND = new RegExp(`[(（]\\s*(${wordsPattern(BRACKET_KIND_WORDS)})\\s*[)）]`, 'u');
const BRACKET_KIND_G = new RegExp(BRACKET_KIND.source, 'gu');

/** A kind word heading a label (`目標値 施設入所者数`, `実績数値 利用者数`), not the start of an activity noun (`目標設定及び評価`). */
const LEADING_KIND = new RegExp(
  `^(?!${wordsPattern(KIND_STEM_ACTIVITY_NOUNS)})(?:${wordsPattern(withValueSuffixes(['目標', '実績', '見込み', '見込']))}|【[^】]*】)\\s*`,
  'u',
);

export function cleanLabel(s: string): string {
  // `【2019年度末時点 施設入所者数】 36人`: a bracketed label names the value after it; a bracketed kind word
  // (`【目標値】`, `（基準値）`) is dropped.
  const unbracketed = s
    .replace(/【\s*([^】]*?)\s*】/gu, (_m, inner: string) =>
      kindWord(inner) && inner.length <= 5 ? ' ' : ` ${inner} `,
    )
    // `施設入所者数（基準値）：118人`: a kind word in round brackets says what the value is, not what it counts.
    .replace(BRACKET_KIND_G, ' ');
  return stripNumbering(stripTags(unbracketed.replace(/^[\s、,，・]+/u, '')))
    .replace(/[：:]\s*$/u, '')
    .replace(LEADING_KIND, '')
    .replace(/^\s*(時点|現在|末までに|末まで|末|までに|まで|において|における|中に|の|に)\s*/u, '')
    .replace(/(まで|までに|において|における)\s*$/u, '')
    .replace(/[\s、,・]+$/u, '')
    .replace(/^[)）\]」』]+|[(（[「『]+$/gu, '')
    .replace(/\s*[(（][^)）]*$/u, '')
    .replace(/[\s、,・]+$/u, '')
    .replace(/\s*(から|より)$/u, '')
    .replace(/(は|が|を|で|の|に)$/u, '')
    .trim();
}
