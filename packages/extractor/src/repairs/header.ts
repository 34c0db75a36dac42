/**
 * detectHeaderRows: decide how many leading rows are column headers and give cells their roles.
 *
 * A leading row is a header row when it holds no numeric data (year-like labels such as `R3`, `令和3年度`,
 * `2019` are labels, not data; a count after its date, `令和4年度末 248人`, is data) and its other cells read as
 * labels (short, no sentence punctuation, no count dated in words: `令和8年度末に135人以下` is a value).
 * A header the reader already knew (HTML `<thead>`/`<th>`, the markdown header row) is kept.
 * Body cells in the leading label columns (at least the first column) become `stub`; a body row holding only
 * a `※`/`注` remark becomes `note`.
 */
import { ANSWER_WORDS, type CellRole, type Table, type TableCell, wordsPattern, writesBareYears } from '@shiryo/model';
import { withRepair } from '../draft.js';
import { isBareFourDigits, isDatedCount, isNumericData, isYearLike, SENTENCE_PUNCT } from '../text.js';

const MAX_HEADER_ROWS = 4;
const ANSWER = new RegExp(`^(?:${wordsPattern(ANSWER_WORDS)})$`, 'u');
const MAX_LABEL_LENGTH = 30;
/** Period labels may carry a longer description (`2018-2020年度の取組みを目標としている項目 ※…`). */
const MAX_PERIOD_LABEL_LENGTH = 60;

function rowCells(t: Table): TableCell[][] {
  const rows: TableCell[][] = Array.from({ length: t.nRows }, () => []);
  for (const c of t.cells) rows[c.row]?.push(c);
  return rows;
}

const fourDigits = isBareFourDigits;

/**
 * Numeric data: `isNumericData`, and (family "counts that look like years") four digits alone in a table that writes
 * no year so (`writesBareYears`): `| 実績 | 2015 | 2022 |` under `令和4年度 | 令和5年度` is a row of counts.
 */
const dataIn = (bareYearsAreData: boolean) => (s: string) => isNumericData(s) || (bareYearsAreData && fourDigits(s));

/** Does this row read as a header row? Labels only: no data, no sentence punctuation, short. */
export function isHeaderLikeRow(cells: TableCell[], bareYearsAreData = false): boolean {
  const texts = cells.map((c) => c.text).filter(Boolean);
  if (texts.length === 0) return false;
  return texts.every((s) => {
    if (bareYearsAreData && fourDigits(s)) return false;
    // (`年4回`, `年 6 回`, `延べ 360人`: a rate or a qualifier before the number still makes a value)
    const bare = s.replace(/^(?:年間|月間|年|月|週|延べ|約)\s*(?=[0-9０-９])/u, '');
    // (`令和4年度末 248人`, `令和8年度末に135人以下`: a value with its date, a body cell of a table of bases and targets)
    if (isNumericData(s) || isNumericData(bare) || isDatedCount(s) || SENTENCE_PUNCT.test(s) || s.includes('、'))
      return false;
    return [...s].length <= (isYearLike(s) ? MAX_PERIOD_LABEL_LENGTH : MAX_LABEL_LENGTH);
  });
}

const isYearRow = (cells: TableCell[]) => cells.some((c) => isYearLike(c.text)) && isHeaderLikeRow(cells);

/**
 * A row naming a group of the rows below it (`（1）居宅サービス | | |` under `区分 | 令和3年度 | 令和4年度`): text in
 * its first column only, under a header row whose first column is named already (a corner set lower, `| 令和3年度`
 * over `区分 | |`, is the header's own). It ends the header.
 */
const groupRow = (rows: TableCell[][], n: number) => {
  const filled = rows[n]!.filter((c) => c.text.trim());
  const firstAbove = rows[n - 1]!.find((c) => c.col === 0 && c.row === n - 1);
  return (
    filled.length === 1 &&
    filled[0]!.col === 0 &&
    filled[0]!.colSpan === 1 &&
    !!firstAbove?.text.trim() &&
    firstAbove.rowSpan === 1
  );
};

/**
 * Leading header-like rows, at most MAX_HEADER_ROWS and never every row. In a table without any numeric data
 * every short row looks like a label row, so there only leading rows of period labels count, or else the first
 * row alone.
 */
function countHeaderRows(t: Table, rows: TableCell[][], from = 0): number {
  const max = Math.min(MAX_HEADER_ROWS, t.nRows - 1);
  const bareData = !writesBareYears(t);
  const data = dataIn(bareData);
  const hasData = t.cells.some((c) => data(c.text));
  const test = hasData ? (cells: TableCell[]) => isHeaderLikeRow(cells, bareData) : isYearRow;
  let n = from;
  // A row saying yes or no (`有`, `無`, `○`, `×`) under the years reports, whatever else it holds.
  const answers = (cells: TableCell[]) => cells.some((c) => ANSWER.test(c.text.trim()));
  while (n < max && test(rows[n]!) && !(n > 0 && answers(rows[n]!)) && !(n > 0 && groupRow(rows, n))) n++;
  if (n === 0 && !hasData && max > 0 && isHeaderLikeRow(rows[0]!)) n = 1;
  return n;
}

/** Leading columns whose body cells hold no numeric data: the row labels. At least 1, never all when there is data. */
function countStubCols(t: Table, headerRows: number): number {
  let numericFrom = t.nCols;
  const data = dataIn(!writesBareYears({ ...t, headerRows }));
  for (const c of t.cells) if (c.row >= headerRows && data(c.text)) numericFrom = Math.min(numericFrom, c.col);
  if (numericFrom === t.nCols) return Math.min(1, t.nCols);
  return Math.max(1, numericFrom);
}

const isNote = (cells: TableCell[]) => {
  const texts = cells.map((c) => c.text).filter(Boolean);
  return texts.length === 1 && /^(?:※|注[:：\d)）]|\(注\)|（注）)/.test(texts[0]!);
};

/**
 * The header rows of a markdown table: the row above the separator, and the rows right under it that read as
 * header rows too (a converter writes only a table's first row above the separator; a two- or three-level header
 * goes on in the body rows).
 */
export function markdownHeaderRows(t: Table): number {
  if (t.nRows === 0) return 0;
  return Math.max(1, countHeaderRows(t, rowCells(t), 1));
}

export function detectHeaderRows(t: Table): Table {
  if (t.nRows === 0) return t;
  const rows = rowCells(t);
  const headerRows = t.headerRows > 0 ? t.headerRows : countHeaderRows(t, rows);
  const stubCols = countStubCols(t, headerRows);
  const noteRows = new Set(rows.map((cells, r) => (r >= headerRows && isNote(cells) ? r : -1)).filter((r) => r >= 0));
  let changed = headerRows !== t.headerRows;
  const cells = t.cells.map((c) => {
    let role: CellRole;
    if (c.row < headerRows) role = 'header';
    else if (noteRows.has(c.row)) role = 'note';
    else if (c.col < stubCols) role = 'stub';
    else role = 'body';
    if (role === c.role) return c;
    changed = true;
    return { ...c, role };
  });
  return changed ? withRepair(t, 'detectHeaderRows', { cells, headerRows }) : t;
}
