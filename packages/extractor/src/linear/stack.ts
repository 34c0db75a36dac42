/**
 * Header rows stacked over the value columns of a table whose structure was lost: each header row names fewer
 * columns the higher it sits (a banner over items, items over years, years over kinds), and a linearized text keeps
 * only the order of its words. Placed from the bottom up:
 *
 *     内容 居宅介護 同行援護                                 (a stub head, two items)
 *     R4 R5 R6 R4 R5 R6                                     (years, each item's)
 *     実績 実績 見込 実績 差 実績 実績 見込 実績 差           (kinds: one per value column)
 *
 * The lowest row names every value column (its first words are the stub's heads). A row above it heads groups of the
 * columns of the row under it, in order: one each when it has as many heads, else the groups the row under it
 * repeats itself in (a word met again starts a new group: `実績 | 実績 | 見込 実績 差` under three years, `R4 R5 R6 |
 * R4 R5 R6` under two items), else an even share each. The words before the heads of a row (at most one per stub
 * column and one more) are the stub's heads; of the readings of a row, the one with the fewest guesses wins. A row
 * with a single head and nothing over the stub heads nothing: it is a caption above the table.
 */
import { KIND_OCR_READINGS } from '@shiryo/model';
import { cleanText } from '../text.js';
import { type HeadCell, type HeadFit, STUB_HEAD } from './grid.js';
import {
  isBracketed,
  isColumnHeadToken,
  isKindToken,
  isPeriodToken,
  isUnitToken,
  kindOfHead,
  kindRank,
} from './tokens.js';

/** A word of a header row (a line's token, or a line of a cell-per-line header). */
export interface HeadWord {
  orig: string;
  text: string;
}

/** A head over value columns `col … col + span − 1` (counted from the first value column). */
interface Segment {
  col: number;
  span: number;
  key: string;
}

type How = 'exact' | 'repeat' | 'even' | 'shared';

interface PlacedRow {
  stub: HeadWord[];
  segs: (Segment & { orig: string })[];
  how: How;
  cost: number;
}

/** Heads of the stub columns (`区分`, `サービス名`, `単位`, and `年度` over a column of years), not of value columns. */
const isStubHead = (key: string) => STUB_HEAD.test(key) || /^(?:年度|年次)$/u.test(key);

/** A caption, not a head: `表4-1 …`, `図2 …`, `【必須事業の実施箇所数（か所）】`. */
export const CAPTION = /^(?:[表図]\s*[0-9０-９]|【.*】$)/u;

/** A period or kind heads value columns, not the stub; a caption heads nothing. */
const plausible = (stub: HeadWord[], heads: HeadWord[]) =>
  !stub.some((w) => isColumnHeadToken(w.text) || CAPTION.test(w.text)) && !heads.some((w) => CAPTION.test(w.text));

/** A head's text for comparing (blanks dropped, OCR's readings of kind words repaired: `実績值`). */
const keyOf = (w: HeadWord) => {
  const k = cleanText(w.text).replace(/\s+/gu, '');
  return KIND_OCR_READINGS[k] ?? k;
};

/** The western year a period head names (`2021年度`, `令和3年度`, `R3`, `2021（令和3）年度`), for its order only. */
function yearOf(text: string): number | null {
  const t = text.replace(/\s+/gu, '');
  const w = /^(?:FY)?((?:19|20)\d{2})/u.exec(t);
  if (w) return Number(w[1]);
  const e = /^(令和|平成|昭和|[RHS])(\d{1,2}|元)/u.exec(t);
  if (e) return (ERA_BASE[e[1]!] ?? 0) + (e[2] === '元' ? 1 : Number(e[2]));
  const bare = /^(\d{1,2}|元)年度?/u.exec(t);
  return bare ? (bare[1] === '元' ? 1 : Number(bare[1])) : null;
}

/** The year before an era's first (for the order of era years only). */
const ERA_BASE: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988, 昭和: 1925, S: 1925 };

