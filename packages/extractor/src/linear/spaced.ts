/**
 * readSpacedRows — a table copied out of a PDF viewer: a row per line, its cells set apart by single spaces,
 *
 *     サービス種別 単位 R3実績 R4実績 R5見込 R6 R7 R8
 *     居宅介護 時間/月 1,234 1,310 1,402 1,450 1,500 1,550
 *     人/月 56 58 60 62 64 66
 *     共同生活援助 （グループホーム）
 *     人/月 45 50 55 60 65 70
 *
 * A line is read from its end: its trailing run of values (`1,234`, `1,234人`, `▲14`, `120（3）`, `－`) are the
 * value cells, a unit word just before them (`時間/月`) the unit cell, the words before that the label (spaces
 * inside it kept: `就労継続支援 （Ｂ型）`). The number of value columns k is that of the first row of a run of
 * consecutive lines with the same number of values; a line inside the run with another count is a misfit, kept
 * with its label and reported, not forced. A line with words only is a label: that of the row below when the row
 * has none (a label the page wrapped before its numbers), a bracketed continuation's head, or a row of its own
 * (a group heading). Header lines above the run are placed over the k columns (grid.ts: one head a column, or
 * heads spanning an even share of them). Evidence: three rows with the same k ≥ 2, or two under a header naming
 * periods or kinds; anything less stays prose.
 */
import { BOUND_WORDS } from '@shiryo/model';
import type { SourceLine } from '../blocks.js';
import { numberedHeadingLevel } from '../blocks.js';
import { PAGE_NUMBER } from '../continued.js';
import { cleanText, SENTENCE_PUNCT } from '../text.js';
import {
  type BodyRow,
  gridToTable,
  HEAD_FACTOR,
  type HeadCell,
  type HeadFit,
  joinWords,
  type LinearFind,
  namesColumns,
  placeTwoRows,
  round3,
  stubCells,
  stubWidth,
} from './grid.js';
import { CAPTION, type HeadWord, placeHeaderLines } from './stack.js';
import {
  isBracketed,
  isColumnHeadToken,
  isKindToken,
  isLabelPart,
  isMeasureWithUnit,
  isPeriodToken,
  isSentence,
  isUnitToken,
  isValueToken,
  LIST_MARK,
  lineWords,
  type Token,
} from './tokens.js';

const MAX_LABEL = 40;
/** Consecutive label or misfit lines a run may hold before its next fitting row. */
const MAX_GAP = 2;
const MAX_HEADER_LINES = 4;
/** Longest word of a header line (a head of a wide table's column: `保健、医療及び福祉関係者による協議の場の開催回数`). */
const MAX_HEAD_CELL = 40;

export interface ParsedLine {
  line: SourceLine;
  tokens: Token[];
  label: Token[];
  unit: Token | null;
  values: Token[];
  /** Could be a table line at all (not a sentence, list item, heading, page number). */
  ok: boolean;
  /** Could be a header line (words only, each short enough for a header cell). */
  headOk: boolean;
}

