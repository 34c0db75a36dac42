/**
 * Text helpers shared by the readers and repairs: normalisation and the small classifiers
 * (numeric data, year-like labels, CJK characters) that header detection and repairs rely on.
 */

import { BOUND_PREFIX_WORDS, VALUE_PREFIX_WORDS, wordsPattern } from '@shiryo/model';
import { foldRadicals } from './radicals.js';

/** A value's approximation, cumulation or bound word before its number (`約3`, `延べ 360人`, `最大 95`). */
const VALUE_PREFIX = new RegExp(
  `^(?:${wordsPattern([...VALUE_PREFIX_WORDS, ...Object.keys(BOUND_PREFIX_WORDS)])})\\s*(?=[▲△+\\-−±]?\\s*\\d)`,
  'u',
);

/** Circled and parenthesised numbers that NFKC would turn into plain digits (① → 1, ⑴ → (1)). */
const KEEP_FROM_NFKC = /[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]/;

/**
 * NFKC, except for circled/parenthesised numbers, and CJK radicals written for kanji folded (`⻑` → 長, see
 * radicals.ts; NFKC itself folds the Kangxi block): NFKC maps `①地域移行者数 4人` to `1地域移行者数 4人`, which
 * makes a label look like a number, so those characters are kept as written.
 */
export function nfkc(s: string): string {
  return foldRadicals(nfkcKeepingCircled(s));
}

function nfkcKeepingCircled(s: string): string {
  if (!KEEP_FROM_NFKC.test(s)) return s.normalize('NFKC');
  let out = '';
  let run = '';
  for (const ch of s) {
    if (KEEP_FROM_NFKC.test(ch)) {
      out += run.normalize('NFKC') + ch;
      run = '';
    } else run += ch;
  }
  return out + run.normalize('NFKC');
}

/** Whitespace (including U+3000 and NBSP, which NFKC already maps to spaces) collapsed to one space and trimmed. */
export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u200b\ufeff]+/g, ' ').trim();
}

/** The cleaned form of any source text: NFKC (keeping circled numbers) and collapsed whitespace. */
export function cleanText(s: string): string {
  return collapseWhitespace(nfkc(s));
}

/** A comparison key: cleaned text without any whitespace (`区 分` and `区分` share a key). */
export function textKey(s: string): string {
  return cleanText(s).replace(/\s+/g, '');
}

export const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';
export const isLatin = (ch: string): boolean => /^[A-Za-z]$/.test(ch);
/** Han, hiragana, katakana (with ー), the kanji iteration mark 々 and ヶ. */
export const isCjk = (ch: string): boolean =>
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]$/u.test(ch);

/**
 * A label for a period, not a data value: `令和3年度`, `R3`, `H29 年度末`, `2019年度`, `2018-2020`, `第6期`, `6月`.
 * Tested on the start of the text (`R3年度 (見込)` is year-like); a leading `(` is skipped.
 */
