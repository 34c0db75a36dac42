/**
 * The words of a line whose table structure was lost, and what each word can be: a value (`1,234`, `1,234人`,
 * `▲14`, `120（3）`, `－`), a unit cell (`人/月`, `(時間/月)`), a period (`令和3年度`, `R3実績`, `30年度`), a value
 * kind (`計画`, `実績`, `見込量`, `達成率`). Shared by the readers of linear/.
 */
import {
  BOUND_WORDS,
  BULLET_MARKS,
  classBody,
  KIND_OCR_READINGS,
  kindOfWord,
  NOTE_MARKS,
  wordsPattern,
} from '@shiryo/model';
import { cleanText, isLabelNumber, isMissingMarker, isYearLike, SENTENCE_PUNCT } from '../text.js';

/** A word of a line: its text as written, where it starts and ends (characters, and display columns). */
export interface Token {
  /** As written (NFKC not applied). */
  orig: string;
  /** Cleaned (NFKC, whitespace collapsed). */
  text: string;
  /** Character offsets in the line, end exclusive. */
  start: number;
  end: number;
  /** Display columns, East Asian wide characters counted as 2, end exclusive. */
  wstart: number;
  wend: number;
}

/** East Asian wide or fullwidth (display width 2): CJK, kana, fullwidth forms, Hangul, CJK punctuation. */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x1100) return 1;
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  )
    return 2;
  return 1;
}

const SPACE = /[\s\u3000]/u;

/** The line's words, split at whitespace (ASCII, U+3000), with their offsets. */
export function lineTokens(line: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let w = 0;
  let cur: { start: number; wstart: number; chars: string[] } | null = null;
  const close = () => {
    if (!cur) return;
    const orig = cur.chars.join('');
    out.push({ orig, text: cleanText(orig), start: cur.start, end: i, wstart: cur.wstart, wend: w });
    cur = null;
  };
  for (const ch of line) {
    if (SPACE.test(ch)) close();
    else {
      cur ??= { start: i, wstart: w, chars: [] };
      cur.chars.push(ch);
    }
    i += ch.length;
    w += ch === '\t' ? 1 : charWidth(ch);
  }
  close();
  return out;
}

/** Two tokens as one (the gap between them kept as one space in `orig`, dropped in `text` when CJK meets CJK). */
export function joinTokens(a: Token, b: Token, space = ''): Token {
  return {
    orig: `${a.orig}${space || ' '}${b.orig}`,
    text: cleanText(`${a.text}${space}${b.text}`),
    start: a.start,
    end: b.end,
    wstart: a.wstart,
    wend: b.wend,
  };
}

/** Unit words, alone or after a number (`人/月`, `時間`, `人日分`, `か所`). */
const UNIT_WORD =
  '(?:人日分|人日|人分|時間分|時間|延べ人数|延人数|人|名|件|回|か所|カ所|ヶ所|ケ所|箇所|日分|日|千円|円|世帯|床|%|倍|か月|ヵ月|団体|校|園|施設|事業所|組|枚|冊|台|戸|ケース)';
const PER = '(?:\\s*[/／]\\s*(?:月|年|日|週|回|人|年度))?';
/** Digits, with the letters OCR reads for a digit after the first one (`1O` for 10, `1I3`, `8l.7`). */
const NUMBER = '[▲△+\\-−]?\\d[\\d,OoIl]*(?:\\.[\\dOoIl]+)?';
/** What a bracketed part may say before its number: `うち`, `内`, and the group it counts (`(うち精神障害者15)`). */
const PART_WORDS = '(?:(?:うち|内訳|内数|内)[:：]?[^()<>〈〉《》\\d]{0,12}?)?';
/**
 * A number with its unit (`入` is OCR's reading of `人` right after a number), or a count over a period written
 * before it (`年23回`, `月2回`, `週3日`), then a bound (`以上`, `を超えない`), a bracketed part, a note mark.
 */
const VALUE_RE = new RegExp(
  `^(?:約)?(?:(?:年間?|月|週)${NUMBER}${UNIT_WORD}|${NUMBER}(?:${UNIT_WORD}${PER}|入)?)(?:${wordsPattern(BOUND_WORDS)})?(?:[(<〈《]${PART_WORDS}${NUMBER}(?:${UNIT_WORD}${PER})?[)>〉》])?(?:※\\d*)?$`,
  'u',
);
const UNIT_RE = new RegExp(`^(?:[(\\[]\\s*)?(?:単位[:：]?)?${UNIT_WORD}${PER}(?:\\s*[)\\]])?$`, 'u');
/**
 * A head without its percent sign in brackets (`達成率（%）` → `達成率`): before and after its own brackets go, as the
 * sign stands inside them or after them (`（対計画比（％））`, `対計画比(%)`).
 */