/** A line read from its end: values, then a unit, then the label words. */
export function parseSpacedLine(line: SourceLine): ParsedLine {
  const raw = line.text.trim();
  const tokens = lineWords(line);
  let j = tokens.length;
  // (numbers that could be years, `2059`, are values after a value: between two, `1688 2059 188`, or the row's last,
  // `296 1950 2013` — a header names no period after a count — unless they run on by one, `2022 2023`)
  const bare = (t: Token | undefined) => !!t && /^\d{4}$/u.test(t.text);
  for (;;) {
    while (j > 0 && isValueToken(tokens[j - 1]!.text)) j--;
    let i = j;
    // (a four-digit number that can be no year, `1688`, is a value already: it ends the run)
    while (i > 0 && bare(tokens[i - 1]) && !isValueToken(tokens[i - 1]!.text)) i--;
    const run = tokens.slice(i, j).map((t) => Number(t.text));
    const runsOn = run.some((y, n) => n > 0 && Math.abs(y - run[n - 1]!) === 1);
    if (i === j || i === 0 || !isValueToken(tokens[i - 1]!.text) || runsOn) break;
    j = i;
  }
  // (counts that read as years, `2025年度 1904 2074 －`, are values after a row's own period: a row labelled by its
  // year names no second year with a bare number; only in a row that holds a value read already)
  if (j < tokens.length) {
    let i = j;
    while (i > 1 && bare(tokens[i - 1])) i--;
    const period = tokens[i - 1];
    if (i < j && period && isPeriodToken(period.text) && !bare(period)) j = i;
  }
  const values = tokens.slice(j);
  let label = tokens.slice(0, j);
  let unit: Token | null = null;
  if (label.length > 0 && isUnitToken(label[label.length - 1]!.text)) {
    unit = label[label.length - 1]!;
    label = label.slice(0, -1);
  }
  const labelText = label.map((t) => t.text).join('');
  const plain = tokens.length > 0 && !LIST_MARK.test(raw) && !raw.startsWith('#') && !PAGE_NUMBER.test(raw);
  // (a label before two values or more may hold a comma: `保健、医療及び福祉関係者による協議の場の開催回数`; so may a
  // short line of words alone, the head of such a label wrapped in its cell: `保健、医療及び福祉関係者による協議の場`)
  const sentence =
    values.length >= 2 || (values.length === 0 && isLabelFragment(labelText))
      ? SENTENCE_PUNCT.test(labelText)
      : isSentence(labelText);
  // (a numbered line without values is a heading: `1 相談支援事業`; a row may be numbered: `1 居宅介護 120 130`)
  const heading = numberedHeadingLevel(values.length > 0 ? labelText : cleanText(raw)) !== null;
  const ok = plain && !sentence && [...labelText].length <= MAX_LABEL && !heading;
  // a header line: many words, each short (its length is that of the table's width, not of a label)
  // (a caption, `表4-1 訪問系サービスの実績と見込量`, is no header line)
  const headOk =
    plain &&
    !CAPTION.test(raw) &&
    values.length === 0 &&
    !SENTENCE_PUNCT.test(labelText) &&
    tokens.every((t) => [...t.text].length <= MAX_HEAD_CELL) &&
    !heading;
  return { line, tokens, label, unit, values, ok, headOk };
}

/**
 * Words alone that may be a piece of a long label wrapped in its cell: no sentence end, not ending on a comma, at
 * most WRAP_LABEL characters (a prose line copied from a page is longer).
 */
const WRAP_LABEL = 24;
function isLabelFragment(text: string): boolean {
  return !SENTENCE_PUNCT.test(text) && !/[、，,]$/u.test(text) && [...text].length <= WRAP_LABEL;
}

const isRow = (p: ParsedLine) => p.ok && p.values.length > 0;
const isLabelOnly = (p: ParsedLine) => p.ok && p.values.length === 0 && p.tokens.length > 0;

const widthOf = (ts: Token[]) => ts.reduce((w, t) => w + (t.wend - t.wstart), 0);

/**
 * Does a piece of a label fill its cell: as wide as the widest label of the lines (display columns, two less at
 * most: a line break may not fall before some characters), in a table whose labels are long (16 columns and more)?
 */
function fillsCell(lines: ParsedLine[]): (piece: Token[]) => boolean {
  const widest = Math.max(0, ...lines.map((q) => widthOf(q.label)));
  return (piece) => widest >= 16 && piece.length > 0 && widthOf(piece) >= widest - 2;
}

interface Run {
  /** Line indexes of the run, first to last (rows, label lines and misfits). */
  start: number;
  end: number;
  k: number;
  fits: number;
  misfits: number;
}

/** The run of rows with `k` values starting at `i`, with the label and misfit lines between them. */
function runAt(p: ParsedLine[], i: number): Run {
  const k = p[i]!.values.length;
  let last = i;
  let fits = 1;
  let misfits = 0;
  let gap = 0;
  let gapMisfits = 0;
  for (let j = i + 1; j < p.length; j++) {
    const q = p[j]!;
    if (isRow(q) && q.values.length === k) {
      fits++;
      misfits += gapMisfits;
      last = j;
      gap = 0;
      gapMisfits = 0;
    } else if ((isLabelOnly(q) || isRow(q)) && gap < MAX_GAP) {
      gap++;
      if (isRow(q)) gapMisfits++;
    } else break;
  }
  let end = last + 1;
  // a label the page wrapped after the last row's values (`（グループホーム）`)
  const next = p[end];
  if (next && isLabelOnly(next) && isLabelPart(next.tokens.map((t) => t.text).join(''))) end++;
  else {
    // the rest of the last row's label, when its last piece filled the cell (labels wrapped in their cell, bodyRows)
    const fills = fillsCell(p.slice(i, last + 1));
    let piece = p[last]!.label;
    while (end < p.length && end - last <= MAX_GAP && isLabelOnly(p[end]!) && fills(piece)) piece = p[end++]!.tokens;
  }
  return { start: i, end, k, fits, misfits };
}

