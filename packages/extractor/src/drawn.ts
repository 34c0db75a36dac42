/**
 * Family "tables drawn with characters": a ruled table written as text with its rules drawn in characters — a word
 * processor's table saved as text with box-drawing characters (`┌──┬──┐` / `│ a │ b │` / `├──┼──┤` / `└──┴──┘`,
 * heavy and double lines too), or a pandoc grid table (`+----+----+` / `| a  | b  |` / `+====+====+` under the
 * header) → a table, method `drawn`, with the spans the rules draw:
 *
 * - the columns are where the vertical lines stand (display columns: East Asian wide characters count 2, box-drawing
 *   characters 1 or 2 — whichever makes the rows' bars meet the rules' junctions, as the writer's editor showed them);
 * - a row is the text lines between two rules; the lines of one cell are one text (a label wrapped inside its cell:
 *   `医療的ケア児等に関する` / `コーディネーターの配置` / `人数`);
 * - a rule that stops at a column (`|        +------+`, `│        ├───┼───┤`) leaves the cells it does not cross open:
 *   they span the rows on both sides (a service over its two unit rows, `サービス名` over a two-level header); a line
 *   with no bar at a column boundary joins the columns (`令和６年度` over three kinds);
 * - the rows above a `=` rule (`+====+`, `╞════╡`) are the header; without one the header rows are found as for any
 *   table.
 *
 * Lines are read as written (no NFKC) so that full-width characters keep their width.
 */
import type { Table, TableCell } from '@shiryo/model';
import type { SourceLine } from './blocks.js';
import { DisjointSets, groupBoxes } from './disjoint.js';
import { emptyTable, makeCell } from './draft.js';
import { MAX_TABLE_COLS } from './limits.js';
import { charWidth } from './linear/tokens.js';
import { applyRepairs, SHAPE_REPAIRS } from './repairs/index.js';

const VERTICAL = new Set([...'|│┃║┆┇┊┋╎╏']);
const HORIZONTAL = new Set([...'-=─━═┄┅┈┉╌╍']);
const isBox = (ch: string) => /^[\u2500-\u257f]$/u.test(ch);
/** A crossing or corner: `+`, or a box-drawing character that is no straight line. */
const isJunction = (ch: string) => ch === '+' || (isBox(ch) && !VERTICAL.has(ch) && !HORIZONTAL.has(ch));
const isBar = (ch: string) => VERTICAL.has(ch) || isJunction(ch);
const isRuleChar = (ch: string) => isBar(ch) || HORIZONTAL.has(ch);
const isBlank = (ch: string) => ch === ' ' || ch === '\u3000' || ch === '\t' || ch === '\r';

/** A full rule line: only rule characters, opening with a junction, with a run of horizontals. */
function isFullRule(line: string): boolean {
  const t = line.replace(/\r$/u, '').trim();
  if (t.length < 3 || !isJunction(t[0]!) || !isJunction([...t].at(-1)!)) return false;
  const chars = [...t];
  return chars.every(isRuleChar) && chars.filter((ch) => HORIZONTAL.has(ch)).length >= 2;
}

/** A line of the drawn table: it opens and closes with a bar (a row's text, or a rule that stops at a column). */
function isDrawnLine(line: string): boolean {
  const chars = [...line.replace(/\r$/u, '').trim()];
  return chars.length >= 2 && isBar(chars[0]!) && isBar(chars.at(-1)!);
}

/**
 * The end (exclusive) of a drawn table whose top rule is line `i`, or -1: a full rule, lines that open and close
 * with a bar, a last full rule, at least one line of text.
 */
export function drawnTableEnd(lines: readonly string[], i: number): number {
  if (!isFullRule(lines[i] ?? '')) return -1;
  let j = i + 1;
  while (j < lines.length && isDrawnLine(lines[j]!)) j++;
  let end = j;
  while (end > i + 1 && !isFullRule(lines[end - 1]!)) end--;
  if (end <= i + 2) return -1;
  const text = lines.slice(i + 1, end - 1).some((l) => [...l].some((ch) => !isRuleChar(ch) && !isBlank(ch)));
  return text ? end : -1;
}

interface Glyph {
  ch: string;
  x: number;
}

function glyphs(line: string, boxWidth: number): Glyph[] {
  const out: Glyph[] = [];
  let x = 0;
  for (const ch of line.replace(/\r$/u, '')) {
    out.push({ ch, x });
    x += isBox(ch) ? boxWidth : ch === '\t' ? 1 : charWidth(ch);
  }
  return out;
}

/** Positions (display columns) of the junctions of the full rules, and how many bars of the other lines meet one. */
function fit(lines: readonly string[], boxWidth: number): number {
  const rows = lines.map((l) => glyphs(l, boxWidth));
  const junctions = new Set<number>();
  rows.forEach((g, k) => {
    if (isFullRule(lines[k]!)) for (const { ch, x } of g) if (isJunction(ch)) junctions.add(x);
  });
  let met = 0;
  rows.forEach((g, k) => {
    if (!isFullRule(lines[k]!)) for (const { ch, x } of g) if (VERTICAL.has(ch) && junctions.has(x)) met++;
  });
  return met;
}

/** Positions closer than 2 display columns are one boundary (a bar one column off). */
function clusterPositions(xs: number[]): number[] {
  const sorted = [...new Set(xs)].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (!out.length || x - out.at(-1)! > 1) out.push(x);
  return out;
}