/**
 * The groups a row falls in under the heads of the row above: a word already in the current group starts the next
 * (`R4 R5 R6 | R4 R5 R6`), and so does a year before the one just met (`R5 R6 R7 | R3 R4`: kind-major columns) or a
 * kind that comes before the one just met in a period's order (`実績 | 実績 | 見込 実績 差 達成率 | 見込 実績見込`).
 */
function repeatGroups(segs: Segment[], bounds?: ReadonlySet<number>): Segment[][] {
  const groups: Segment[][] = [];
  let cur: Segment[] = [];
  for (const s of segs) {
    const prev = cur[cur.length - 1];
    let starts = cur.some((x) => x.key === s.key) || (!!prev && !!bounds?.has(s.col));
    if (prev && !starts) {
      const [a, b] = [yearOf(prev.key), yearOf(s.key)];
      const [ka, kb] = [kindRank(prev.key), kindRank(s.key)];
      starts = (a !== null && b !== null && b <= a) || (ka !== null && kb !== null && kb < ka);
    }
    if (starts) {
      groups.push(cur);
      cur = [];
    }
    cur.push(s);
  }
  if (cur.length) groups.push(cur);
  return groups;
}

/** The lower row's segments in groups, one per head of the row above, or null. */
function groupSegments(
  lower: Segment[],
  m: number,
  bounds?: ReadonlySet<number>,
  heads?: string[],
): { groups: Segment[][]; how: How } | null {
  const n = lower.length;
  if (m < 1 || m > n) return null;
  if (m === n) return { groups: lower.map((s) => [s]), how: 'exact' };
  // one head over them all (a banner): nothing to guess
  if (m === 1) return { groups: [lower], how: 'exact' };
  const groups = repeatGroups(lower, bounds);
  if (groups.length === m) return { groups, how: 'repeat' };
  if (heads && groups.length < m) {
    const split = resultThenEstimate(groups, heads);
    if (split) return { groups: split, how: 'repeat' };
  }
  if (n % m === 0) {
    const share = n / m;
    return { groups: Array.from({ length: m }, (_, i) => lower.slice(i * share, (i + 1) * share)), how: 'even' };
  }
  if (heads) {
    const groups = sharedGroups(heads, lower);
    if (groups) return { groups, how: 'shared' };
  }
  return null;
}

/**
 * Family "kinds written once above several year columns, the result and its estimate sharing one run of years" (a
 * kind-major header: `計画値 実績 実績見込 乖離` over `R3 R4 R5 | R3 R4 | R3`, the years of the results running on
 * into the year still estimated): the groups the years fall in are one fewer per such pair than the kinds, and the
 * last year of a run a result then an estimate head goes to the estimate (the year not closed yet), the years
 * before it to the result. Only when every head names a kind and every column a year; null when the pairs do not
 * make up the count exactly.
 */
function resultThenEstimate(groups: Segment[][], heads: string[]): Segment[][] | null {
  const kinds = heads.map(kindOfHead);
  if (kinds.some((k) => k === null) || !groups.every((g) => g.every((s) => yearOf(s.key) !== null))) return null;
  // heads i … taken by groups g …: one head a group, or a result then an estimate sharing it
  const place = (i: number, g: number): Segment[][] | null => {
    if (g === groups.length) return i === heads.length ? [] : null;
    if (i >= heads.length) return null;
    const grp = groups[g]!;
    const rest = place(i + 1, g + 1);
    if (rest) return [grp, ...rest];
    if (kinds[i] === 'actual' && kinds[i + 1] === 'estimate' && grp.length >= 2) {
      const after = place(i + 2, g + 1);
      if (after) return [grp.slice(0, -1), grp.slice(-1), ...after];
    }
    return null;
  };
  return place(0, 0);
}

/** The most DP steps (heads × columns²) a placement by shared words may take. */
const MAX_SHARED_STEPS = 200_000;