/** A line's words as header words, a run of single characters set apart (`サ ー ビ ス 名`) joined. */
export function headWords(tokens: Token[]): HeadWord[] {
  return labelWords(tokens).map((w) => ({ orig: w, text: cleanText(w) }));
}

/**
 * Label words: a bracketed word joined to the word before it (`就労継続支援 （Ｂ型）`), a run of single characters
 * joined (`サ ー ビ ス 名`).
 */
export function labelWords(tokens: Token[]): string[] {
  const out: string[] = [];
  let single = false;
  for (const t of tokens) {
    const one = [...t.text].length === 1 && !isBracketed(t.text);
    if (out.length > 0 && (isLabelPart(t.text) || (one && single)))
      out[out.length - 1] = joinWords([out.at(-1)!, t.orig]);
    else out.push(t.orig);
    single = one;
  }
  return out;
}

/** A word that reads as a number (`3`, `12か所`, `2023年度`), not a label that starts with one (`1年以上長期入院患者数`). */
const startsWithNumber = (word: string) =>
  /^\d/u.test(word) && word.replace(/[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, '').length < 4;

/** A cell's last characters the line wrapped (`設`, `護`): one or two kanji or kana, not a head of their own. */
const isTail = (t: Token) =>
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,2}$/u.test(t.text) &&
  !isColumnHeadToken(t.text) &&
  !isUnitToken(t.text);

/**
 * A header line of wrapped cells' ends under the line of their heads (`年度・区分 設 設 護 護` under `介護老人福祉施
 * 介護老人保健施 …`: heads wider than their cells, each wrapped after the same share): stub words, then one tail for
 * each of the k heads above, each a fragment no head is alone. The two lines as one: the stub words of both, then
 * each head with its tail (`介護老人福祉施設`); null when the lower line is not such a line.
 */
export function headsWithTails(upper: Token[], lower: Token[], nStub: number, k: number): HeadWord[] | null {
  const heads = headWords(upper);
  const su = heads.length - k;
  const sl = lower.length - k;
  if (k < 2 || su < 0 || su > nStub + 1 || sl < 0 || sl > nStub + 1) return null;
  const tails = lower.slice(sl);
  if (!tails.every(isTail) || heads.slice(su).some((h) => isColumnHeadToken(h.text) || isUnitToken(h.text)))
    return null;
  return [
    ...heads.slice(0, su),
    ...headWords(lower.slice(0, sl)),
    ...heads.slice(su).map((h, i) => ({ orig: `${h.orig}${tails[i]!.orig}`, text: `${h.text}${tails[i]!.text}` })),
  ];
}

