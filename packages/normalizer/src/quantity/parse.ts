/**
 * Numbers with their units and qualifiers, in a cell (`parseQuantity`) or in a longer text (`findQuantities`).
 *
 * Rules (docs/OBSERVATIONS.md):
 * - `1,258`, full-width digits, `1.31`, kanji (`十二`, `二十五`, `百六十`; a lone `一` is a misread dash, not 1);
 * - large numbers whole (`18億5,000万円`, `3万5千人`, `約1.2万人`, `千二百万円`), or refused with a reason — no value,
 *   never a part (`18億5,000`: was the 万 cut off? `1億二千万円`, `12,34人`); the rule is `readNumeral`'s
 *   (text/numerals.ts) and docs/OBSERVATIONS.md "Large numbers";
 * - `2割5分` → 25 percent, `7割` → 70, `10割` → 100; `70%`; `1.6倍` → ratio; `千円` → yen ×1000;
 * - ▲/△ and `-` before a digit make it negative, `+` keeps it positive;
 * - qualifiers 以上 gte, 以下/以内/を超えない lte, 未満 lt, 超/を超える gt, 約/程度/前後 approx; を下回る(こと) lt,
 *   を下回らない gte, を上回る(こと) gt, を上回らない lte;
 * - `年6回` → time/year, `月2回` → time/month, `年160件` → case/year, `年10人` → person/year;
 * - `191 <116>` → 191 with subset 116; `17人 (1.31倍)` → 17 with ratio 1.31; `(一倍)` → no number;
 * - a range `10～12人` gives two quantities: 10 (gte) and 12 (lte), same unit, both with the range's text;
 * - periods (R3, 令和3年度, 2020年1月), ordinals (第6期, 1回目), labels (65歳以上, 1級, 0～14歳), list markers
 *   (①, 1-①, (1), 1)) and numbers glued inside words (会議室1, 630調査, 5つ) are not quantities;
 * - missing markers (－ ― — - / ＊ * empty 数値目標なし 検討 設置) are missing, never zero.
 */
import type { Qualifier, Quantity } from '@shiryo/model';
import { ANSWER_WORDS, BOUND_PREFIX_WORDS, kindOfWord, MISSING_VALUE_WORDS, wordsPattern } from '@shiryo/model';
import { type Candidate, scanPeriods } from '../period/scan.js';
import {
  isEnclosedNumeral,
  isJapanese,
  type Mapped,
  normalizeMapped,
  parseKanjiNumber,
  parseNumberToken,
  readNumeral,
  scaleDecimal,
  sourceSpan,
} from '../text/index.js';
import { COUNTERS, INLINE_UNITS, unitInfo } from './units.js';

/** A quantity found in a text: `offset`/`length` locate `text` in the string given. */
export type FoundQuantity = Quantity & { offset: number; length: number };

/**
 * A number that could not be read whole (`18億5,000`, `1億二千万円`, `1～2万5千人`): no value is kept for it,
 * not even the part that could be read. `offset`/`length` locate `text` in the string given.
 */
export interface RefusedNumber {
  text: string;
  offset: number;
  length: number;
  reason: string;
}

/** What one table cell holds. */
export interface CellValue {
  quantities: FoundQuantity[];
  /** The cell is a missing marker (－, /, 数値目標なし …): no value, which is not zero. */
  missing: boolean;
  /** The cell as given. */
  text: string;
  /** Numbers in the cell that were refused rather than half-read; absent when there are none. */
  refused?: RefusedNumber[];
}

const NUM = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
/** The counters a part written in brackets may carry (`〈15人〉`, `（うち 3か所）`). */
const PART_COUNTER = '人日|人分|人|名|件|回|か所|箇所|カ所|時間|日';
const KD = '〇一二三四五六七八九';
/** A count of places right after a numeral (`か所`, `箇所`, `カ所`, `ヶ所`): a lone 一 before it is one, no dash. */
const FACILITY_AFTER = /^\s?(?:か所|箇所|カ所|ヶ所|ケ所|ヵ所|ケ所)/u;
const PLACES = '十百千万億兆';
/**
 * A run of numeral characters — digits, kanji digits and 十百千万億兆, with a blank beside a place (`5 万円`,
 * `1 億 2,000 万`) — read as one number (`readNumber`): `18億5,000万` is one run, never `18` and `5,000万`.
 */