/** The characters of a head that say what it is about: kanji and katakana, without the commonest counting words. */
const MEANING = /[\p{Script=Han}\p{Script=Katakana}ー]/u;
const COMMON = new Set([...'数者等事業人件回所率的']);
function meaningful(text: string): { chars: Set<string>; pairs: Set<string> } {
  const cs = [...cleanText(text)];
  const chars = new Set(cs.filter((ch) => MEANING.test(ch) && !COMMON.has(ch)));
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < cs.length; i++)
    if (MEANING.test(cs[i]!) && MEANING.test(cs[i + 1]!)) pairs.add(cs[i]! + cs[i + 1]!);
  return { chars, pairs };
}
function sharedScore(a: { chars: Set<string>; pairs: Set<string> }, b: { chars: Set<string>; pairs: Set<string> }) {
  let n = 0;
  for (const ch of a.chars) if (b.chars.has(ch)) n++;
  for (const p of a.pairs) if (b.pairs.has(p)) n += 2;
  return n;
}

/**
 * Heads over the columns of the row under them, as many as cannot be spread evenly (`施設入所者の地域生活への移行 |
 * 福祉施設から一般就労への移行等 | …` over `地域生活移行者数 入所者数 一般就労移行者数 …`): the contiguous groups, each under
 * one head in order, that share the most words with their heads (characters and pairs of kanji/katakana). Only when
 * every head but one shares something with its group: otherwise nothing says where the groups part (null).
 */
function sharedGroups(heads: string[], lower: Segment[]): Segment[][] | null {
  const m = heads.length;
  const n = lower.length;
  // (a guess for a header of a few groups: a row of hundreds of words over hundreds of columns is not one)
  if (m * n * n > MAX_SHARED_STEPS) return null;
  const hs = heads.map(meaningful);
  const ls = lower.map((s) => meaningful(s.key));
  // prefix[i][x]: what head i shares with the columns before x
  const prefix = hs.map((h) => {
    const row = [0];
    for (const l of ls) row.push(row[row.length - 1]! + sharedScore(h, l));
    return row;
  });
  // best[i][j]: the best score of the first i heads over the first j columns; every group non-empty
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
  const from: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let i = 1; i <= m; i++)
    for (let j = i; j <= n - (m - i); j++)
      for (let t = i - 1; t < j; t++) {
        if (best[i - 1]![t]! < 0) continue;
        const g = prefix[i - 1]![j]! - prefix[i - 1]![t]!;
        if (best[i - 1]![t]! + g > best[i]![j]!) {
          best[i]![j] = best[i - 1]![t]! + g;
          from[i]![j] = t;
        }
      }
  if (best[m]![n]! <= 0) return null;
  const groups: Segment[][] = [];
  let unshared = 0;
  for (let i = m, j = n; i > 0; i--) {
    const t = from[i]![j]!;
    groups.unshift(lower.slice(t, j));
    if (prefix[i - 1]![j]! === prefix[i - 1]![t]!) unshared++;
    j = t;
  }
  // (one head may share nothing with its group: it stands where the others leave room)
  return unshared <= 1 ? groups : null;
}

const HOW_COST: Record<How, number> = { exact: 0, repeat: 1, even: 2, shared: 3 };

/** One header row over the segments of the row under it, its first `s` words over the stub: the best reading. */
function placeRow(
  words: HeadWord[],
  lower: Segment[],
  nStub: number,
  bounds?: ReadonlySet<number>,
  banner = false,
): PlacedRow | null {
  let best: PlacedRow | null = null;
  const groupsBelow = repeatGroups(lower, bounds).length;
  for (let s = 0; s <= Math.min(nStub + 1, words.length - 1); s++)
    for (let c = 1; c <= MAX_CELL_WORDS; c++) {
      const heads = cellWords(words.slice(s), c);
      if (!heads) continue;
      // a lone head with nothing over the stub is a caption
      if (heads.length === 1 && s === 0 && !banner) continue;
      const g = groupSegments(
        lower,
        heads.length,
        bounds,
        heads.map((w) => keyOf(w)),
      );
      if (!g) continue;
      const stub = words.slice(0, s);
      if (!plausible(stub, heads)) continue;
      // a stub word over the values is a poor reading; so is a head read from several words
      // (more stub words than stub columns, too, and heads of a row that mix periods or kinds with other words)
      const types = new Set(heads.map(typeOf));
      const mixed = types.has('other') && types.size > 1;
      // (and stub words where the row has a word for each group the row under it repeats in: `地域密着型通所介護
      // 認知症対応型共同生活介護 小規模多機能型居宅介護` over `給付費 回数 人数 | 給付費 人数 | 給付費 人数` heads the three)
      const ungrouped = s > 0 && heads.length !== groupsBelow && words.length === groupsBelow;
      const cost =
        (mixed ? 6 : 0) +
        HOW_COST[g.how] * 4 +
        10 * heads.filter((w) => isStubHead(keyOf(w))).length +
        10 * Math.max(0, s - nStub) +
        10 * (ungrouped ? 1 : 0) +
        (c > 1 ? 2 : 0);
      if (best && cost >= best.cost) continue;
      const segs = g.groups.map((grp, i) => {
        const first = grp[0]!;
        const last = grp[grp.length - 1]!;
        return { col: first.col, span: last.col + last.span - first.col, key: keyOf(heads[i]!), orig: heads[i]!.orig };
      });
      best = { stub, segs, how: g.how, cost };
    }
  return best;
}