/** Header lines above `start` (at most MAX_HEADER_LINES, none before `floor`), bottom-up placed, top-down returned. */
function headerAbove(
  p: ParsedLine[],
  start: number,
  floor: number,
  nStub: number,
  k: number,
): { head: HeadCell[][]; fit: HeadFit | 'none'; first: number } {
  const none = { head: [], fit: 'none' as const, first: start };
  let top = start;
  while (top - 1 >= floor && start - (top - 1) <= MAX_HEADER_LINES) {
    if (!p[top - 1]!.headOk) break;
    top--;
  }
  if (top === start) return none;
  const lines = p.slice(top, start);
  const words = lines.map((q) => headWords(q.tokens));
  // (the lowest line the wrapped ends of the heads above it: the two lines are one header row)
  const n = lines.length;
  const tails = n >= 2 ? headsWithTails(lines[n - 2]!.tokens, lines[n - 1]!.tokens, nStub, k) : null;
  if (tails) words.splice(n - 2, 2, tails);
  // (header rows used, counted as lines)
  const asLines = (rows: number) => rows + (tails ? 1 : 0);
  const stack = placeHeaderLines(words, nStub, k);
  if (stack?.named) return { head: stack.head, fit: stack.fit, first: start - asLines(stack.used) };
  if (stack) {
    // plain words alone are a header only as far up as no word reads as a number (`1 2 3`, `12か所`): a word that
    // starts with a digit but goes on in words (`1年以上長期入院患者数`, `65歳以上の高齢者数`) is a label
    let m = 0;
    const rows = stack.head;
    const plain = (row: HeadCell[]) => row.every((h) => !startsWithNumber(h.orig));
    while (m < rows.length && plain(rows[rows.length - 1 - m]!)) m++;
    // (and only with a stub head: `区分 実施箇所数`, not `目次`; or when every column's head names its measure and
    // unit, `給付費（千円） 人数（人/月）`: a caption or a title does not)
    const stubbed = rows.slice(rows.length - m).some((row) => row.some((h) => h.col < nStub && h.orig));
    const bottomHeads = rows[rows.length - 1]?.filter((h) => h.col >= nStub) ?? [];
    const measured = bottomHeads.length >= 2 && bottomHeads.every((h) => isMeasureWithUnit(h.orig));
    return m > 0 && (stubbed || measured)
      ? { head: rows.slice(rows.length - m), fit: 'words', first: start - asLines(m) }
      : none;
  }
  // the lowest line names fewer columns than k: a two-row header with a head standing over both rows
  const [upper, lower] = [p[start - 2], p[start - 1]!];
  if (upper && start - 2 >= top && lower.tokens.every((t) => isColumnHeadToken(t.text))) {
    const two = placeTwoRows(upper.tokens, lower.tokens, nStub, k);
    if (two) return { head: two, fit: 'span', first: start - 2 };
  }
  return none;
}

/**
 * A header of kinds over years (`計画値 実績 実績見込 乖離` over `2021年度 2022年度 2023年度 2021年度 …`): its lowest row
 * a period over each of the k value columns, a row above it a kind over every column. Such a header says what each
 * value of a row under it is, so one row under it is a table (a single item's figures: `給付費 1184456 …`).
 */
function yearsUnderKinds(head: HeadCell[][], k: number): boolean {
  const bottom = head[head.length - 1] ?? [];
  const years = bottom.filter((h) => isPeriodToken(h.orig));
  if (head.length < 2 || years.length !== k) return false;
  const first = Math.min(...years.map((h) => h.col));
  return head.slice(0, -1).some((row) => {
    const kinds = row.filter((h) => h.col >= first && isKindToken(h.orig));
    return kinds.length >= 2 && kinds.reduce((n, h) => n + h.colSpan, 0) === k;
  });
}