const RUN = `(?:${NUM}|[${KD}十百千])(?:${NUM}|[${KD}${PLACES}]| (?=[${PLACES}])|(?<=[${PLACES}]) (?=[\\d${KD}]))*`;
const CORE = new RegExp(RUN, 'gu');
const RUN_AT = new RegExp(RUN, 'uy');
const FIRST_TOKEN = new RegExp(`^(?:${NUM}|[${KD}]+)`, 'u');
const SPLIT_UNIT = new RegExp(`^(${NUM}) ?([${PLACES}]+)$`, 'u');

const QUALIFIERS: Array<[string, Qualifier]> = [
  ['を超えない', 'lte'],
  ['超えない', 'lte'],
  // (`160人上回らない`, `1.3倍下回らない` without を: a bound said by what it must not pass; with を, below)
  ['上回らない', 'lte'],
  ['下回らない', 'gte'],
  ['を超える', 'gt'],
  ['を超え', 'gt'],
  ['超える', 'gt'],
  ['超え', 'gt'],
  ['超', 'gt'],
  ['以上', 'gte'],
  ['以下', 'lte'],
  ['以内', 'lte'],
  ['未満', 'lt'],
  ['程度', 'approx'],
  ['前後', 'approx'],
  ['ほど', 'approx'],
  // A bound said as a comparison (`41人を下回ること`, `5人を下回らない`): 下回る below, 上回る above, and their
  // negations. The plain verb is a bound only where a target's phrasing follows it (`…ことを目標`, `…水準`, the end
  // of a clause); `計画の120人を下回り、…` and `を下回った` report a result and bound nothing.
  ['を下回ることのない', 'gte'],
  ['を下回ることがない', 'gte'],
  ['を下回ることなく', 'gte'],
  ['を下回らない', 'gte'],
  ['を下回らず', 'gte'],
  ['を上回ることのない', 'lte'],
  ['を上回らない', 'lte'],
  ['を上回らず', 'lte'],
  ['を下回る(?=こと|よう|水準|目標|[。、]|$)', 'lt'],
  ['を上回る(?=こと|よう|水準|目標|[。、]|$)', 'gt'],
];
/** A bound written before a number (`最大 95`, `≧30`): BOUND_PREFIX_WORDS. */
const BOUND_PREFIX = new RegExp(`(${wordsPattern(Object.keys(BOUND_PREFIX_WORDS))}) ?$`, 'u');
/** A cell's figure followed only by a mark that it is expected (`210見込`, `210 実績見込み`). */
export const EXPECTED_MARK_AFTER = /^ ?(?:実績)?見込み?(?:値)?$/u;
const QUALIFIER_AT = new RegExp(`^ ?(${QUALIFIERS.map(([w]) => w).join('|')})`, 'u');
const QUALIFIER_OF = new Map(QUALIFIERS.map(([w, q]) => [w.replace(/\(\?=.*\)$/u, ''), q]));

/** The next character after a unit that makes it part of a word instead (人材, 部会, 日中, 回答). */
const UNIT_WORD_NEXT: Record<string, RegExp> = {
  人: /^[材口間生権格]/u,
  名: /^[簿称前]/u,
  回: /^[答復覧収]/u,
  日: /^[間中本常程時曜]/u,
  部: /^[会分門署局長屋]/u,
  円: /^[滑]/u,
  床: /^[面]/u,
  時間: /^[帯外]/u,
  世帯: /^[主]/u,
  棟: /^[梁]/u,
  // (`7事業所となりました`, `…となっております`: a count the clause reports; `3事業所と連携` names partners)
  事業所: /^(?:数|等|に|の|が|は|を|で|と(?!な[りっるれ])|あたり|当たり|ごと)/u,
};
/** Units that take a leading 年/月/週 as their period (年6回 → 回/年). */
const RATEABLE = new Set(['人', '名', '回', '件', '時間', '日', '人日', '世帯']);
/** Counters after a space that make a bare number a label (`退院後 1 年以内`). */
const SPACED_COUNTER = /^ (?:年|歳|か月|ヶ月|カ月|ヵ月|級|号|条|期|つ|日間|年間|時)/u;

function matchUnit(s: string, pos: number): string | null {
  for (const u of INLINE_UNITS) {
    if (!s.startsWith(u, pos)) continue;
    const next = s.slice(pos + u.length);
    if (UNIT_WORD_NEXT[u]?.test(next)) return null;
    return u;
  }
  return null;
}

interface Hit {
  a: number;
  b: number;
  value: number;
  unit: string | null;
  unitText: string | null;
  qualifier: Qualifier | null;
  subset?: number;
  subsetLabel?: string;
  ratio?: { value: number; unit: string };
  /** The period of a rate written before the number (`月210人` → 月), which the counts joined to it share. */
  rate?: string;
}