/**
 * A header line's words as heads when its cells hold one or two words each and the line set them all one space
 * apart: a period and the kind after it (`2024（R6）年度 見込量`), a word and the bracketed note after it (`差
 * （実績－見込量）`) are one head each; every other word is a head of its own.
 */
function compoundHeads(words: HeadWord[]): HeadWord[] {
  const out: HeadWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const pair =
      next &&
      ((isPeriodToken(w.text) && isKindToken(next.text) && !isPeriodToken(next.text)) ||
        (isBracketed(next.text) && !isBracketed(w.text) && !isPeriodToken(next.text) && typeOf(w) === 'other'));
    if (pair) {
      out.push({ orig: `${w.orig} ${next.orig}`, text: `${w.text} ${next.text}` });
      i++;
    } else out.push(w);
  }
  return out;
}

/** Words a header cell may hold (`給付費（千円） 見込量`: a cell of two lines, its line break a space). */
const MAX_CELL_WORDS = 3;
type WordType = 'period' | 'kind' | 'unit' | 'other';
/** (a unit word, `単位：人`, `（人/月）`, is a type of its own: beside other heads it is the stub's, a corner cell) */
const typeOf = (w: HeadWord): WordType =>
  isPeriodToken(w.text) ? 'period' : isKindToken(w.text) ? 'kind' : isUnitToken(w.text) ? 'unit' : 'other';

/**
 * The words as heads of `c` words each, or null: every head's i-th word of one type (a measure then a kind, a year
 * then its note), one of them a period or a kind.
 */
function cellWords(words: HeadWord[], c: number): HeadWord[] | null {
  if (c === 1) return words;
  // (two heads at least: one head of several words says nothing of how a cell's words go)
  if (words.length < 2 * c || words.length % c !== 0) return null;
  const heads: HeadWord[][] = [];
  for (let i = 0; i < words.length; i += c) heads.push(words.slice(i, i + c));
  const types = Array.from({ length: c }, (_, p) => new Set(heads.map((h) => typeOf(h[p]!))));
  // (one type per place, and some place a period or a kind: plain words could be parted any way)
  if (types.some((t) => t.size > 1) || types.every((t) => t.has('other'))) return null;
  // (nor one word written twice: `第9期 第9期` is a word repeated over the columns, each its own head)
  if (heads.some((h) => h.every((w) => w.text === h[0]!.text))) return null;
  return heads.map((h) => ({ orig: h.map((w) => w.orig).join(' '), text: h.map((w) => w.text).join(' ') }));
}

/** Stub heads over `nStub` columns: one each from the left when they are no more, else all in the first. */
function stubCells(words: HeadWord[], nStub: number): HeadCell[] {
  if (words.length === 0) return [];
  if (words.length <= nStub) return words.map((w, i) => ({ orig: w.orig, col: i, colSpan: 1 }));
  return [{ orig: words.map((w) => w.orig).join(' '), col: 0, colSpan: 1 }];
}

export interface PlacedStack {
  head: HeadCell[][];
  fit: HeadFit;
  /** Header rows used, counted from the bottom (the rows above them head nothing). */
  used: number;
  /** Does some row name periods or kinds (evidence of a header, not just words)? */
  named: boolean;
}