export const stripPercent = (text: string) => text.replace(/[(（][%％][)）]$/u, '');
/** Where a kind stands among a period's columns: the plan first, then the result, its difference, its rate. */
const KIND_RANK: Record<string, number> = {
  baseline: 0,
  plan: 1,
  target: 1,
  estimate: 2,
  actual: 2,
  deviation: 3,
  achievement_rate: 4,
};

export function kindRank(key: string): number | null {
  const kind = kindOfHead(key);
  return kind ? (KIND_RANK[kind] ?? null) : null;
}

/** The value kind a head names (`実績値` → actual, `実績見込` → estimate, `（計画）` → plan), or null. */
export function kindOfHead(key: string): string | null {
  const k = stripPercent(stripPercent(key).replace(/^[(（【]|[)）】]$/gu, ''));
  return kindOfWord(KIND_OCR_READINGS[k] ?? k);
}

/**
 * A kind word as a header cell writes it: `計画`, `実績値`, `実績見込`, `(見込)`, `【目標】`, `達成率（%）`, `実績值`, and
 * any compound the vocabulary's one reader of kind words reads (`kindOfWord`: `実績数値`, `目標数値`, `計画見込`,
 * `見込み数`), so that a line of such words is a header line here as it is a header to the normalizer.
 */
function kindWord(text: string): boolean {
  const t = stripPercent(stripPercent(text).replace(/^[(（【]|[)）】]$/gu, ''));
  const w = KIND_OCR_READINGS[t] ?? t;
  return w === '達成状況' || kindOfWord(w) !== null;
}

/** Words a table writes where a value is not there yet or not at all (`未実施`, `集計中`). */
const NO_VALUE = /^(?:未実施|未設置|未定|調整中|集計中|非公表|非該当|該当者なし)$/u;

/** A data value: a number (with its unit, a bracketed part, a footnote mark) or a missing-value marker. */
export function isValueToken(text: string): boolean {
  const t = text.replace(/\s+/gu, '');
  if (isMissingMarker(t) || NO_VALUE.test(t)) return true;
  if (!VALUE_RE.test(t)) return false;
  return !isYearLike(t) && !isLabelNumber(t);
}

/**
 * A value's text with the letters OCR read for digits put back (`1O` → `10`, `1I3` → `113`, `8l.7%` → `81.7%`):
 * only inside a run of digits that starts with a digit, so words stay words.
 */
export function ocrDigits(text: string): string {
  return text.replace(/(?<=\d[\d,.]*)[OoIl]+/gu, (m) => m.replace(/[Oo]/gu, '0').replace(/[Il]/gu, '1'));
}

/** A number (not a missing marker). */
export const isNumberToken = (text: string) =>
  isValueToken(text) && !isMissingMarker(text) && !NO_VALUE.test(text.replace(/\s+/gu, ''));

/** A cell that is only a unit: `人/月`, `時間/月`, `(人日/月)`, `か所`. */
export function isUnitToken(text: string): boolean {
  return UNIT_RE.test(text.replace(/\s+/gu, ''));
}

/**
 * A period: `令和3年度`, `R3`, `R3実績`, `2021（令和3）年度（見込）`, `30年度`, `令和元年度末`; and a day written with
 * dots (`R3.3.31`, `H31.3.31`, `2021.3.31`: the time point of a count, as a column head writes it; two dots, so no
 * number).
 */
