/**
 * reconcileRowWidths: HTML tables whose rowspans do not add up. In the fixture
 *
 *   区分(colspan 2) | 令和3年度 | 令和4年度 | 令和5年度
 *   協議の場への参加者数(rowspan 4) | 保健(rowspan 2) | 見込量 | 36人 | 36人
 *   医療：精神科(rowspan 2) | 見込量 | 6人 | 6人 | 6人
 *
 * some rows carry three row labels where the header has room for two, so their values sit one column to the
 * right of the others and past the header. The repair finds, per row, where the values start (the first cell
 * holding a number or a missing marker), makes room for the deepest row-label nesting S, and moves every row's
 * values so they start at column S, keeping their order and gaps: values stay left-aligned after the row
 * labels, and a row with fewer values than the header simply ends early (nothing is invented). The header's
 * corner cell widens to cover the row-label columns; its column labels move with the values.
 *
 * Leaves the table unchanged when rows already agree, when the header has fewer columns than the values need,
 * or when moving would make two cells overlap.
 */
import { type Table, type TableCell, writesBareYears } from '@shiryo/model';
import { withRepair } from '../draft.js';
import { isBareFourDigits, isMissingMarker, isNumericData } from '../text.js';

/** A count written after its period (`年6回`, `月2回`, `週 3 日`): a value, not a row label. */
const PER_PERIOD_COUNT = /^[年月週]\s*\d[\d,.]*\s*\S{0,3}$/u;

const MAX_NOTED_VALUE = 24;

/** A note after a value: a bracketed word (`（休止）`, `(見込)`, `（※1）`) or a reference mark (`※1`, `*2`). */
const VALUE_NOTE = /\s*(?:[（(][^（()）]{1,8}[）)]|[※*＊]\s*\d{0,2})\s*$/u;

/**
 * A value cell. Four digits alone are a count in a table that writes its years otherwise (family "counts that look
 * like years": `2030` visits a month under 令和6年度, `1901` recipients under 29年度): read as a year-like label,
 * such a cell made its row look one row label deeper than the others, and the repair moved that row's values a
 * column right, past their years.
 */
function valueTest(t: Table): (c: TableCell) => boolean {
  const bareYearsAreData = !writesBareYears(t);
  const value = (s: string) =>
    isNumericData(s) || isMissingMarker(s) || PER_PERIOD_COUNT.test(s) || (bareYearsAreData && isBareFourDigits(s));
  // (family "one cell misjudged shifts a whole table": a value with its note after it — a missing value with its
  // reason `―（休止）`, `－（※2）`, a count `2030（見込）`, `1985※1` — is the value, not a row label)
  // (short cells only: a value with its note is a few letters, and the note's pattern is not run over long text)
  return (c) =>
    !!c.text && (value(c.text) || (c.text.length <= MAX_NOTED_VALUE && value(c.text.replace(VALUE_NOTE, ''))));
}

interface RowShape {
  /** First column at or after `from` holding a value, or -1. */
  first: number;
  /** One past the last column any cell covers. */
  end: number;
  /** One past the last row label (a cell with text that is no value) before the first value. */
  labelEnd: number;
}

function rowShapes(t: Table, from: number, isValue: (c: TableCell) => boolean): RowShape[] {
  const shapes: RowShape[] = Array.from({ length: t.nRows }, () => ({ first: -1, end: 0, labelEnd: 0 }));
  for (const c of t.cells) {
    for (let r = c.row; r < Math.min(t.nRows, c.row + c.rowSpan); r++) {
      const s = shapes[r]!;
      s.end = Math.max(s.end, c.col + c.colSpan);
      if (c.col >= from && isValue(c) && (s.first < 0 || c.col < s.first)) s.first = c.col;
    }
  }
  for (const c of t.cells) {
    if (!c.text || isValue(c)) continue;
    for (let r = c.row; r < Math.min(t.nRows, c.row + c.rowSpan); r++) {
      const s = shapes[r]!;
      if (s.first < 0 || c.col < s.first) s.labelEnd = Math.max(s.labelEnd, c.col + c.colSpan);
    }
  }
  return shapes;
}

/** Leading columns (at least 1) where more body rows hold a label than a value. */
function labelColumns(t: Table, isValue: (c: TableCell) => boolean): number {
  const byCol = new Map<number, { labels: number; values: number }>();
  for (const c of t.cells) {
    if (c.row < t.headerRows || !c.text) continue;
    const n = byCol.get(c.col) ?? { labels: 0, values: 0 };
    if (isValue(c)) n.values++;
    else n.labels++;
    byCol.set(c.col, n);
  }
  let k = 1;
  for (let n = byCol.get(k); n && n.labels > n.values; n = byCol.get(++k));
  return k;
}

export function reconcileRowWidths(t: Table): Table {
  if (t.headerRows === 0 || t.headerRows >= t.nRows) return t;
  const isValue = valueTest(t);
  const headerEnd = Math.max(
    ...rowShapes(t, 0, isValue)
      .slice(0, t.headerRows)
      .map((s) => s.end),
  );
  // The widest run of values decides how many value columns the header labels (its last V columns); the first
  // column always holds row labels, even number-like ones, and so does a leading column holding labels in most
  // rows (family "a column of words with a count among them": a 国の目標 column of sentences where one row's
  // guideline is `年1回以上` — that row's values do not start a column earlier).
  const all = rowShapes(t, labelColumns(t, isValue), isValue)
    .slice(t.headerRows)
    .filter((s) => s.first >= 0);
  if (all.length === 0) return t;
  const V = Math.min(headerEnd, Math.max(...all.map((s) => s.end - s.first)));
  const h = headerEnd - V;
  // Where each row's values start, ignoring number-like row labels under the header's corner (`65歳以上`): after
  // its last row label, or at its first value when that comes before the corner's end. Empty cells between the
  // labels and the first value are missing values (a blank written for `－`), not labels: they stay in place.
  const shapes = rowShapes(t, h, isValue);
  const anchor = (s: RowShape) => Math.max(s.labelEnd, Math.min(s.first, h));
  const body = shapes.slice(t.headerRows).filter((s) => s.first >= 0);
  if (body.length === 0 || h < 1) return t;
  const S = Math.max(...body.map(anchor));
  // Only rows with more row labels than the header's corner covers call for a repair.
  if (S <= h) return t;

  const moved: TableCell[] = t.cells.map((c) => {
    if (c.row < t.headerRows) {
      if (c.col >= h) return { ...c, col: c.col + S - h };
      if (c.col + c.colSpan >= h) return { ...c, colSpan: c.colSpan + S - h };
      return c;
    }
    const s = shapes[c.row]!;
    if (s.first < 0 || c.col < anchor(s)) return c;
    return { ...c, col: c.col + S - anchor(s) };
  });
  const nCols = Math.max(S + V, ...moved.map((c) => c.col + c.colSpan));
  // Refuse a result where two cells claim one position.
  const taken = new Set<number>();
  for (const c of moved) {
    for (let r = c.row; r < Math.min(t.nRows, c.row + c.rowSpan); r++) {
      for (let k = c.col; k < c.col + c.colSpan; k++) {
        const key = r * (nCols + 1) + k;
        if (taken.has(key)) return t;
        taken.add(key);
      }
    }
  }
  return withRepair(t, 'reconcileRowWidths', { cells: moved, nCols });
}
