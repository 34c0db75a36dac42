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
import type { SourceLine } from '../blocks.js';
import { numberedHeadingLevel } from '../blocks.js';
import { PAGE_NUMBER } from '../continued.js';
import {
  type BodyRow,
  gridToTable,
  HEAD_FACTOR,
  type HeadCell,
  type HeadFit,
  joinWords,
  type LinearFind,
  namesColumns,
  placeHeaderLine,
  placeTwoRows,
  round3,
  stubWidth,
} from './grid.js';
import {
  isBracketed,
  isColumnHeadToken,
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
const MAX_HEADER_LINES = 3;
const FIT_RANK: Record<HeadFit, number> = { exact: 0, span: 1, words: 2 };

export interface ParsedLine {
  line: SourceLine;
  tokens: Token[];
  label: Token[];
  unit: Token | null;
  values: Token[];
  /** Could be a table line at all (not a sentence, list item, heading, page number). */
  ok: boolean;
}

/** A line read from its end: values, then a unit, then the label words. */
export function parseSpacedLine(line: SourceLine): ParsedLine {
  const raw = line.text.trim();
  const tokens = lineWords(line);
  let j = tokens.length;
  while (j > 0 && isValueToken(tokens[j - 1]!.text)) j--;
  const values = tokens.slice(j);
  let label = tokens.slice(0, j);
  let unit: Token | null = null;
  if (label.length > 0 && isUnitToken(label[label.length - 1]!.text)) {
    unit = label[label.length - 1]!;
    label = label.slice(0, -1);
  }
  const labelText = label.map((t) => t.text).join('');
  const ok =
    tokens.length > 0 &&
    !isSentence(labelText) &&
    [...labelText].length <= MAX_LABEL &&
    !LIST_MARK.test(raw) &&
    !raw.startsWith('#') &&
    !PAGE_NUMBER.test(raw) &&
    numberedHeadingLevel(labelText) === null;
  return { line, tokens, label, unit, values, ok };
}

const isRow = (p: ParsedLine) => p.ok && p.values.length > 0;
const isLabelOnly = (p: ParsedLine) => p.ok && p.values.length === 0 && p.tokens.length > 0;

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
  if (next && isLabelOnly(next) && isBracketed(next.tokens.map((t) => t.text).join(''))) end++;
  return { start: i, end, k, fits, misfits };
}

/** Header lines above `start` (at most MAX_HEADER_LINES, none before `floor`), bottom-up placed, top-down returned. */
function headerAbove(
  p: ParsedLine[],
  start: number,
  floor: number,
  nStub: number,
  k: number,
): { head: HeadCell[][]; fit: HeadFit | 'none'; first: number } {
  const head: HeadCell[][] = [];
  let fit: HeadFit | 'none' = 'none';
  let named = false;
  let first = start;
  for (let i = start - 1; i >= floor && start - i <= MAX_HEADER_LINES; i--) {
    const q = p[i]!;
    if (!q.ok || q.values.length > 0) break;
    const placed = placeHeaderLine(q.tokens, nStub, k);
    // the lowest line names fewer columns than k: a two-row header with a head standing over both rows
    const above = p[i - 1];
    if (!placed && head.length === 0 && i - 1 >= floor && above?.ok && above.values.length === 0) {
      const two = placeTwoRows(above.tokens, q.tokens, nStub, k);
      if (two && q.tokens.every((t) => isColumnHeadToken(t.text))) {
        head.unshift(...two);
        named ||= namesColumns(q.tokens);
        fit = 'span';
        first = i - 1;
        break;
      }
    }
    if (!placed) break;
    head.unshift(placed.cells);
    named ||= namesColumns(q.tokens);
    // the least exact line decides how surely the columns are named
    if (fit === 'none' || FIT_RANK[placed.fit] > FIT_RANK[fit]) fit = placed.fit;
    first = i;
  }
  // plain words alone are no header unless some line names periods or kinds
  if (!named && fit === 'words') return { head: [], fit: 'none', first: start };
  return { head, fit, first };
}

/** Body rows of a run: label lines given to the row below or kept as rows of their own, misfits kept empty. */
function bodyRows(p: ParsedLine[], run: Run): BodyRow[] {
  const rows: BodyRow[] = [];
  let pending: ParsedLine[] = [];
  const labelOf = (q: ParsedLine) => joinWords(q.label.map((t) => t.orig));
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
      if (pending.length === 0 && prev?.label && isBracketed(q.tokens.map((t) => t.text).join(''))) {
        prev.label = joinWords([prev.label, text]);
        continue;
      }
      pending.push(q);
      continue;
    }
    let label = labelOf(q);
    if (pending.length > 0) {
      const last = pending[pending.length - 1]!;
      const lastText = joinWords(last.tokens.map((t) => t.orig));
      if (!label || isBracketed(q.label[0]?.text ?? '')) {
        pending.pop();
        label = joinWords([lastText, label]);
      }
    }
    flushPending();
    const fits = q.values.length === run.k;
    const row: BodyRow = { label, unit: q.unit?.orig ?? null, values: fits ? q.values : null, line: q.line.line };
    if (!fits) row.misfit = q.values;
    rows.push(row);
  }
  // a trailing bracketed label: the last row's label goes on
  for (const q of pending) {
    const last = rows[rows.length - 1];
    const text = joinWords(q.tokens.map((t) => t.orig));
    if (last) last.label = joinWords([last.label, text]);
  }
  return rows;
}

/** The tables written a row per line in a group of consecutive non-blank lines. */
export function findSpacedTables(lines: SourceLine[]): LinearFind[] {
  const p = lines.map(parseSpacedLine);
  const out: LinearFind[] = [];
  let floor = 0;
  let i = 0;
  while (i < p.length) {
    const q = p[i]!;
    // a row of values alone starts a run only right under a header line (the first row after a page break)
    const prev = p[i - 1];
    const underHead = !!prev && i - 1 >= floor && prev.ok && prev.values.length === 0 && namesColumns(prev.tokens);
    if (!isRow(q) || (q.label.length === 0 && !q.unit && !underHead)) {
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
      !placeHeaderLine(above.tokens, 1, run.k) &&
      !above.tokens.every((t) => isColumnHeadToken(t.text))
    )
      top--;
    const rowsFrom = { ...run, start: top };
    const rows = bodyRows(p, rowsFrom);
    const nStub = stubWidth(rows);
    const header = headerAbove(p, top, floor, nStub, run.k);
    const named = header.head.length > 0 && header.fit !== 'words';
    const strong =
      (run.fits >= 3 && run.k >= 2) || (run.fits >= 2 && named) || (run.fits >= 3 && header.head.length > 0);
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
