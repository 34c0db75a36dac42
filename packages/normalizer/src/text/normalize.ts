import { ATAI_STEMS, JISSEKI_OCR_READINGS, wordsPattern } from '@shiryo/model';
/**
 * Text repair: NFKC, whitespace, spaces that a PDF export left inside Japanese words, and the OCR confusions seen
 * in published exports. Every step keeps a map from each output character back to the input, so scanners that
 * run on the repaired text (periods, quantities) can report offsets in the text as the caller gave it.
 *
 * A fix is applied only where the repaired form reads (a known word, a number with its unit) and the original
 * did not; each applied fix is named in `fixes`.
 */

/** A string with, for each UTF-16 unit, its offset in the source; `map[text.length]` is the source's length. */
export interface Mapped {
  text: string;
  map: number[];
}

export interface NormalizedText {
  /** The repaired text. */
  text: string;
  /** The input as given. */
  orig: string;
  /** Names of the fixes applied, in order of first application. */
  fixes: string[];
}

/** Fix names (stable: they are recorded in warnings and table quality). */
export const FIXES = {
  joinWordSpaces: 'joinWordSpaces',
  joinSpacedDigits: 'joinSpacedDigits',
  decimalSpace: 'decimalSpace',
  decimalComma: 'decimalComma',
  ocrAtai: 'ocrAtai',
  ocrMokuhyo: 'ocrMokuhyo',
  ocrJisseki: 'ocrJisseki',
  ocrDigits: 'ocrDigits',
  eraLetterDot: 'eraLetterDot',
} as const;

/** Japanese letters: kanji, kana, the long-vowel mark and iteration marks (not the middle dot ・). */
export const JA = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\u30FC\\u3005\\u3006\\u30F6';
const JA_RE = new RegExp(`[${JA}]`, 'u');
export const isJapanese = (ch: string | undefined): boolean => !!ch && JA_RE.test(ch);

/**
 * Enclosed numerals (①, ⑴, ⒈, ㉑, ㊀ …) are list markers. NFKC would turn ① into `1` and make false numbers
 * (`1-①` → `1-1`), so they are kept as written.
 */
const ENCLOSED = /^[\u2460-\u24FF\u2776-\u2793\u3251-\u325F\u3280-\u3289\u32B1-\u32BF]$/u;
export const isEnclosedNumeral = (ch: string | undefined): boolean => !!ch && ENCLOSED.test(ch);

const COMBINING = /[\u0300-\u036F\u3099\u309A\uFF9E\uFF9F]/;

/** NFKC per character (keeping enclosed numerals), CRLF → LF, with the offset map. */
export function nfkcMapped(src: string): Mapped {
  let text = '';
  const map: number[] = [];
  let i = 0;
  while (i < src.length) {
    const cp = src.codePointAt(i) as number;
    const len = cp > 0xffff ? 2 : 1;
    let j = i + len;
    while (j < src.length && COMBINING.test(src[j] as string)) j++;
    const chunk = src.slice(i, j);
    const first = src.slice(i, i + len);
    let rep: string;
    if (first === '\r') rep = src[j] === '\n' ? '' : '\n';
    else if (ENCLOSED.test(first)) rep = chunk;
    else rep = chunk.normalize('NFKC');
    for (let k = 0; k < rep.length; k++) {
      text += rep[k];
      map.push(i);
    }
    i = j;
  }
  map.push(src.length);
  return { text, map };
}

/**
 * Replace every match of `re` (global) by `fn(match)` (null: leave it), keeping the offset map. Characters that
 * survive a deletion keep their own offsets.
 */