/** Body rows of a run: label lines given to the row below or kept as rows of their own, misfits kept empty. */
function bodyRows(p: ParsedLine[], run: Run): BodyRow[] {
  const rows: BodyRow[] = [];
  const words = new Map<BodyRow, string[]>();
  const misfitWords = new Map<BodyRow, string[]>();
  let pending: ParsedLine[] = [];
  const labelOf = (q: ParsedLine) => joinWords(q.label.map((t) => t.orig));
  // Family "labels wrapped in their cell" (a viewer copy of a table of long indicator names): a piece of a label as
  // wide as the widest label of the run filled its cell, so the label goes on in the next piece — the words alone on
  // the next line (the head written with the values: `…地域の相談支援 件/年 24 26 28` / `事業所に対する…指導・` /
  // `助言件数`), or the row below (the head alone: `…協議の場` / `の開催回数 回/年 4 4 4`). Widths in display columns.
  const fills = fillsCell(p.slice(run.start, run.end));
  /** Did the last piece of the last row's label fill its cell? */
  let lastFilled = false;
  const flushPending = () => {
    for (const q of pending)
      rows.push({ label: joinWords(q.tokens.map((t) => t.orig)), unit: null, values: [], line: q.line.line });
    pending = [];
  };
  for (let i = run.start; i < run.end; i++) {
    const q = p[i]!;
    if (!isRow(q)) {
      // a bracketed line of its own right after a labelled row ends that row's label (`就労継続支援` / `（Ｂ型）`)
      const text = joinWords(q.tokens.map((t) => t.orig));
      const prev = rows[rows.length - 1];
      if (pending.length === 0 && prev?.label && isLabelPart(q.tokens.map((t) => t.text).join(''))) {
        prev.label = joinWords([prev.label, text]);
        const w = words.get(prev);
        if (w?.length) w[w.length - 1] = joinWords([w[w.length - 1]!, text]);
        continue;
      }
      // (the rest of a label whose last piece filled its cell)
      if (pending.length === 0 && prev?.label && lastFilled) {
        prev.label = joinWords([prev.label, text]);
        words.delete(prev);
        lastFilled = fills(q.tokens);
        continue;
      }
      lastFilled = false;
      pending.push(q);
      continue;
    }
    let label = labelOf(q);
    let unit = q.unit?.orig ?? null;
    if (pending.length > 0) {
      const last = pending[pending.length - 1]!;
      const lastText = joinWords(last.tokens.map((t) => t.orig));
      if (!label && !unit && last.unit && last.label.length > 0) {
        // (a label line with its unit over the values alone: `生活介護 人/月` / `120 125 130`)
        pending.pop();
        label = labelOf(last);
        unit = last.unit.orig;
      } else if (!label || isLabelPart(q.label[0]?.text ?? '') || (q.label.length > 0 && fills(last.tokens))) {
        pending.pop();
        label = joinWords([lastText, label]);
      }
    }
    lastFilled = q.label.length > 0 && fills(q.label);
    flushPending();
    const fits = q.values.length === run.k;
    const row: BodyRow = { label, unit, values: fits ? q.values : null, line: q.line.line };
    if (!fits) row.misfit = q.values;
    // (a misfit's words say nothing of the stub: its values may have been read as words)
    if (label === labelOf(q) && fits) words.set(row, labelWords(q.label));
    else if (label === labelOf(q)) misfitWords.set(row, labelWords(q.label));
    rows.push(row);
  }
  // a trailing bracketed label: the last row's label goes on
  for (const q of pending) {
    const last = rows[rows.length - 1];
    const text = joinWords(q.tokens.map((t) => t.orig));
    if (last) {
      last.label = joinWords([last.label, text]);
      words.delete(last);
    }
  }
  // label words a row per stub column, when the rows repeat words at the same places (`見込量 | 実績値 | 差`)
  const cells = stubCells([...words.values()]);
  if (cells) {
    const placed = placeShortStubs(cells);
    [...words.keys()].forEach((row, i) => {
      row.stubs = placed[i]!;
    });
    // a misfit wider than the stub keeps its first word, in the innermost stub column (a row of the group above:
    // `R5 21 19 <不明> -2` under `就労移行支援 R4 …`), so the rows after it stay in their group
    const width = Math.max(...cells.map((c) => c.length));
    for (const [row, w] of misfitWords) row.stubs = w.length <= width ? w : w.slice(0, 1);
  }
  return rows;
}

/** Stub cells a period names (`R3年度末`, `令和4年度`) or not: what a short row's word must match to be placed. */
const stubClass = (w: string) => {
  const t = cleanText(w).replace(/\s+/gu, '');
  // (a period alone, not a sentence that starts with one: `令和元年度末施設入所者数の6%以上`)
  return isPeriodToken(t) && [...t].length <= MAX_PERIOD_CELL ? 'period' : 'words';
};
const MAX_PERIOD_CELL = 10;

/** The order-kept choices of m columns out of n, rightmost first. */
function columnChoices(n: number, m: number): number[][] {
  if (m === 0) return [[]];
  if (m > n) return [];
  const out: number[][] = [];
  for (const rest of columnChoices(n - 1, m - 1)) out.push([...rest, n - 1]);
  out.push(...columnChoices(n - 1, m));
  return out;
}

/**
 * Family "a row that leaves out an inner stub cell" (the rows after a group's first write only their period, the
 * merged cells on both sides of it left out: `地域生活移行者数 R3年度末 国の目標の文 ― ― 11` / `R5年度末 ― 13 ―`):
 * a row's stub words stand right-aligned unless that puts a period in a column where every full row has words, or
 * words where every full row has a period; then the rightmost placing whose every word matches its column's class
 * is taken, the skipped columns blank (filled from the row above as merged cells, fillStubSpans). No such placing:
 * the row stays right-aligned.
 */