interface Refusal {
  a: number;
  b: number;
  reason: string;
}

interface Read {
  hits: Hit[];
  /** Continue scanning from here. */
  next: number;
  refused?: Refusal;
}

const num = (t: string): number => Number(t.replace(/,/g, ''));

/**
 * A value a double holds exactly enough to store: finite, and its whole part at most 2^53 (a 330-digit run was
 * Infinity, a NaN once scaled, and made its whole document fail to store; a 20-digit one would be stored rounded).
 */
const exact = (v: number): boolean => Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;
const TOO_MANY_DIGITS = 'more digits than a number can hold exactly';

/** Read a unit (and 割/分, /period) at `pos`; value already scaled. */
function readUnit(
  s: string,
  pos: number,
  value: number,
  rate: string | null,
): { pos: number; value: number; unitText: string | null; unit: string | null } {
  // `2割5分`, also as a PDF text layer spaces it (`2 割 5 分`).
  const wari = /^割(?![合引当])(?: ?(\d|[一二三四五六七八九]) ?分)?/u.exec(s.slice(pos));
  if (wari) {
    const bu = wari[1] ? (parseNumberToken(wari[1]) ?? 0) : 0;
    return { pos: pos + wari[0].length, value: value * 10 + bu, unitText: '割', unit: 'percent' };
  }
  // `12分の2`, `3分の1`: a fraction written in words (denominator first) is one number, a ratio (family "fractions
  // in words": `年間事業費の１２分の２以上` → 2/12); not `30分の研修` (minutes: no number after の).
  const frac = /^ ?分の ?(\d{1,3}|[一二三四五六七八九十]{1,2})(?![\d.,])/u.exec(s.slice(pos));
  if (frac && value > 0) {
    const numerator = parseNumberToken(frac[1]!);
    if (numerator != null && numerator > 0 && numerator <= value)
      return { pos: pos + frac[0].length, value: numerator / value, unitText: '分の', unit: 'ratio' };
  }
  const u = matchUnit(s, pos);
  if (!u) return { pos, value, unitText: null, unit: null };
  let end = pos + u.length;
  let unitText = u;
  const per = /^\/(月|年|週|日)/u.exec(s.slice(end));
  if (per && unitInfo(`${u}/${per[1]}`)) {
    unitText = `${u}/${per[1]}`;
    end += per[0].length;
  } else if (rate && RATEABLE.has(u)) {
    unitText = `${u}/${rate}`;
  }
  const info = unitInfo(unitText) ?? COUNTERS[unitText] ?? null;
  return { pos: end, value: scaleDecimal(value, info?.factor ?? 1), unitText, unit: info?.unit ?? null };
}

/** The number at the start of a run of numeral characters, or why it was refused. */
type NumberRead =
  | {
      /** The number's text (`18億5,000万`; `1,200` of `1,200千円`). */
      tok: string;
      value: number;
      isKanji: boolean;
      /** Its end, and where a unit may start (after `1,200 ` of `1,200 千円`). */
      b: number;
      unitAt: number;
      /** Written without 十百千万億兆 (a unit may still scale it: `5千円`, `1,200千円`). */
      plain: boolean;
      /** `2万`, `1.5億`: one coefficient times one of 万/億/兆. */
      single: { coefficient: number; factor: number } | null;
    }
  | { refused: string; numberLike: boolean; b: number };

/**
 * Read the number a run of numeral characters starts with (`run` begins at `a`):
 * - no place character (`1,258`, `二〇二一`): the number, as always; glued to more numeral characters
 *   (`12三`, `1,2345`): refused;
 * - digits then only places that begin a unit (`5千円`, `1,200千円`, `3百万円`, `0.5億円`): the digits, and the
 *   unit scales them;
 * - otherwise the whole run, read by `readNumeral` as ONE number or refused (never a part of it).
 */
