/**
 * The grid a linear reader recovered → a `Table`: header lines placed over the value columns (one head a column,
 * or a head spanning as many columns as divide evenly: `令和3年度 令和4年度` over `計画 実績 計画 実績`), body rows
 * of a label, a unit and k values. A row whose values do not fit the k columns keeps its label, loses its values
 * to an issue, and is reported (`LINEAR_ROW_MISFIT`), never forced into columns.
 */
import type { Table, TableCell, TableMethod } from '@shiryo/model';
import { emptyTable, makeCell, type RowIssue, withRepair } from '../draft.js';
import { applyRepairs, SHAPE_REPAIRS } from '../repairs/index.js';
import { cleanText, isCjk } from '../text.js';
import { periodBlocks } from './layoutfix.js';
import {
  isColumnHeadToken,
  isKindToken,
  isPeriodToken,
  isSentence,
  isValueToken,
  ocrDigits,
  type Token,
} from './tokens.js';

/** A header cell over columns `col … col + colSpan − 1`. */
export interface HeadCell {
  orig: string;
  col: number;
  colSpan: number;
}

/** How a header line was placed: one head a column, heads spanning columns, or plain words one a column. */
export type HeadFit = 'exact' | 'span' | 'words';

export interface PlacedHead {
  cells: HeadCell[];
  fit: HeadFit;
}

const MAX_HEAD_WORD = 16;

const isWideEdge = (ch: string | undefined) =>
  !!ch && (isCjk(ch) || /^[\u3000-\u303f\uff08\uff09\uff3b\uff3d]$/u.test(ch));

/** Words of a label joined as written: nothing between two Japanese characters, one space otherwise. */
export function joinWords(words: string[]): string {
  let out = '';
  for (const w of words) {
    if (!w) continue;
    out += out && !(isWideEdge([...out].at(-1)) && isWideEdge([...w][0])) ? ` ${w}` : w;
  }
  return out;
}

/** Stub header words over the stub columns: one each when they match, else all in the first. */
function stubHeads(words: { orig: string }[], nStub: number): HeadCell[] {
  if (words.length === 0) return [];
  if (words.length === nStub) return words.map((w, i) => ({ orig: w.orig, col: i, colSpan: 1 }));
  return [{ orig: words.map((w) => w.orig).join(' '), col: 0, colSpan: 1 }];
}

/**
 * One header line over `nStub` stub columns and `k` value columns, or null when it does not fit:
 *   - its last k words are column heads (periods, kinds): one a column (`exact`);
 *   - its trailing column heads are fewer, m of them with k divisible by m: each spans k/m columns (`span`);
 *   - its last k words are short plain words and only stub words come before them (`words`).
 * The words before the column heads are the stub's heads.
 */
export function placeHeaderLine(tokens: Token[], nStub: number, k: number): PlacedHead | null {
  if (
    tokens.length === 0 ||
    tokens.some((t) => isValueToken(t.text)) ||
    isSentence(tokens.map((t) => t.text).join(''))
  ) {
    return null;
  }
  let m = 0;
  while (m < tokens.length && isColumnHeadToken(tokens[tokens.length - 1 - m]!.text)) m++;
  const valueCols = (heads: Token[], span: number) =>
    heads.map((h, i) => ({ orig: h.orig, col: nStub + i * span, colSpan: span }));
  if (m >= k) {
    const heads = tokens.slice(tokens.length - k);
    return { cells: [...stubHeads(tokens.slice(0, tokens.length - k), nStub), ...valueCols(heads, 1)], fit: 'exact' };
  }
  const lead = tokens.length - k;
  if (
    lead >= 0 &&
    lead <= nStub + 1 &&
    (m > 0 || lead === nStub) &&
    tokens.slice(lead).every((t) => [...t.text].length <= MAX_HEAD_WORD && !/^\d/u.test(t.text))
  ) {
    const heads = tokens.slice(lead);
    return { cells: [...stubHeads(tokens.slice(0, lead), nStub), ...valueCols(heads, 1)], fit: 'words' };
  }
  if (m >= 1 && k % m === 0 && k / m >= 2) {
    const heads = tokens.slice(tokens.length - m);
    return {
      cells: [...stubHeads(tokens.slice(0, tokens.length - m), nStub), ...valueCols(heads, k / m)],
      fit: 'span',
    };
  }
  return null;
}

/** Heads of the stub columns (`区分`, `サービス名`, `単位`), not of value columns. */
export const STUB_HEAD =
  /^(?:区分|項目|サービス(?:名|種別|の種類|区分)?|種別|種類|事業名?|単位|指標名?|名称|内容|分類)$/u;