export function placeShortStubs(cells: string[][]): string[][] {
  const n = Math.max(0, ...cells.map((c) => c.length));
  const full = cells.filter((c) => c.length === n);
  if (n < 2 || full.length < 2) return cells;
  const cls = Array.from({ length: n }, (_, c) => {
    const k = new Set(full.map((r) => stubClass(r[c]!)));
    return k.size === 1 ? [...k][0]! : null;
  });
  const fits = (row: string[], cols: number[]) => row.every((w, i) => !cls[cols[i]!] || cls[cols[i]!] === stubClass(w));
  return cells.map((row) => {
    if (row.length === n || row.length === 0) return row;
    const right = Array.from({ length: row.length }, (_, i) => n - row.length + i);
    if (fits(row, right)) return row;
    const cols = columnChoices(n, row.length).find((c) => fits(row, c));
    if (!cols) return row;
    const out = Array.from({ length: n }, () => '');
    cols.forEach((c, i) => {
      out[c] = row[i]!;
    });
    // (the blank columns left of the first word are the outer merged cells a short row leaves out)
    return out.slice(cols[0]);
  });
}

/**
 * Family "header merged into the first row's label" (a viewer copy that ran the header line into the first row):
 * label words that hold, after at most two stub words, exactly k period or kind heads in a row and then a label of
 * words — the heads and the words before them are the header, the rest the label; null when the line is no such.
 */
function mergedHead(q: ParsedLine, k: number): { head: Token[]; label: Token[] } | null {
  if (k < 2 || q.values.length !== k) return null;
  const heads = (t: Token) => isColumnHeadToken(t.text);
  for (let a = 0; a <= 2 && a + k < q.label.length; a++) {
    const run = q.label.slice(a, a + k);
    const rest = q.label.slice(a + k);
    if (q.label.slice(0, a).some(heads) || !run.every(heads) || rest.some(heads)) continue;
    if (!rest.some((t) => /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(t.text))) continue;
    return { head: q.label.slice(0, a + k), label: rest };
  }
  return null;
}

/**
 * Family "header of several stub heads over the first row" (a viewer copy of a table whose stub is two or three
 * columns, `サービス種別 内容 区分 R2年度 R3年度 R4年度 R5年度` over `訪問看護 給付費(千円) 見込量 ― 383,684 …`): a
 * words-only line above the first row is its header, not the row's wrapped label, when its last k words name the
 * k value columns by periods or kinds, after two to MAX_STUB_HEADS stub heads (one stub head is tried by the caller).
 */
const MAX_STUB_HEADS = 3;
function namesOverStub(above: ParsedLine, k: number): boolean {
  const words = headWords(above.tokens);
  for (let s = 2; s <= MAX_STUB_HEADS && s + 1 <= words.length; s++)
    if (placeHeaderLines([words], s, k)?.named) return true;
  return false;
}

/**
 * Does the values-only line at `i` (under a label alone) begin rows written label line, values line: the next two
 * lines a label alone and a values-only line with as many values?
 */
function labelThenValues(p: ParsedLine[], i: number): boolean {
  const [label, values] = [p[i + 1], p[i + 2]];
  const k = p[i]!.values.length;
  return (
    k >= 2 &&
    !!label &&
    !!values &&
    isLabelOnly(label) &&
    isRow(values) &&
    values.label.length === 0 &&
    !values.unit &&
    values.values.length === k
  );
}

/** Lines of a page break's furniture the rows of a table may go on over (a page number and the lines by it). */
const MAX_FURNITURE = 4;
/** Longest running header or footer line (`資料２`, `第３章 障害福祉サービスの見込量`). */
const MAX_FURNITURE_CHARS = 30;

export const pageNumberLine = (l: SourceLine) => PAGE_NUMBER.test(l.text.replace(/\f/gu, '').trim());