function readNumber(s: string, a: number, run: string, blocked: (i: number) => boolean): NumberRead {
  // `12,34人`, `四,220億`, `2,3%`, `3.2.1`: a number glued by a comma or point to more digits (not a thousands
  // group or a decimal it could take) is not read in part; a comma warns, a point (a section number) does not.
  const end = a + run.length;
  const sep = s[end];
  const digitAt = (i: number) => new RegExp(`[\\d${KD}]`, 'u').test(s[i] ?? '') && !blocked(i);
  if ((sep === ',' || sep === '.') && digitAt(end + 1)) {
    // the refusal spans every numeral run glued on (`四,220億5000万12`)
    let b = end;
    while ((s[b] === ',' || s[b] === '.') && digitAt(b + 1)) {
      RUN_AT.lastIndex = b + 1;
      b = b + 1 + (RUN_AT.exec(s)?.[0].length ?? 1);
    }
    return { refused: `digits run on after ${run}${sep}`, numberLike: sep === ',', b };
  }
  if (!new RegExp(`[${PLACES}]`, 'u').test(run)) {
    const tok = (FIRST_TOKEN.exec(run) as RegExpExecArray)[0];
    // `12三人`, `三12人`, `1,2345人`: digits glued to more digits are not read in parts (a 一 among them is a
    // misread dash, `10一20人`: nothing is read, without a warning).
    if (tok.length < run.length) {
      const r = readNumeral(run);
      const reason = r.ok ? 'digits run on' : r.reason;
      const dash = /一/u.test(run) && !/[〇二三四五六七八九]/u.test(run);
      return { refused: reason, numberLike: !dash, b: a + run.length };
    }
    const isKanji = !/\d/.test(tok);
    const value = isKanji ? parseKanjiNumber(tok) : num(tok);
    const b = a + tok.length;
    if (value === null) return { refused: 'not a numeral', numberLike: false, b };
    if (!exact(value)) return { refused: TOO_MANY_DIGITS, numberLike: true, b };
    return { tok, value, isKanji, b, unitAt: b, plain: true, single: null };
  }
  const split = SPLIT_UNIT.exec(run);
  if (split) {
    const digits = split[1] as string;
    const unitAt = a + run.length - (split[2] as string).length;
    if (matchUnit(s, unitAt)) {
      if (!exact(num(digits))) return { refused: TOO_MANY_DIGITS, numberLike: true, b: a + run.length };
      return {
        tok: digits,
        value: num(digits),
        isKanji: false,
        b: a + digits.length,
        unitAt,
        plain: true,
        single: null,
      };
    }
  }
  const r = readNumeral(run);
  const b = a + run.length;
  if (!r.ok) return { refused: r.reason, numberLike: r.numberLike, b };
  if (!exact(r.value)) return { refused: TOO_MANY_DIGITS, numberLike: true, b };
  return { tok: run, value: r.value, isKanji: r.script === 'kanji', b, unitAt: b, plain: false, single: r.single };
}

/**
 * The run of numeral characters at `i`, cut where a period starts or ends (`3万2020年度` → `3万`): a number
 * never reaches into a date. A blank stays inside only where the source has one plain space there (not a layout
 * gap or a tab) and, before a place, where the places go on to digits, a unit, a qualifier or anything but a
 * kanji or katakana word (`60 万円`, `1 億 2,000 万`, `3 万です`; not `551 千早赤阪村`).
 */
function runAt(
  s: string,
  i: number,
  blocked: (i: number) => boolean,
  singleSpace: (j: number) => boolean,
): string | null {
  RUN_AT.lastIndex = i;
  const m = RUN_AT.exec(s);
  if (!m) return null;
  let run = m[0];
  const inPeriod = blocked(i);
  for (let k = 1; k < run.length; k++) {
    if (blocked(i + k) !== inPeriod) {
      run = run.slice(0, k);
      break;
    }
    if (run[k] !== ' ') continue;
    let e = k + 1;
    while (e < run.length && PLACES.includes(run[e] as string)) e++;
    const after = s.slice(i + e);
    const joins =
      singleSpace(i + k) &&
      (e === k + 1 || // `1 億 2,000`: a blank after a place
        e < run.length || // more digits
        matchUnit(s, i + e) !== null ||
        QUALIFIER_AT.test(after) ||
        !/^[\p{sc=Han}\p{sc=Katakana}]/u.test(after)); // `3 万です`, `5 万)`; not a word (`551 千早赤阪村`)
    if (!joins) {
      run = run.slice(0, k);
      break;
    }
  }
  return run.trimEnd();
}