export function mreplace(
  m: Mapped,
  re: RegExp,
  fn: (match: RegExpExecArray) => string | null,
): Mapped & { changed: boolean } {
  let text = '';
  const map: number[] = [];
  let last = 0;
  let changed = false;
  re.lastIndex = 0;
  for (const mt of m.text.matchAll(re)) {
    const a = mt.index;
    const b = a + mt[0].length;
    const r = fn(mt);
    if (r === null || r === mt[0]) continue;
    changed = true;
    text += m.text.slice(last, a);
    for (let k = last; k < a; k++) map.push(m.map[k] as number);
    // Align the replacement with the match as a subsequence when it is one (deletions), else by position.
    const aligned: number[] = [];
    let p = a;
    for (const ch of r) {
      while (p < b && m.text[p] !== ch) p++;
      if (p >= b) break;
      aligned.push(m.map[p] as number);
      p++;
    }
    for (let k = 0; k < r.length; k++) {
      text += r[k];
      map.push(
        aligned.length === r.length
          ? (aligned[k] as number)
          : (m.map[a + Math.min(k, Math.max(0, b - a - 1))] as number),
      );
    }
    last = b;
  }
  if (!changed) return { ...m, changed };
  text += m.text.slice(last);
  for (let k = last; k <= m.text.length; k++) map.push(m.map[k] as number);
  return { text, map, changed };
}

/** Unit words after which a space following a number is an export artefact (`1 か所` → `1か所`). */
const UNIT_AFTER_SPACE =
  '(?:か所|カ所|ヶ所|ケ所|ヵ所|箇所|個所|人日|人(?![材口間生権格])|名(?![簿称前])|回(?![答復覧収])|件|床|千円|円(?!滑)|%|割(?![合引当])|倍|世帯|部(?![会分門署局長])|時間|歳|級)';

/** The unit words a run of spaced digits may end in for `joinSpacedDigits`. */
const SPACED_DIGIT_UNIT = '(?:人|名|回|件|か所|カ所|ヶ所|箇所|床|円|%|割|倍|世帯|部|時間)';

const HEADER_WORDS = new Set([
  '目標',
  '目標値',
  '実績',
  '実績値',
  '計画',
  '計画値',
  '基準値',
  '乖離値',
  '見込量',
  '数値',
]);

interface Step {
  name: string | null;
  re: RegExp;
  fn: (m: RegExpExecArray) => string | null;
}

const ERA_NAMES = '令和|平成|昭和|大正|明治';