/** A line that may be a running header or footer: words alone, naming no section, table, column or unit. */
function isRunningLine(l: SourceLine): boolean {
  const text = cleanText(l.text.replace(/\f/gu, '').trim());
  const q = parseSpacedLine(l);
  return (
    q.values.length === 0 &&
    numberedHeadingLevel(text) === null &&
    !CAPTION.test(text) &&
    !/[【】]|単位/u.test(text) &&
    !/[(（][^()（）]*[)）]/u.test(text) &&
    !q.tokens.some((t) => isColumnHeadToken(t.text) || isUnitToken(t.text))
  );
}

/**
 * Family "page furniture between rows" (a viewer copy of a table cut by a page break: the page number, the running
 * footer and header, `- 12 -` / `資料２`, between two of its rows): the lines between two rows, at most
 * MAX_FURNITURE, short, with values in none, one of them a page number or a page break. Also used across blank
 * lines (textdoc.ts), when `before` and `after` are rows with as many values.
 */
export function isPageFurniture(between: SourceLine[], before?: SourceLine, after?: SourceLine): boolean {
  const lines = between.filter((l) => l.text.trim());
  if (lines.length === 0 || lines.length > MAX_FURNITURE) return false;
  if (!lines.some((l) => pageNumberLine(l) || l.text.includes('\f'))) return false;
  if (!lines.every((l) => pageNumberLine(l) || [...l.text.trim()].length <= MAX_FURNITURE_CHARS)) return false;
  // (the lines beside the page number are a running header or footer, `資料２`, at most two; not the start of the
  // next part: a numbered heading, a caption, a title in brackets, a line naming periods, kinds or units)
  const others = lines.filter((l) => !pageNumberLine(l));
  if (others.length > 2 || !others.every(isRunningLine)) return false;
  if (!before || !after) return true;
  const [a, b] = [parseSpacedLine(before), parseSpacedLine(after)];
  return isRow(a) && isRow(b) && a.values.length >= 2 && a.values.length === b.values.length;
}

/**
 * Family "a guideline written as a count in a column of words" (`年1回以上` in a `国の目標` column whose other rows
 * write words, `令和3年度実績の1.41倍以上`): a row with one value more than the rows next to it, its first value a
 * number with a bound, has that count in the words column, which the rows around it hold in their labels — read as a
 * value, the row did not fit and lost its figures. Its unit word and the count go back into its label, as the rows
 * around it hold them.
 */
function guidelineCounts(p: ParsedLine[]): ParsedLine[] {
  const counts = p.map((q) => (isRow(q) ? q.values.length : -1));
  const near = (i: number, n: number) => {
    for (const d of [-1, 1]) {
      let j = i + d;
      while (j >= 0 && j < p.length && isLabelOnly(p[j]!)) j += d;
      if (counts[j] === n) return true;
    }
    return false;
  };
  return p.map((q, i) => {
    const first = q.values[0];
    if (!isRow(q) || q.values.length < 3 || q.label.length === 0 || !first) return q;
    if (!BOUNDED.test(first.text.replace(/\s+/gu, '')) || !near(i, q.values.length - 1)) return q;
    return { ...q, label: [...q.label, ...(q.unit ? [q.unit] : []), first], unit: null, values: q.values.slice(1) };
  });
}
const BOUNDED = new RegExp(`\\d\\D*(?:${BOUND_WORDS.join('|')})$`, 'u');

/**
 * The tables written a row per line in a group of consecutive non-blank lines; page furniture between two rows
 * (isPageFurniture) is left out of the reading and goes with the table around it.
 */
export function findSpacedTables(lines: SourceLine[]): LinearFind[] {
  const p = lines.map(parseSpacedLine);
  const keep: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (isRow(p[i]!) || !pageNumberLine(lines[i]!)) {
      keep.push(i);
      continue;
    }
    // the run of non-row lines around the page number, between two rows
    let [a, b] = [i, i];
    while (a > 0 && !isRow(p[a - 1]!)) a--;
    while (b + 1 < lines.length && !isRow(p[b + 1]!)) b++;
    if (a > 0 && b + 1 < lines.length && isPageFurniture(lines.slice(a, b + 1), lines[a - 1], lines[b + 1])) {
      while (keep.length && keep.at(-1)! >= a) keep.pop();
      i = b;
    } else keep.push(i);
  }
  if (keep.length === lines.length) return findRows(lines);
  return findRows(keep.map((i) => lines[i]!)).map((f) => ({ ...f, start: keep[f.start]!, end: keep[f.end - 1]! + 1 }));
}