type ColState = 'rule' | 'text';

/** Join the lines of one cell: nothing between Japanese characters (a label wrapped in its cell), a space otherwise. */
function joinLines(parts: string[], space: boolean): string {
  let out = '';
  for (const p of parts) {
    if (!out) out = p;
    else {
      const a = [...out].at(-1)!;
      const b = [...p][0]!;
      const ascii = /[\x21-\x7e]/u.test(a) && /[\x21-\x7e]/u.test(b);
      out += space || ascii ? ` ${p}` : p;
    }
  }
  return out;
}

/** Read the drawn table on lines [start, end) (drawnTableEnd); `nCols` says how wide it was. */
export function readDrawnTable(lines: SourceLine[], start: number, end: number): { table: Table; nCols: number } {
  const texts = lines.slice(start, end).map((l) => l.text.replace(/\r$/u, ''));
  const boxWidth = fit(texts, 2) > fit(texts, 1) ? 2 : 1;
  const g = texts.map((t) => glyphs(t, boxWidth));
  const full = texts.map(isFullRule);
  // column boundaries: every junction of a rule and every bar of a row
  const bounds = clusterPositions(g.flatMap((row) => row.filter((x) => isBar(x.ch)).map((x) => x.x)));
  const near = (x: number, b: number) => Math.abs(x - b) <= 1;
  const boundaryAt = (x: number) => bounds.findIndex((b) => near(x, b));
  const nCols = Math.max(0, bounds.length - 1);
  // each line's columns: a rule across it, or text (blank or not)
  const state: ColState[][] = g.map((row) =>
    Array.from({ length: nCols }, (_, c) => {
      const inner = row.filter(
        (x) => x.x > bounds[c]! && x.x < bounds[c + 1]! && !(isBar(x.ch) && boundaryAt(x.x) >= 0),
      );
      const ink = inner.filter((x) => !isBlank(x.ch));
      // (a rule fills its column: `----------`; a cell's own dash, `| - |`, stands among blanks)
      return inner.length > 0 &&
        ink.length === inner.length &&
        ink.every((x) => isRuleChar(x.ch)) &&
        ink.some((x) => HORIZONTAL.has(x.ch))
        ? 'rule'
        : 'text';
    }),
  );
  // rows of the grid: runs of lines with no rule in any column
  const bands: number[][] = [];
  let band: number[] = [];
  for (let k = 0; k < texts.length; k++) {
    if (full[k] || state[k]!.includes('rule')) {
      if (band.length) bands.push(band);
      band = [];
    } else band.push(k);
  }
  if (band.length) bands.push(band);
  const nRows = bands.length;
  // the header: the rows above a rule of `=`
  const eq = texts.findIndex((t, k) => k > 0 && k < texts.length - 1 && full[k] && /[=═]/u.test(t));
  const headerRows = eq > 0 ? bands.filter((b) => b[0]! < eq).length : 0;
  // slots (row, column) joined where no bar or rule separates them
  const sets = new DisjointSets(nRows * nCols);
  const join = (a: number, b: number) => sets.join(a, b);
  const hasBar = (k: number, b: number) => g[k]!.some((x) => isBar(x.ch) && near(x.x, bounds[b]!));
  for (let r = 0; r < nRows; r++)
    for (let c = 0; c + 1 < nCols; c++)
      if (!bands[r]!.some((k) => hasBar(k, c + 1))) join(r * nCols + c, r * nCols + c + 1);
  for (let r = 0; r + 1 < nRows; r++) {
    const between = Array.from(
      { length: bands[r + 1]![0]! - bands[r]!.at(-1)! - 1 },
      (_, i) => bands[r]!.at(-1)! + 1 + i,
    );
    for (let c = 0; c < nCols; c++)
      if (between.every((k) => state[k]![c] !== 'rule')) join(r * nCols + c, (r + 1) * nCols + c);
  }
  const boxes = groupBoxes(sets, nRows, nCols);
  const cells: TableCell[] = [];
  for (const { r0, r1, c0, c1 } of boxes.values()) {
    if (c0 >= MAX_TABLE_COLS) continue;
    const from = bands[r0]![0]!;
    const to = bands[r1]!.at(-1)!;
    const parts: string[] = [];
    for (let k = from; k <= to; k++) {
      if (state[k]!.slice(c0, c1 + 1).includes('rule')) continue;
      const s = g[k]!.filter(
        (x) => x.x > bounds[c0]! && x.x < bounds[c1 + 1]! && !(isBar(x.ch) && boundaryAt(x.x) >= 0),
      )
        .map((x) => x.ch)
        .join('')
        .replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '');
      if (s) parts.push(s);
    }
    const orig = joinLines(parts, r1 < headerRows);
    const cell = makeCell(r0, c0, {
      orig,
      rowSpan: r1 - r0 + 1,
      colSpan: Math.min(c1, MAX_TABLE_COLS - 1) - c0 + 1,
      role: r0 < headerRows ? 'header' : 'body',
    });
    cells.push(cell);
  }
  let table = emptyTable('drawn', lines[start]!.line, cells, nRows, Math.min(nCols, MAX_TABLE_COLS));
  table = { ...table, headerRows };
  return { table: applyRepairs(table, SHAPE_REPAIRS), nCols };
}