const STEPS: Step[] = [
  // Whitespace: runs of blanks → one space; no blanks around line breaks.
  { name: null, re: /[ \t\f\v\u00A0\u2000-\u200B\u3000]+/g, fn: () => ' ' },
  { name: null, re: / ?\n ?/g, fn: () => '\n' },
  { name: null, re: /^ | $/g, fn: () => '' },
  // OCR: letters read for digits next to digits or a counter: `1O人` → `10人`, `6o人`, `1 2〇件`, after a decimal
  // point `2.O5倍`, `3.5O倍`; `l2か所`, `I 4か所`.
  { name: FIXES.ocrDigits, re: /(?<=\d ?|\d[.．])[Oo〇](?= ?(?:\d|人|件|回|か所|%|％|倍))/gu, fn: () => '0' },
  { name: FIXES.ocrDigits, re: /(?<![A-Za-z])[lI](?= ?\d)(?=[^A-Za-z]*?(?:人|件|回|か所|%|％|倍))/gu, fn: () => '1' },
  // OCR: 入 read for 人 right after a number (`5入`), where no word starts with it (入所, 入院, 入居 …).
  { name: FIXES.ocrDigits, re: /(?<=\d)入(?![所院居浴力会学退])/gu, fn: () => '人' },
  // OCR: a thousands comma with blanks around it and in the digits after it: `2 , 3 4 5件` → `2,345件`.
  {
    name: FIXES.ocrDigits,
    re: /(?<![\d,.])(\d) ?, ?(\d) ?(\d) ?(\d)(?= ?(?:件|人|回|か所|円|世帯))/gu,
    fn: (m) => `${m[1]},${m[2]}${m[3]}${m[4]}`,
  },
  // OCR: a decimal point read as a comma, a blank or both before a share or a ratio: `2, 3%`, `1 .8%`, `0 9%`,
  // `1, 38倍`.
  {
    name: FIXES.ocrDigits,
    re: /(?<![\d.,])(\d{1,2})(?: ?, | \.)(\d{1,2})(?= ?(?:%|％|倍))/gu,
    fn: (m) => `${m[1]}.${m[2]}`,
  },
  { name: FIXES.ocrDigits, re: /(?<![\d.,])0 (\d)(?= ?(?:%|％))/gu, fn: (m) => `0.${m[1]}` },
  // `1 1 人` → `11人`, `1 1 2か所` → `112か所`: single digits separated by single spaces, then a unit.
  {
    name: FIXES.joinSpacedDigits,
    re: new RegExp(`(?<![\\d,.])\\d(?: \\d)+ ?(?=${SPACED_DIGIT_UNIT})`, 'gu'),
    fn: (m) => m[0].replace(/ /g, ''),
  },
  // `1 ,234` → `1,234`: a thousands comma with a blank before it.
  { name: FIXES.joinSpacedDigits, re: /(?<=\d) (?=,\d{3}(?!\d))/g, fn: () => '' },
  // `1. 28倍` → `1.28倍`, `1. 31 倍` → `1.31 倍`.
  { name: FIXES.decimalSpace, re: /(?<![\d.,])(\d+)\. (\d+)(?= ?(?:倍|%|割))/g, fn: (m) => `${m[1]}.${m[2]}` },
  // `1、28 倍` → `1.28 倍` (an ideographic comma read for a decimal point, only before 倍).
  { name: FIXES.decimalComma, re: /(?<![\d.,、])(\d)、(\d{1,2})(?= ?倍)/g, fn: (m) => `${m[1]}.${m[2]}` },
  // Spaces inside words and tokens.
  { name: FIXES.joinWordSpaces, re: new RegExp(`(?<=[${JA}]) (?=[${JA}])`, 'gu'), fn: () => '' },
  { name: FIXES.joinWordSpaces, re: /(?<=(?:^|[^A-Za-z0-9])[RHS]) (?=\d|元)/g, fn: () => '' },
  // An era letter written with a full stop (`R.5年度`, `H.30`, `R.6.4.1現在`, `Ｒ．元`) is the letter alone: `R5年度`,
  // `R6.4.1` (a date). Only a lone R/H/S (`No.3`, `A.R.3` keep theirs) before one or two digits or 元.
  { name: FIXES.eraLetterDot, re: /(?<=(?:^|[^A-Za-z0-9.])[RHS])\. ?(?=(?:\d{1,2}|元)(?![\dA-Za-z]))/g, fn: () => '' },
  {
    name: FIXES.joinWordSpaces,
    re: new RegExp(`(?<=${ERA_NAMES}) (?=[\\d元〇一二三四五六七八九十])`, 'gu'),
    fn: () => '',
  },
  { name: FIXES.joinWordSpaces, re: /(?<=第) (?=\d)/g, fn: () => '' },
  { name: FIXES.joinWordSpaces, re: /(?<=第\d{1,3}) (?=[期回条号次節章項])/g, fn: () => '' },
  { name: FIXES.joinWordSpaces, re: /(?<=(?:^|[^\d,.])\d{4}) (?=年)/g, fn: () => '' },
  {
    name: FIXES.joinWordSpaces,
    re: new RegExp(`(?<=(?:(?:^|[^A-Za-z0-9])[RHS]|${ERA_NAMES})(?:\\d{1,2}|元)) (?=年)`, 'gu'),
    fn: () => '',
  },
  { name: FIXES.joinWordSpaces, re: /(?<=\d年) (?=\d{1,2} ?月)|(?<=\d年 ?\d{1,2}) (?=月)/g, fn: () => '' },
  { name: FIXES.joinWordSpaces, re: /(?<=\d月) (?=\d{1,2} ?日)|(?<=\d月 ?\d{1,2}) (?=日)/g, fn: () => '' },
  { name: FIXES.joinWordSpaces, re: new RegExp(`(?<=\\d) (?=${UNIT_AFTER_SPACE})`, 'gu'), fn: () => '' },
  { name: FIXES.joinWordSpaces, re: /(?<=(?:^|[^A-Za-z])[A-Z]) (?=型)/g, fn: () => '' },
  // `年 24回` (a PDF's text split after 年) → `年24回`: a count per year.
  {
    name: FIXES.joinWordSpaces,
    re: /(?<=(?:^|[^0-9\p{sc=Han}])[年月週]) (?=\d[\d,]*(?:\.\d+)? ?(?:回|件|人|日|時間|か所))/gu,
    fn: () => '',
  },
  // OCR: 值 (U+503C) for 値 in known words.
  {
    name: FIXES.ocrAtai,
    re: new RegExp(`(${wordsPattern(ATAI_STEMS)})值`, 'gu'),
    fn: (m) => `${m[1]}値`,
  },
  // OCR: 月標 / 日標 for 目標 inside brackets or before 値 / a colon, when the result is a header word.
  {
    name: FIXES.ocrMokuhyo,
    re: /【 ?[月日] ?標 ?(値?) ?】/gu,
    fn: (m) => (HEADER_WORDS.has(`目標${m[1]}`) ? `【目標${m[1]}】` : null),
  },
  // (and before the words a target's label goes on with: `月標設定及び評価の実施回数`, `日標達成率`; not `月標準…`)
  { name: FIXES.ocrMokuhyo, re: /(?<!\p{sc=Han})[月日]標(?=値|:|設定|達成)/gu, fn: () => '目標' },
  // OCR: 續 / 積 for 績 in 実績 (`R5実續`, `実積値`).
  { name: FIXES.ocrJisseki, re: new RegExp(wordsPattern(JISSEKI_OCR_READINGS), 'gu'), fn: () => '実績' },
];