function findRows(lines: SourceLine[]): LinearFind[] {
  const p = guidelineCounts(lines.map(parseSpacedLine));
  const out: LinearFind[] = [];
  let floor = 0;
  let i = 0;
  while (i < p.length) {
    const q = p[i]!;
    // a row of values alone starts a run only right under a header line (the first row after a page break)
    const prev = p[i - 1];
    const underHead = !!prev && i - 1 >= floor && prev.ok && prev.values.length === 0 && namesColumns(prev.tokens);
    // (or right under its label alone, when the next label and its values follow the same way: family "label on a
    // line, its numbers on the next", a viewer copy that put a row's label cell and its value cells on lines of
    // their own — `生活介護` / `120 125 130` / `就労移行支援` / `30 32 35`)
    const labelled = !!prev && i - 1 >= floor && isLabelOnly(prev) && labelThenValues(p, i);
    if (!isRow(q) || (q.label.length === 0 && !q.unit && !underHead && !labelled)) {
      i++;
      continue;
    }
    // a first row whose count is not that of the rows after it: kept at the top of their run as a misfit
    const next = p[i + 1];
    let run = runAt(p, i);
    if (run.fits < 2 && next && isRow(next) && next.values.length !== q.values.length) {
      const after = runAt(p, i + 1);
      if (after.fits >= 2) run = { ...after, start: i, misfits: after.misfits + 1 };
    }
    // the first row's label on the line above (a wrapped label, a group heading)
    let top = run.start;
    const above = p[top - 1];
    if (
      top - 1 >= floor &&
      above &&
      isLabelOnly(above) &&
      !placeHeaderLines([headWords(above.tokens)], 1, run.k) &&
      !namesOverStub(above, run.k) &&
      !(top - 2 >= floor && headsWithTails(p[top - 2]!.tokens, above.tokens, 2, run.k)) &&
      !above.tokens.every((t) => isColumnHeadToken(t.text))
    )
      top--;
    // the header written on the first row's line, before its label (`サービス 令和3年度 令和4年度 生活介護 120 125`)
    const merged = top === run.start ? mergedHead(p[top]!, run.k) : null;
    if (merged) p[top] = { ...p[top]!, label: merged.label };
    const rowsFrom = { ...run, start: top };
    const rows = bodyRows(p, rowsFrom);
    const nStub = stubWidth(rows);
    let header = headerAbove(p, top, floor, nStub, run.k);
    if (merged && header.head.length === 0) {
      const stack = placeHeaderLines([headWords(merged.head)], nStub, run.k);
      // (the heads of the value columns alone, the stub's head not told from the label: the split is a guess)
      if (stack?.named) header = { head: stack.head, fit: stack.fit === 'exact' ? 'span' : stack.fit, first: top };
      else p[top] = { ...p[top]!, label: [...merged.head, ...merged.label] };
    }
    const named = header.head.length > 0 && header.fit !== 'words';
    // (one row under a header whose every column is named by a period or a kind is a table too)
    const strong =
      (run.fits >= 3 && run.k >= 2) ||
      (run.fits >= 2 && named) ||
      (run.fits >= 3 && header.head.length > 0) ||
      (run.fits === 1 && run.misfits === 0 && run.k >= 2 && header.fit === 'exact') ||
      (run.fits === 1 &&
        run.misfits === 0 &&
        run.k >= 2 &&
        header.fit === 'span' &&
        yearsUnderKinds(header.head, run.k));
    // without a header, nothing says what the columns are: every row must fit
    if (!strong || run.misfits > run.fits || (header.head.length === 0 && run.misfits > 0)) {
      i++;
      continue;
    }
    const line = p[header.first]!.line.line;
    const { table, issues } = gridToTable({ head: header.head, rows, k: run.k }, 'linearized', 'readSpacedRows', line);
    const confidence = round3((run.fits / (run.fits + run.misfits)) * HEAD_FACTOR[header.fit]);
    out.push({ start: header.first, end: run.end, table, issues, confidence });
    floor = run.end;
    i = run.end;
  }
  return out;
}