export function isYearLike(text: string): boolean {
  const t = cleanText(text).replace(/^[(（]/, '');
  return (
    /^(?:令和|平成|昭和)\s*(?:\d{1,2}|元)\s*年/.test(t) ||
    /^[RHSrhs]\s*(?:\d{1,2}|元)(?!\d)(?![,.]\d)/.test(t) ||
    /^(?:19|20)\d{2}(?:$|[\s年度\-~～(/])/.test(t) ||
    /^第\s*\d+\s*期/.test(t) ||
    /^\d{1,2}\s*月(?:末|分|時点)?$/.test(t)
  );
}

/**
 * A line that starts with a section number and a title (`3 地域支援事業の主な実績`, `(2) 利用者数`, `2) 研修の状況`:
 * the number closed by a bracket alone, as NFKC writes `２）`): a heading, not a row of values.
 */
export const NUMBERED_LINE =
  /^(?:[0-9０-９]{1,2}[.．]?|[(（]?[0-9０-９]{1,2}[)）]|第[0-9０-９]{1,2}章?)[ \u3000]+[^\s0-9０-９]/u;

/** A number that is part of a label: ages (`18歳未満`, `0~14歳`), grades (`1級`), ordinals (`第2回`, `2号`). */
export function isLabelNumber(text: string): boolean {
  return /^\d+(?:\s*[~～\-－]\s*\d+)?\s*(?:歳|才|級|号|次|回目|学年|年生|丁目|番目)/.test(cleanText(text));
}

/**
 * Four digits alone (`2019`, `１９９５`): a year in a table that writes its years so, else a count (family "counts that
 * look like years", see `writesBareYears`). Callers that know the table decide; `isNumericData` alone says year.
 */
export const isBareFourDigits = (s: string): boolean => /^\d{4}$/u.test(s.normalize('NFKC').trim());

/** Markers for a value that is not there: —, -, ―, /, ／, ×, 空欄. */
export function isMissingMarker(text: string): boolean {
  return /^(?:[-−‐‑–—―ー－/／×✕]|該当なし|なし)$/.test(cleanText(text));
}

/**
 * A cell holding a number and little else: `2,590`, `▲ 4人`, `4人 (5.6%)`, `191 <116>`, `72人を 超えない`.
 * Year-like labels (`R3`, `2019年度`) are not data; a label that merely starts with a digit (`1か所以上の設置`) is not.
 */
export function isNumericData(text: string): boolean {
  // (`約３（５．４%）`, `延べ 360人`: a value with its approximation or cumulation before it)
  const t = cleanText(text).replace(VALUE_PREFIX, '');
  if (!/^[▲△+\-−±]?\s*\d/.test(t) || isYearLike(t) || isLabelNumber(t)) return false;
  const rest = t
    .replace(/\([^)]*\)|<[^>]*>/g, '')
    .replace(/[▲△+\-−±]?\d[\d,]*(?:\.\d+)?/g, '')
    .replace(/\s+/g, '');
  return rest.length <= 6;
}

/**
 * A value as a table cell writes it: a number (`isNumericData`), or a count per period with its period first
 * (`年4回`, `年間12回`, `月2回`, `週3日`), as stream tables already read them (pdf/stream.ts `isValue`). Kept apart
 * from `isNumericData`: text set in columns (`年1回以上` in a list of targets) is no table for holding one.
 */
export function isCellValue(text: string): boolean {
  return isNumericData(cleanText(text).replace(/^(?:年間|月間|年|月|週)\s*(?=\d)/u, ''));
}

/**
 * A count with its counter (`248人`, `1 か所`, `年 2 回`, `2割`, `1.28倍`, `350千円`), not an ordinal (`第1回`, `2回目`)
 * nor a rate's base (`1人当たり`, `1人につき`, `1件毎`).
 */
const COUNT =
  /(?<![第\d.,])\d[\d,]*(?:\.\d+)?\s*(?:人|名|件|回(?!目)|か所|ヵ所|カ所|ヶ所|箇所|世帯|床|割|%|％|円|倍)(?!\s*(?:当た?り|あたり|につき|対|毎))/u;

/** A year written anywhere in a text (`令和4年`, `R8年度`, `H29年`, `2023年`). */
const YEAR_IN_TEXT = /(?:令和|平成|昭和|(?<![A-Za-z])[RHS])\s*(?:\d{1,2}|元)\s*年|(?:19|20)\d{2}\s*年/u;

/**
 * A time point and a count in one cell (`令和4年度末 248人`, `令和5年6月末の入院患者数 286 人`, `令和8年度末に135人以下`,
 * `2023年度 月5人`): the value at that time, written with its date, not a label of a column nor pieces of one. The
 * year's own number is no count; a count that describes a rate's base
 * (`1人当たり`) or an ordinal (`第1回`) is none; a bare date (`令和6年4月1日`) has no count.
 */
export function isDatedCount(text: string): boolean {
  const t = cleanText(text);
  if (!isYearLike(t) && !YEAR_IN_TEXT.test(t)) return false;
  return COUNT.test(t.replace(YEAR_IN_TEXT, ' '));
}

/** Sentence punctuation: a line or cell containing it reads as prose, not as a label. */
export const SENTENCE_PUNCT = /[。．！？!?]/;