/** Repair `text`, keeping the offset map. */
export function normalizeMapped(text: string): Mapped & { fixes: string[] } {
  const hit = memo.get(text);
  if (hit) return { text: hit.text, map: hit.map, fixes: [...hit.fixes] };
  let m: Mapped = nfkcMapped(text);
  const fixes: string[] = [];
  for (const step of STEPS) {
    const r = mreplace(m, step.re, step.fn);
    if (r.changed && step.name && !fixes.includes(step.name)) fixes.push(step.name);
    m = { text: r.text, map: r.map };
  }
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(text, { ...m, fixes });
  return { ...m, fixes: [...fixes] };
}

/**
 * The same cells, labels and unit words are normalized again and again (every header reading, every quantity and
 * period parse): a bounded memo of the last readings. The offset map is shared and never written to.
 */
const MEMO_SIZE = 20_000;
const memo = new Map<string, Mapped & { fixes: string[] }>();

/**
 * NFKC (enclosed numerals kept), blanks collapsed (line breaks kept), spaces inside Japanese words removed
 * (`精神障 害者`, `項 目`, `第 6 期`, `R 3`, `サー ビス`) but never between two numbers (`17人 12人`, `1,275 <24>`),
 * spaced digits before a unit joined (`1 1 人` → `11人`), decimal repairs (`1. 28倍`, `1、28 倍` → `1.28倍`), and
 * OCR word confusions (`目標值` → `目標値`, `【月標】`/`【日標值】` → `【目標】`/`【目標値】`).
 */
export function normalizeText(text: string): NormalizedText {
  const m = normalizeMapped(text);
  return { text: m.text, orig: text, fixes: m.fixes };
}

/** The source span `[start, end)` of the normalized span `[a, b)`, trailing blanks of the source dropped. */
export function sourceSpan(m: Mapped, source: string, a: number, b: number): { offset: number; length: number } {
  const start = m.map[a] as number;
  let end = b >= m.map.length ? source.length : (m.map[b] as number);
  if (b > a) {
    // the last character of the match may map to a source character that expanded (㋿ → 令和): include it all
    const lastSrc = m.map[b - 1] as number;
    if (end <= lastSrc) end = lastSrc + 1;
  }
  while (end > start && /\s/.test(source[end - 1] as string)) end--;
  return { offset: start, length: end - start };
}