/**
 * Two header rows whose lower one names fewer columns than there are (m < k): k − m heads of the upper row stood
 * over both rows (`伸び率` beside `第6期 | 見込量` over `R3実績 … R8`; `令和元年度（実績）` before `令和3年度 | 令和4年度`
 * over `計画 実績 進捗率 …`), so the converter wrote them with the upper row and nothing under them. The upper row's
 * leading stub words (`区分 サービス名 単位`, `サ ー ビ ス 名`: words before the first period or kind) go over the stub;
 * the heads standing alone sit at the end, or at the start when those at the start carry their own kind and those at
 * the end do not; the other heads share the m lower columns evenly. Null when the counts do not divide.
 */
export function placeTwoRows(
  upper: { orig: string; text: string }[],
  lower: { orig: string }[],
  nStub: number,
  k: number,
): HeadCell[][] | null {
  const m = lower.length;
  if (m < 2 || m >= k) return null;
  let stubs = 0;
  while (stubs < upper.length && STUB_HEAD.test(upper[stubs]!.text.replace(/\s+/gu, ''))) stubs++;
  // else the words before the first period or kind, if they are few (a run of single characters counting once)
  let words = 0;
  let counted = 0;
  while (words < upper.length && !isColumnHeadToken(upper[words]!.text)) {
    if (!(words > 0 && [...upper[words]!.text].length === 1 && [...upper[words - 1]!.text].length === 1)) counted++;
    words++;
  }
  const s = stubs > 0 ? stubs : words < upper.length && counted <= nStub + 1 ? words : 0;
  const alone = k - m;
  const heads = upper.slice(s);
  const spanning = heads.length - alone;
  if (spanning < 1 || m % spanning !== 0 || m / spanning < 2) return null;
  const share = m / spanning;
  // a head that says its own kind (`伸び率`, `令和元年度（実績）`) needs no row under it
  const ownKind = (h: { text: string }) => !isPeriodToken(h.text) || /(?:実績|計画|見込|目標)/u.test(h.text);
  const atStart = heads.slice(0, alone).every(ownKind) && !heads.slice(spanning).every(ownKind);
  const lead = atStart ? alone : 0;
  const top: HeadCell[] = [
    ...stubHeads(upper.slice(0, s), nStub),
    ...heads.map((h, i) => {
      if (atStart && i < alone) return { orig: h.orig, col: nStub + i, colSpan: 1 };
      if (!atStart && i >= spanning) return { orig: h.orig, col: nStub + m + (i - spanning), colSpan: 1 };
      const j = i - lead;
      return { orig: h.orig, col: nStub + lead + j * share, colSpan: share };
    }),
  ];
  return [top, lower.map((h, i) => ({ orig: h.orig, col: nStub + lead + i, colSpan: 1 }))];
}

/** Does the line name columns by period or kind (evidence of a table header, not just words)? */
export const namesColumns = (tokens: Token[]) => tokens.some((t) => isPeriodToken(t.text) || isKindToken(t.text));

/**
 * A body row: its label (or its stub cells, outermost first, when the table has several stub columns), its unit
 * cell, its values (null when they did not fit: `misfit` holds them).
 */
export interface BodyRow {
  label: string;
  /** The row's stub cells when it has several (`居宅介護 | 利用者数 | 実績`); the outer ones a row repeats not may be left out. */
  stubs?: string[];
  unit: string | null;
  values: Token[] | null;
  misfit?: Token[];
  line: number;
}

/** Stub columns of the rows: the labels (as many as the row with most stub cells), and a unit column if any. */
export const stubWidth = (rows: BodyRow[]) => labelWidth(rows) + (rows.some((r) => r.unit) ? 1 : 0);

const labelWidth = (rows: BodyRow[]) => Math.max(1, ...rows.map((r) => r.stubs?.length ?? 1));

/**
 * The stub cells the label words of the rows stand for, or null when they are one label with blanks in it (`重度訪問
 * 介護`). Several columns need evidence: rows repeat a word at the same place from the right (`見込量 | 実績値 | 差`
 * after each item, an item on each of its rows), and the rows agree on how merged cells were written — every row
 * writes every stub cell, or a row leaves out the outer cells it shares with the row above and never writes one
 * again (a merged cell's text once). When they do not agree, the leftmost words are read as one cell (`就労継続支援 A型
 * | 利用者数`) and the fewer columns tried.
 */
export function stubCells(labels: string[][]): string[][] | null {
  const width = Math.max(0, ...labels.map((l) => l.length));
  for (let n = width; n >= 2; n--) {
    const rows = labels.map((l) =>
      l.length > n ? [joinWords(l.slice(0, l.length - n + 1)), ...l.slice(l.length - n + 1)] : l,
    );
    if (agrees(rows, n) && repeats(rows)) return rows;
  }
  return null;
}