const FIT_OF: Record<How, HeadFit> = { exact: 'exact', repeat: 'span', even: 'span', shared: 'span' };
const FIT_RANK: Record<HeadFit, number> = { exact: 0, span: 1, words: 2 };

function toStack(rows: PlacedRow[], nStub: number): PlacedStack {
  let fit: HeadFit = 'exact';
  for (const r of rows) if (FIT_RANK[FIT_OF[r.how]] > FIT_RANK[fit]) fit = FIT_OF[r.how];
  const head = rows.map((r) => [
    ...stubCells(r.stub, nStub),
    ...r.segs.map((s) => ({ orig: s.orig, col: nStub + s.col, colSpan: s.span })),
  ]);
  const names = (text: string) =>
    [text.replace(/\s+/gu, ''), ...text.split(/\s+/u)].some((w) => isPeriodToken(w) || isKindToken(w));
  const named = rows.some((r) => r.segs.some((s) => names(s.orig)));
  return { head, fit, used: rows.length, named };
}

/** A bottom row of the given stub words and heads, one head a value column; `extra` is what its reading guessed. */
const headsRow = (stub: HeadWord[], heads: HeadWord[], how: How, extra: number): PlacedRow => ({
  stub,
  segs: heads.map((w, i) => ({ col: i, span: 1, key: keyOf(w), orig: w.orig })),
  how,
  cost: 10 * heads.filter((w) => isStubHead(keyOf(w))).length + extra,
});

/** The bottom row: its last k words head one value column each, the words before them the stub. */
function bottomRow(words: HeadWord[], nStub: number, k: number): PlacedRow | null {
  for (let c = 1; c <= MAX_CELL_WORDS; c++) {
    const s = words.length - c * k;
    if (s < 0 || s > nStub + 1) continue;
    const heads = cellWords(words.slice(s), c);
    if (!heads || !plausible(words.slice(0, s), heads)) continue;
    return headsRow(words.slice(0, s), heads, 'exact', c > 1 ? 2 : 0);
  }
  return null;
}

/**
 * A header line whose heads are of one or two words each, not alike (`2024（R6）年度 見込量 … 差 （実績－見込量） …`),
 * set one space apart: read by compoundHeads. Only for a line of its own (a header written one cell per line keeps
 * its rows' words apart another way: placeHeaderCells).
 */
function compoundRow(words: HeadWord[], nStub: number, k: number): PlacedRow | null {
  for (let s = 0; s <= nStub + 1 && s < words.length; s++) {
    const heads = compoundHeads(words.slice(s));
    if (heads.length !== k || heads.length === words.length - s || !plausible(words.slice(0, s), heads)) continue;
    // (a guess of where the heads part: read as sure as a spanning head, not as one head a column)
    return headsRow(words.slice(0, s), heads, 'shared', 3);
  }
  return null;
}

/**
 * Header lines (top to bottom, each its words) over `nStub` stub columns and `k` value columns: the longest run of
 * lines from the bottom that places, or null when the bottom line does not name k columns.
 */