function readAt(
  s: string,
  a: number,
  run: string,
  blocked: (i: number) => boolean,
  singleSpace: (j: number) => boolean,
  cell: boolean,
  shared: string | null = null,
): Read {
  const n = readNumber(s, a, run, blocked);
  const skip: Read = { hits: [], next: n.b };
  if (blocked(a)) return skip;

  // Sign.
  let start = a;
  let negative = false;
  const c1 = s[a - 1];
  const c2 = s[a - 2];
  if (c1 === '▲' || c1 === '△' || c1 === '▼') {
    // (▼ only right before the digits: `▼ 3 …` may be a heading's mark)
    negative = true;
    start = a - 1;
  } else if (c1 === ' ' && (c2 === '▲' || c2 === '△')) {
    negative = true;
    start = a - 2;
  } else if (c1 === '-' || c1 === '−' || c1 === '+') {
    // 1-①, ③-1, 4-3: list numbering
    if (c2 !== undefined && (/[\dA-Za-z]/.test(c2) || isEnclosedNumeral(c2))) return skip;
    negative = c1 !== '+';
    start = a - 1;
  }
  // 約 / 概ね before the number.
  let qualifier: Qualifier | null = null;
  const approx = /(?:約|概ね|おおむね) ?$/u.exec(s.slice(Math.max(0, start - 5), start));
  if (approx) {
    qualifier = 'approx';
    start -= approx[0].length;
  } else {
    // 最大 / 最低 / 少なくとも / ≧ before the number: a cap or a floor (`最大95人`, `最低1か所`)
    const bound = BOUND_PREFIX.exec(s.slice(Math.max(0, start - 6), start));
    if (bound) {
      qualifier = BOUND_PREFIX_WORDS[bound[1]!] ?? null;
      start -= bound[0].length;
    }
  }
  // 年6回, 月2回, 毎月1回: the period of a rate (not when the 年 belongs to a date).
  let rate: string | null = null;
  const rateStart = start;
  const pre = /(?:毎年|毎月|毎週|年間|月間|年|月|週)$/u.exec(s.slice(Math.max(0, start - 2), start));
  if (pre && !approx && !negative && !blocked(start - 1) && !/\d/.test(s[start - pre[0].length - 1] ?? '')) {
    rate = pre[0].includes('年') ? '年' : pre[0].includes('月') ? '月' : '週';
    start -= pre[0].length;
  } else if (shared && !negative && !approx) rate = shared;
  // The character before the number (and its sign), not counting a rate's 年/月.
  const prev = s[rateStart - 1];

  // A number that cannot be read whole is refused, with its unit if one follows (unless it is no number at all:
  // kanji that only look like one, `第…`, `P…`).
  const refuse = (from: number, to: number, reason: string): Read => {
    const u = readUnit(s, to, 0, null);
    return { hits: [], next: to, refused: { a: from, b: u.pos, reason } };
  };
  if ('refused' in n) {
    if (!n.numberLike || prev === '第' || prev === '※' || (prev !== undefined && /[A-Za-z.,]/.test(prev))) return skip;
    return refuse(rateStart, n.b, n.refused);
  }
  const { tok, isKanji } = n;

  // The number.
  if (isKanji) {
    // (a lone 一 is a misread dash, but not before a count of places: `一か所以上`, `各一箇所`)
    if (/^[百千万]$/u.test(tok) || (tok === '一' && !FACILITY_AFTER.test(s.slice(n.unitAt))) || prev === '第')
      return skip;
    // `百万円`, `千円` (`（単位：百万円）`): a unit, not one million yen.
    if (!new RegExp(`[${KD}]`, 'u').test(tok) && matchUnit(s, a)) return skip;
  } else {
    // `42※1`: a number after ※ points to a note.
    if (prev === '第' || prev === '※' || (prev !== undefined && /[A-Za-z.,]/.test(prev) && rateStart === a))
      return skip;
  }

  const r = readUnit(s, n.unitAt, n.value, rate);
  let pos = r.pos;
  if (r.unitText && /^目(?![標的安指])/u.test(s.slice(pos))) return { hits: [], next: pos }; // 1回目, 2人目
  // 四日市市, 十日町市, 廿日市, 六ヶ所村: a kanji numeral and unit inside a place name.
  if (isKanji && r.unitText && /^[市町村]/u.test(s.slice(pos))) return { hits: [], next: pos };
  if (r.unitText === '日' && /\d ?月 ?$/u.test(s.slice(0, start))) return { hits: [], next: pos }; // 3月31日
  if (rate && !r.unitText?.includes('/')) start = rateStart;

  // Range: 10～12人 → 10 (gte) and 12 (lte); 1万～2万人; 1～2万人 (= 1万～2万人, as 1～2千円 and 2～3割).
  const rg = /^ ?([~〜-]) ?(?=\d)/u.exec(s.slice(pos));
  const run2 = rg ? runAt(s, pos + rg[0].length, blocked, singleSpace) : null;
  if (rg && run2 && !isKanji && !rate && !(rg[1] === '-' && /^\d{4}$/.test(tok))) {
    const sep = rg[1] as string;
    const n2 = readNumber(s, pos + rg[0].length, run2, blocked);
    if ('refused' in n2) return n2.numberLike ? refuse(rateStart, n2.b, n2.refused) : { hits: [], next: n2.b };
    const second = readUnit(s, n2.unitAt, n2.value, null);
    const afterSecond = s[second.pos];
    if (!second.unitText && (isJapanese(afterSecond) || /[A-Za-z]/.test(afterSecond ?? ''))) {
      return { hits: [], next: second.pos }; // 0～14歳
    }
    if (sep !== '-' || second.unitText) {
      if (!r.unitText || !second.unitText || r.unitText === second.unitText) {
        const unitText = second.unitText ?? r.unitText;
        const unit = second.unit ?? r.unit;
        // The upper bound's multiplier (its 万/億, or a unit's 千円/万円) goes to a lower bound written without one,
        // when that makes a rising range (`1～2万人`); else the lower bound is read as written (`5000～1万人`).
        const lends = n.plain && !r.unitText;
        const factor = !lends
          ? 1
          : n2.plain
            ? second.unitText
              ? (unitInfo(second.unitText)?.factor ?? 1)
              : 1
            : (n2.single?.factor ?? null);
        if (factor === null)
          return refuse(
            rateStart,
            n2.b,
            `ambiguous range: is the lower bound ${tok}, or ${tok} of the upper bound's places (${n2.tok})?`,
          );
        const sign = (v: number) => (negative ? -v : v);
        const lent = sign(scaleDecimal(r.value, factor));
        const lo = lent < second.value ? lent : sign(r.value);
        const end = second.pos;
        // a reversed pair (12～10人) is not a range: its numbers are read one by one
        if (lo < second.value) {
          return {
            hits: [
              { a: start, b: end, value: lo, unit, unitText, qualifier: 'gte' },
              { a: start, b: end, value: second.value, unit, unitText, qualifier: 'lte' },
            ],
            next: end,
          };
        }
      }
    }
  }

  if (!r.unitText) {
    const next = s[pos];
    const qualifierNext = QUALIFIER_AT.test(s.slice(pos)) && !s.startsWith(' ', pos);
    // (a cell's figure marked as expected, `210見込`, `1,300 実績見込み`: the mark says its kind, it is no word the
    // number counts)
    const expectedMark = cell && EXPECTED_MARK_AFTER.test(s.slice(pos));
    // (`120く30〉`: a subset's 〈 read by OCR as く, not a word after the number)
    const ocrAngle = new RegExp(`^ ?く ?(?:${NUM}) ?[>〉》]`, 'u').test(s.slice(pos));
    if (isJapanese(next) && !qualifierNext && !expectedMark && !ocrAngle) return skip; // 5つ, 630調査, 65歳, 2階
    if (next !== undefined && /[A-Za-z]/.test(next)) return skip;
    if (SPACED_COUNTER.test(s.slice(pos))) return skip;
    if (isKanji && !cell) return skip;
    if (prev !== undefined && (isJapanese(prev) || /[A-Za-z]/.test(prev)) && rateStart === a) return skip; // 会議室1
    if (next === '-' && (/\d/.test(s[pos + 1] ?? '') || isEnclosedNumeral(s[pos + 1]))) return skip; // 1-①
    if (prev === '(' && next === ')') return skip; // (1)
    if (next === ')' && (prev === undefined || /\s/.test(prev)) && tok.length <= 2) return skip; // 1)
    if (next === '.' && (s[pos + 1] === undefined || s[pos + 1] === ' ')) return skip; // 1.
    // a section number before a heading: `1 開会`, `## 1 施設入所者の…`, a cell `1 施設入所者の地域生活への移行` —
    // not a signed number (`差 +72 令和6年度`) nor one right after a kind word (`実績 72 令和6年度 …`: record lines
    // joined into one paragraph)
    if (
      (prev === undefined || /[\s#]/.test(prev)) &&
      next === ' ' &&
      isJapanese(s[pos + 1]) &&
      /^\d{1,2}$/.test(tok) &&
      rateStart === a &&
      !kindOfWord(/[\p{sc=Han}]{1,8}\s*$/u.exec(s.slice(0, a))?.[0] ?? '')
    ) {
      return skip;
    }
  }

  // Qualifier after.
  const q = QUALIFIER_AT.exec(s.slice(pos));
  if (q) {
    qualifier = QUALIFIER_OF.get(q[1] as string) ?? qualifier;
    pos += q[0].length;
  }
  const hit: Hit = {
    a: start,
    b: pos,
    value: negative && r.value !== 0 ? -r.value : r.value,
    unit: r.unit,
    unitText: r.unitText,
    qualifier,
  };
  if (rate && r.unitText?.endsWith(`/${rate}`)) hit.rate = rate;
  // Subset: 191 <116> (`191 く116〉`: its 〈 read by OCR as く). Family "a part written with its unit as the whole
  // is" (`120人〈15人〉`, `2,400人日<300人日>`): the part's counter, the whole's own or a count's, is no second value.
  const partUnit = `(?:${r.unitText ? `${r.unitText.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}|` : ''}${PART_COUNTER})?`;
  const sub = new RegExp(`^ ?[<〈《く] ?(${NUM}) ?${partUnit} ?[>〉》]`, 'u').exec(s.slice(pos));
  if (sub) {
    hit.subset = num(sub[1] as string);
    pos += sub[0].length;
  } else if (cell) {
    // Family "a part written with うち/内 in brackets" (`100（うち80）`, `100 (内 80)`, `100（うち精神 20人）`) in a
    // table's cell: the part is a subset, named by the words between うち and its number when there are any. (In a
    // sentence the part is often an indicator of its own: `25人（うち就労移行支援事業 16人）`.)
    const part = new RegExp(
      `^ ?\\( ?(?:うち|内数|内訳|内)[:：]? ?([^\\d()]{0,12}?) ?(${NUM}) ?(?:人|名|件|回|か所|箇所|カ所|時間|日)? ?\\)`,
      'u',
    ).exec(s.slice(pos));
    if (part) {
      hit.subset = num(part[2] as string);
      const named = (part[1] ?? '').replace(/[\s、,:：]+$/u, '').trim();
      if (named) hit.subsetLabel = named;
      pos += part[0].length;
    }
  }
  // Ratio or share beside it: 17人 (1.31倍), 5人 (6.17%), 12人 (7割); (一倍) holds no number.
  const ratio = new RegExp(`^ ?\\( ?([+\\-−▲△])? ?(${NUM}) ?(倍|%|割(?:(\\d)分)?) ?\\)`, 'u').exec(s.slice(pos));
  if (ratio) {
    let v = num(ratio[2] as string);
    let unit = 'ratio';
    if (ratio[3] === '%') unit = 'percent';
    else if ((ratio[3] as string).startsWith('割')) {
      unit = 'percent';
      v = v * 10 + (ratio[4] ? Number(ratio[4]) : 0);
    }
    if (ratio[1] && ratio[1] !== '+') v = -v;
    hit.ratio = { value: v, unit };
    pos += ratio[0].length;
    // Family "a bound after the bracketed share" (`8人（6.5％）以上`, `12人 (7割) 以下`): the bound closes the count and
    // its share alike, as `8人以上（6.5％以上）` would.
    const after = hit.qualifier ? null : QUALIFIER_AT.exec(s.slice(pos));
    if (after) {
      hit.qualifier = QUALIFIER_OF.get(after[1] as string) ?? null;
      pos += after[0].length;
    }
  } else {
    const placeholder = /^ ?\( ?[一ー―—-] ?倍 ?\)/u.exec(s.slice(pos));
    if (placeholder) pos += placeholder[0].length;
  }
  hit.b = pos;
  return { hits: [hit], next: pos };
}

/** What joins two counts of one period: a middle dot or a comma, with blanks, and a 延べ before the second. */
const SHARED_RATE_JOIN = /^\s*[・、,]\s*(?:延べ\s*)?$/u;

function blockedBy(periods: Candidate[]): (i: number) => boolean {
  return (i) => periods.some((p) => i >= p.a && i < p.b);
}

function scanHits(m: Mapped, source: string, cell: boolean, refused: Refusal[] = []): Hit[] {
  const s = m.text;
  const blocked = blockedBy(scanPeriods(m, source));
  const singleSpace = (j: number) =>
    (m.map[j + 1] as number) - (m.map[j] as number) === 1 && /^[ \u3000]$/u.test(source[m.map[j] as number] ?? '');
  const hits: Hit[] = [];
  CORE.lastIndex = 0;
  for (let x = CORE.exec(s); x; x = CORE.exec(s)) {
    const run = runAt(s, x.index, blocked, singleSpace) ?? x[0];
    // `月210人・4,200時間`, `年6回、延べ120人`: a count joined by a middle dot or a comma to one read per month or
    // per year is counted over the same period.
    const last = hits[hits.length - 1];
    const shared = last?.rate && SHARED_RATE_JOIN.test(s.slice(last.b, x.index)) ? last.rate : null;
    const read = readAt(s, x.index, run, blocked, singleSpace, cell, shared);
    hits.push(...read.hits);
    if (read.refused) refused.push(read.refused);
    CORE.lastIndex = Math.max(read.next, x.index + 1);
  }
  return hits;
}

function toFound(m: Mapped, source: string, h: Hit): FoundQuantity {
  const sp = sourceSpan(m, source, h.a, h.b);
  const q: FoundQuantity = {
    value: h.value,
    unit: h.unit,
    unitText: h.unitText,
    qualifier: h.qualifier,
    text: source.slice(sp.offset, sp.offset + sp.length),
    offset: sp.offset,
    length: sp.length,
  };
  if (h.subset !== undefined) q.subset = h.subset;
  if (h.subsetLabel !== undefined) q.subsetLabel = h.subsetLabel;
  if (h.ratio) q.ratio = h.ratio;
  return q;
}

function toRefused(m: Mapped, source: string, r: Refusal): RefusedNumber {
  const sp = sourceSpan(m, source, r.a, r.b);
  const text = source.slice(sp.offset, sp.offset + sp.length);
  return { text, offset: sp.offset, length: sp.length, reason: r.reason };
}

/**
 * Every quantity in a longer text, in order, with offsets in `text` as given, and the numbers refused because
 * they could not be read whole.
 */
export function scanQuantities(text: string): { quantities: FoundQuantity[]; refused: RefusedNumber[] } {
  const m = normalizeMapped(text);
  const refused: Refusal[] = [];
  const quantities = scanHits(m, text, false, refused).map((h) => toFound(m, text, h));
  return { quantities, refused: refused.map((r) => toRefused(m, text, r)) };
}

/** Every quantity in a longer text, in order, with offsets in `text` as given. */
export function findQuantities(text: string): FoundQuantity[] {
  return scanQuantities(text).quantities;
}

const MISSING_WORDS = new Set([
  '数値目標なし',
  '目標値なし',
  '検討',
  '設置',
  'なし',
  '該当なし',
  '未定',
  '未実施',
  '実績なし',
  'n/a',
  'N/A',
  ...MISSING_VALUE_WORDS,
]);
const DASHES = /^(?:[-−―—–‐ー─━/*一…・]+|\.{2,})$/u;

/** Whether a cell's text is a missing-value marker (`－`, `―`, `—`, `-`, `/`, `＊`, `*`, empty, 数値目標なし, 検討, 設置). */
export function isMissingMarker(text: string): boolean {
  const t = normalizeMapped(text).text.replace(/\s+/g, '');
  return t === '' || DASHES.test(t) || MISSING_WORDS.has(t);
}

/**
 * Read one cell: its quantities (several when it holds several: `17人 (1.31倍) 12人 (1.34倍)`, `・69% ・86%`), or
 * `missing` for a missing marker. A cell that is only a kanji numeral (`百六十`) reads as that number.
 */
export function parseQuantity(text: string): CellValue {
  if (isMissingMarker(text)) return { quantities: [], missing: true, text };
  const m = normalizeMapped(text);
  const whole = /^([▲△+-])? ?([〇一二三四五六七八九十百千万億兆]+)$/u.exec(m.text);
  // (a lone 〇 in a cell is a mark, `〇` for yes, as ○ is: no zero — a zero is written 0)
  if (whole && !whole[1] && (ANSWER_WORDS as readonly string[]).includes(whole[2]!))
    return { quantities: [], missing: false, text };
  if (whole) {
    const v = parseKanjiNumber(whole[2] as string);
    if (v !== null) {
      const value = (whole[1] === '▲' || whole[1] === '△' || whole[1] === '-') && v !== 0 ? -v : v;
      const q: FoundQuantity = {
        value,
        unit: null,
        unitText: null,
        qualifier: null,
        text: text.trim(),
        offset: 0,
        length: 0,
      };
      q.offset = text.indexOf(q.text);
      q.length = q.text.length;
      return { quantities: [q], missing: false, text };
    }
  }
  const refused: Refusal[] = [];
  const quantities = scanHits(m, text, true, refused).map((h) => toFound(m, text, h));
  const cell: CellValue = { quantities, missing: false, text };
  if (refused.length) cell.refused = refused.map((r) => toRefused(m, text, r));
  return cell;
}