/** Every row writes n cells, or no row writes an outer cell the row above wrote the same. */
function agrees(rows: string[][], n: number): boolean {
  if (rows.every((r) => r.length === n)) return true;
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    for (let p = 1; p < n; p++) {
      const [x, y] = [a[a.length - 1 - p], b[b.length - 1 - p]];
      if (x !== undefined && x === y) return false;
    }
  }
  return true;
}

/** Some word stands at the same place from the right in two rows of several words. */
function repeats(rows: string[][]): boolean {
  const width = Math.max(0, ...rows.map((l) => l.length));
  for (let p = 0; p < width; p++) {
    const seen = new Set<string>();
    for (const l of rows) {
      const w = l[l.length - 1 - p];
      if (w === undefined || l.length < 2) continue;
      if (seen.has(w)) return true;
      seen.add(w);
    }
  }
  return false;
}

export interface LinearGrid {
  head: HeadCell[][];
  rows: BodyRow[];
  k: number;
}

/** The table of a recovered grid, its misfit rows reported. The reader's name is recorded as its first repair. */
export function gridToTable(
  g: LinearGrid,
  method: TableMethod,
  reader: string,
  line: number,
): { table: Table; issues: RowIssue[] } {
  const nLabel = labelWidth(g.rows);
  const nStub = stubWidth(g.rows);
  const cells: TableCell[] = [];
  const issues: RowIssue[] = [];
  g.head.forEach((row, r) => {
    for (const h of row) cells.push(makeCell(r, h.col, { orig: h.orig, colSpan: h.colSpan, role: 'header' }));
  });
  const h = g.head.length;
  let groupUnit: string | null = null;
  g.rows.forEach((row, i) => {
    const r = h + i;
    // stub cells to the right (the outer ones a row leaves out are those of the row above); a label alone in the
    // first column
    const stubs = row.stubs ?? [row.label];
    const at = row.stubs ? nLabel - stubs.length : 0;
    for (let c = 0; c < nLabel; c++) {
      const orig = c >= at ? (stubs[c - at] ?? '') : '';
      cells.push(makeCell(r, c, { orig, text: cleanText(orig) }));
    }
    // a row that leaves out the outer stub cells goes on in the group above, and so does the unit that group wrote
    // once, beside its first row's outer cells (`共同生活援助 / 人/月 / 計画値 …` then `実績値 …`: a spanning cell)
    const continues = at > 0 && row.values !== null && row.values.length > 0;
    const unit = row.unit ?? (continues ? groupUnit : null);
    groupUnit = at > 0 ? unit : row.unit;
    if (nStub > nLabel) cells.push(makeCell(r, nLabel, { orig: unit ?? '' }));
    const values = row.values ?? [];
    for (let j = 0; j < g.k; j++)
      cells.push(
        makeCell(r, nStub + j, {
          orig: values[j]?.orig ?? '',
          text: values[j] ? ocrDigits(values[j]!.text) : undefined,
        }),
      );
    if (row.misfit) {
      issues.push({
        code: 'LINEAR_ROW_MISFIT',
        severity: 'warn',
        message: `line ${row.line}: ${row.misfit.length} value(s) where the table has ${g.k} columns, not placed: ${row.misfit.map((t) => t.orig).join(' ')}`,
        row: r,
      });
    }
  });
  // fill the header rows' uncovered positions, so every position has a cell
  const covered = new Set<string>();
  for (const c of cells) for (let k = c.col; k < c.col + c.colSpan; k++) covered.add(`${c.row},${k}`);
  const nCols = nStub + g.k;
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < nCols; c++)
      if (!covered.has(`${r},${c}`)) cells.push(makeCell(r, c, { orig: '', role: 'header' }));
  }
  let table = emptyTable(method, line, cells, h + g.rows.length, nCols);
  table = { ...table, headerRows: h };
  table = withRepair(table, reader, {});
  return { table: applyRepairs(table, [...SHAPE_REPAIRS, periodBlocks]), issues };
}

/** A table a linear reader found in `lines[start, end)` of the lines it was given, with how sure it is (0..1). */
export interface LinearFind {
  start: number;
  end: number;
  table: Table;
  issues: RowIssue[];
  confidence: number;
}

/** How much a header's placement adds to the reader's confidence. */
export const HEAD_FACTOR: Record<HeadFit | 'none', number> = { exact: 1, span: 0.9, words: 0.8, none: 0.65 };

export const round3 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