export function placeHeaderLines(lines: HeadWord[][], nStub: number, k: number): PlacedStack | null {
  const bottom = lines[lines.length - 1];
  const first = bottom ? (bottomRow(bottom, nStub, k) ?? compoundRow(bottom, nStub, k)) : null;
  if (!first) return null;
  const rows = [first];
  let skipped = 0;
  for (let i = lines.length - 2; i >= 0; i--) {
    const lower = rows[0]!.segs;
    let p = placeRow(lines[i]!, lower, nStub);
    // a row whose groups run on across the groups of the row above it (`… 見込 | 実績 …` where one item ends and
    // the next begins): the row above, placed over the same columns, says where they part
    const up = i > 0 && !p ? placeRow(lines[i - 1]!, lower, nStub) : null;
    if (up) p = placeRow(lines[i]!, lower, nStub, new Set(up.segs.map((x) => x.col)));
    // a lone head under a row that heads the stub (`年度 | 年度別の状況` over `利用状況` over `給付費 人数`) is a banner of
    // the header, not a caption above it
    if (!p && i > 0 && lines[i]!.length === 1) {
      const banner = placeRow(lines[i]!, lower, nStub, undefined, true);
      const over = banner && placeRow(lines[i - 1]!, banner.segs, nStub);
      if (over?.stub.some((w) => isStubHead(keyOf(w)))) p = banner;
    }
    // a line of plan terms that parts the years its own way (`第7期計画 第6期 第7期計画 …`: a result's years cut where
    // one plan ends) says no kind and no year: the line above it, placed over the same columns, heads them, the
    // plan terms left out
    if (!p && up?.segs.some((x) => kindOfHead(x.key)) && lines[i]!.every((w) => PLAN_TERM.test(keyOf(w)))) {
      rows.unshift(up);
      skipped++;
      i--;
      continue;
    }
    if (!p) break;
    rows.unshift(p);
  }
  const stack = toStack(rows, nStub);
  return { ...stack, used: stack.used + skipped };
}

/** A plan's term as a header writes it over its columns (`第7期`, `第8期計画`). */
const PLAN_TERM = /^第[0-9０-９]+期(?:計画)?$/u;

const MAX_ROWS = 4;

/** The divisors of n (the head counts an even share allows). */
const divisors = (n: number) => Array.from({ length: n }, (_, i) => i + 1).filter((d) => n % d === 0);

/**
 * A header written one cell per line (`words`, in order) over `nStub` stub columns and `k` value columns: where its
 * rows part is not written, so every parting whose rows place is tried, bottom up, and the one that reads the most
 * cells with the fewest guesses wins. Null when no tail of the cells is a header.
 */
export function placeHeaderCells(words: HeadWord[], nStub: number, k: number): PlacedStack | null {
  interface Parse {
    rows: PlacedRow[];
    /** Cells taken. */
    cells: number;
    /** Cells read as heads (a stub word more than the stub columns hold counts for nothing: a caption). */
    used: number;
    cost: number;
  }
  // (each cell read counts two, each guess of a row costs what it costs; the fewer rows the better)
  const score = (p: Parse) => 2 * p.used - p.cost;
  const better = (a: Parse, b: Parse | null) =>
    !b || score(a) > score(b) || (score(a) === score(b) && a.rows.length < b.rows.length);
  const counted = (p: PlacedRow, len: number) => len - Math.max(0, p.stub.length - nStub);
  const above = (end: number, lower: PlacedRow, depth: number): Parse => {
    let best: Parse = { rows: [], cells: 0, used: 0, cost: 0 };
    if (depth >= MAX_ROWS || end === 0) return best;
    const n = lower.segs.length;
    // the head counts a row above can have: as many, the groups the row under it repeats in, or an even share
    const counts = new Set<number>([n, repeatGroups(lower.segs).length, ...divisors(n)]);
    for (const m of counts)
      for (let s = 0; s <= nStub + 1; s++) {
        const len = m + s;
        if (len > end) continue;
        const p = placeRow(words.slice(end - len, end), lower.segs, nStub);
        if (!p || p.segs.length !== m) continue;
        const sub = above(end - len, p, depth + 1);
        const cand = {
          rows: [...sub.rows, p],
          cells: sub.cells + len,
          used: sub.used + counted(p, len),
          cost: sub.cost + p.cost,
        };
        if (better(cand, best)) best = cand;
      }
    return best;
  };
  let best: Parse | null = null;
  for (let s = 0; s <= nStub + 1; s++) {
    const len = k + s;
    if (len > words.length) continue;
    const bottom = bottomRow(words.slice(words.length - len), nStub, k);
    if (!bottom) continue;
    const sub = above(words.length - len, bottom, 1);
    const cand = {
      rows: [...sub.rows, bottom],
      cells: sub.cells + len,
      used: sub.used + counted(bottom, len),
      cost: sub.cost + bottom.cost,
    };
    if (better(cand, best)) best = cand;
  }
  if (!best) return null;
  const stack = toStack(best.rows, nStub);
  return { ...stack, used: best.cells };
}