export function isPeriodToken(text: string): boolean {
  const t = text.replace(/\s+/gu, '');
  return isYearLike(t) || /^[(（]?(?:\d{1,2}|元)年度/u.test(t) || DOTTED_DAY.test(cleanText(t));
}
const DOTTED_DAY = /^(?:[RHS](?:\d{1,2}|元)|(?:19|20)\d{2})\.\d{1,2}\.\d{1,2}(?:末|現在|時点)?$/u;

/** A value kind: `計画`, `実績`, `見込量`, `目標値`, `達成率`, `(見込)`. */
export function isKindToken(text: string): boolean {
  return kindWord(cleanText(text).replace(/\s+/gu, ''));
}

/**
 * A measure with its unit in brackets, as a column head writes it (`給付費（千円）`, `人数(人/月)`, `利用時間（時間／年）`):
 * words that say what a column counts, so a header of such heads is a header even with nothing over the stub.
 */
export function isMeasureWithUnit(text: string): boolean {
  const m = /^([^()（）\d][^()（）]*)[(（]([^()（）]+)[)）]$/u.exec(text.replace(/\s+/gu, ''));
  return !!m && isUnitToken(m[2]!) && !isColumnHeadToken(m[1]!);
}

/** A column head a header line names a value column with: a period or a value kind. */
export const isColumnHeadToken = (text: string) => isPeriodToken(text) || isKindToken(text);

/** A bracketed afterthought (`(見込)`, `（3）`, `<2>`, `（Ｂ型）`). */
export const isBracketed = (text: string) => /^[(（<＜〈《[［【].*[)）>＞〉》\]］】]$/u.test(text);

/** The part of a label in round brackets that the page or a blank set apart (`（グループホーム）`, `（Ｂ型）`). */
export const isLabelPart = (text: string) => /^[(（][^()（）]*[)）]$/u.test(text) && !isColumnHeadToken(text);

/** A sign standing alone (`▲ 3`). */
const isSign = (text: string) => /^[▲△]$/u.test(text);

/**
 * Words that belong together joined: a sign and its number (`▲ 3`), a number and its bracketed part (`128 <2>`,
 * `120 （3）`), a period and its bracketed note (`令和5年度 (見込)`), an era and its year written apart
 * (`令和 3 年度`).
 */
export function mergeTokens(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i]!;
    // (only words one space apart: a wider gap parts two cells of a space-aligned table)
    const prev = out.length > 0 && t.start - out[out.length - 1]!.end <= 1 ? out[out.length - 1] : undefined;
    if (prev && isSign(prev.text) && /^\d/u.test(t.text)) {
      out[out.length - 1] = joinTokens(prev, t);
      continue;
    }
    // (a part whose bracket a blank parts from its number: `120（うち精神障害者 15）`)
    if (
      prev &&
      /[(（<＜〈《]\s*(?:うち|内)[^)）>＞〉》]*$/u.test(prev.text) &&
      isNumberToken(`${prev.text}${t.text}`)
    ) {
      out[out.length - 1] = joinTokens(prev, t);
      continue;
    }
    // (OCR's letters for digits read as digits: `10215 <62O5>`)
    // (or a bracketed kind word of any vocabulary word, `H30 （達成率（%））`: a year and its kind set apart)
    if (
      prev &&
      isBracketed(t.text) &&
      (!/[^\d,.\s()（）<>＜＞〈〉《》見込実績計画推計値人月日時間件回か所倍%]/u.test(ocrDigits(t.text)) ||
        isKindToken(t.text))
    ) {
      if (isNumberToken(prev.text) && isNumberToken(`${prev.text}${t.text}`)) {
        out[out.length - 1] = joinTokens(prev, t);
        continue;
      }
      // (a bracketed kind after another is a head of its own: `（実績） （見込）`)
      if (isPeriodToken(prev.text) || (isKindToken(prev.text) && !isBracketed(prev.text))) {
        out[out.length - 1] = joinTokens(prev, t);
        continue;
      }
    }
    // `令和 3 年度`, `R 3`: an era and its number set apart
    const close = (j: number) => tokens[j] !== undefined && tokens[j]!.start - tokens[j - 1]!.end <= 1;
    if (/^(?:令和|平成|昭和)$/u.test(t.text) && close(i + 1) && /^(?:\d{1,2}|元)(?:年|$)/u.test(tokens[i + 1]!.text)) {
      t = joinTokens(t, tokens[++i]!);
      if (/^(?:令和|平成|昭和)\d{1,2}$/u.test(t.text) && close(i + 1) && /^年/u.test(tokens[i + 1]!.text)) {
        t = joinTokens(t, tokens[++i]!);
      }
    }
    out.push(t);
  }
  return out;
}

/** A line that reads as a sentence, not as a table row or a label. */
export const isSentence = (text: string) => SENTENCE_PUNCT.test(text) || /[、，]/u.test(text);

/** Bullet and note marks that start a list item or a remark, not a row. */
export const LIST_MARK = new RegExp(
  `^(?:[${classBody(BULLET_MARKS + NOTE_MARKS)}＊*]|[-+]\\s|注[:：\\d)）]|\\(注\\))`,
  'u',
);

const WORDS = new WeakMap<object, Token[]>();

/**
 * A source line's words, merged (`mergeTokens`), form feeds dropped; offsets from the line's start. Cached per line:
 * every reader looks at the same lines.
 */
export function lineWords(line: { text: string }): Token[] {
  let words = WORDS.get(line);
  if (!words) {
    words = mergeTokens(lineTokens(line.text.includes('\f') ? line.text.replace(/\f/gu, '') : line.text));
    WORDS.set(line, words);
  }
  return words;
}
