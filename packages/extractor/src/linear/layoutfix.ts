/**
 * What a space-aligned text still gets wrong after its columns are read from offsets (aligned.ts):
 *
 * mergeComplementaryColumns — one column of values set in two: text laid out from a proportional font
 * (`pdftotext -layout`) moves a value's right edge by its glyphs (`▲24` ends three characters before `0` under
 * it), and the column splits in two that never both hold a value in one row. Two neighbouring value columns that
 * never share a row (body or header; a header may span both) are one.
 *
 * liftCenteredLabels — a label set halfway down the rows it heads (`居宅介護` between its `人/月` and `時間/月`
 * lines) comes out as a row of its own between two rows without labels: it is the label of the row above (the
 * row below takes it when the table is read, as from a TSV row group).
 *
 * periodBlocks — a period label centred on the kind rows it heads, and wrapped in its cell (`pdftotext -layout` or a
 * PDF viewer copy of a year cell spanning rows, `令和 6 年` on the middle row, `度` on the row under it):
 *
 *             計画値        310
 *     令和6年  実績値        296
 *     度       対計画比(%)   95.5
 *     令和7年  計画値        325
 *     度       実績見込      301
 *
 * A stub whose column next to the periods holds a kind on every row parts into blocks where the kinds start over (a
 * kind ranked no later than the one above it: the plan after a rate); a block's pieces of the first column, read in
 * order, are its one period (`令和6年度`), set on its first row (the rows under it take it as from a TSV row group).
 */
import type { Table, TableCell } from '@shiryo/model';
import { sortCells, withRepair } from '../draft.js';
import { cleanText, isNumericData } from '../text.js';
import { isKindToken, isPeriodToken, kindRank } from './tokens.js';

const textAt = (t: Table, r: number, c: number) =>
  t.cells.find((x) => x.row === r && x.col === c && x.colSpan === 1)?.text ?? '';

export function mergeComplementaryColumns(t: Table): Table {
  let cells = t.cells;
  let nCols = t.nCols;
  let changed = false;
  for (let c = nCols - 2; c >= 1; c--) {
    const at = (col: number) => cells.filter((x) => x.col === col);
    const numeric = (col: number) => at(col).some((x) => x.row >= t.headerRows && isNumericData(x.text));
    if (!numeric(c) || !numeric(c + 1)) continue;
    // a cell starting at c + 1 and spanning further, or one starting at c and reaching past c + 1: leave it
    if (cells.some((x) => (x.col === c + 1 && x.colSpan > 1) || (x.col === c && x.colSpan > 2))) continue;
    const rowsWith = (col: number) =>
      new Set(
        at(col)
          .filter((x) => x.text && x.colSpan === 1)
          .map((x) => x.row),
      );
    const left = rowsWith(c);
    const right = rowsWith(c + 1);
    if ([...right].some((r) => left.has(r))) continue;
    const next: TableCell[] = [];
    for (const x of cells) {
      if (x.col === c + 1) {
        // the value moves left, over the empty cell it finds there
        if (x.text) next.push({ ...x, col: c });
        continue;
      }
      if (x.col === c && x.colSpan === 1 && !x.text && right.has(x.row)) continue;
      if (x.col === c && x.colSpan === 2) next.push({ ...x, colSpan: 1 });
      else if (x.col > c + 1) next.push({ ...x, col: x.col - 1 });
      else if (x.col < c && x.col + x.colSpan > c + 1) next.push({ ...x, colSpan: x.colSpan - 1 });
      else next.push(x);
    }
    cells = next;
    nCols--;
    changed = true;
  }
  return changed ? withRepair(t, 'mergeComplementaryColumns', { cells: sortCells(cells), nCols }) : t;
}

/**
 * spreadKindRow — a header row of kinds, one over each value column (`計画   実績   計画   実績 …` under `令和3年度
 * 令和4年度 …`), that the offsets read as fewer cells each holding two kinds and spanning more than their columns
 * (`計画 実績` over three columns: kind words set a few characters apart, closer than the value columns under them,
 * in `pdftotext -layout`): when the row's words are kinds alone and as many as the value columns, each kind is set
 * over one value column in order. Any other count leaves the row as read.
 */
export function spreadKindRow(t: Table): Table {
  const numeric = t.cells.filter((c) => c.row >= t.headerRows && isNumericData(c.text));
  if (t.headerRows < 2 || numeric.length === 0) return t;
  const first = Math.min(...numeric.map((c) => c.col));
  const k = t.nCols - first;
  if (k < 2) return t;
  let cells = t.cells;
  let changed = false;
  for (let r = 0; r < t.headerRows; r++) {
    const filled = cells.filter((c) => c.row === r && c.text).sort((a, b) => a.col - b.col);
    if (filled.length === 0 || filled.length === k) continue;
    const words = filled.flatMap((c) => c.orig.split(/\s+/u).filter(Boolean));
    if (words.length !== k || !words.every((w) => isKindToken(w) && !isPeriodToken(w))) continue;
    const { bbox: _, ...template } = filled[0]!;
    const row: TableCell[] = [
      ...Array.from({ length: first }, (_x, col) => ({ ...template, col, colSpan: 1, rowSpan: 1, text: '', orig: '' })),
      ...words.map((w, i) => ({ ...template, col: first + i, colSpan: 1, rowSpan: 1, text: cleanText(w), orig: w })),
    ];
    cells = [...cells.filter((c) => c.row !== r), ...row];
    changed = true;
  }
  return changed ? withRepair(t, 'spreadKindRow', { cells: sortCells(cells) }) : t;
}

export function liftCenteredLabels(t: Table): Table {
  let table = t;
  let changed = false;
  for (let r = t.nRows - 2; r > t.headerRows; r--) {
    const row = table.cells.filter((x) => x.row === r && x.text);
    if (row.length !== 1 || row[0]!.col !== 0 || row[0]!.colSpan !== 1 || isNumericData(row[0]!.text)) continue;
    const valued = (rr: number) => table.cells.some((x) => x.row === rr && x.col > 0 && isNumericData(x.text));
    if (textAt(table, r - 1, 0) || textAt(table, r + 1, 0) || !valued(r - 1) || !valued(r + 1)) continue;
    const label = row[0]!;
    const cells = table.cells
      .filter((x) => x.row !== r)
      .map((x) => {
        if (x.row === r - 1 && x.col === 0) return { ...x, text: label.text, orig: label.orig };
        return x.row > r ? { ...x, row: x.row - 1 } : x;
      });
    table = { ...table, cells, nRows: table.nRows - 1 };
    changed = true;
  }
  return changed ? withRepair(table, 'liftCenteredLabels', {}) : t;
}

export function periodBlocks(t: Table): Table {
  const body = t.cells.filter((c) => c.row >= t.headerRows);
  const valueCols = body.filter((c) => c.col > 0 && isNumericData(c.text)).map((c) => c.col);
  if (valueCols.length === 0) return t;
  const nStub = Math.min(...valueCols);
  if (nStub < 2) return t;
  const rows = [...new Set(body.map((c) => c.row))].sort((a, b) => a - b);
  // the kinds' column: a stub column after the first holding a kind on every body row
  const kindCol = Array.from({ length: nStub - 1 }, (_, i) => i + 1).find((c) =>
    rows.every((r) => kindRank(textAt(t, r, c)) !== null),
  );
  if (kindCol === undefined || rows.length < 3) return t;
  const blocks: number[][] = [];
  rows.forEach((r, i) => {
    const rank = kindRank(textAt(t, r, kindCol))!;
    const prev = i > 0 ? kindRank(textAt(t, rows[i - 1]!, kindCol))! : null;
    if (prev === null || rank <= prev) blocks.push([]);
    blocks[blocks.length - 1]!.push(r);
  });
  const labels = new Map<number, string>();
  let moved = false;
  for (const block of blocks) {
    const pieces = block.map((r) => textAt(t, r, 0)).filter(Boolean);
    if (pieces.length === 0) continue;
    const period = cleanText(pieces.join('')).replace(/\s+/gu, '');
    // (every block's pieces one period, no more than one of them a period alone: else the blocks are not the periods')
    if (!isPeriodToken(period) || pieces.filter((x) => isPeriodToken(x)).length > 1) return t;
    if (pieces.length > 1 || !textAt(t, block[0]!, 0)) moved = true;
    for (const r of block) labels.set(r, r === block[0] ? period : '');
  }
  if (!moved || blocks.length < 2) return t;
  const cells = t.cells.map((c) => {
    const label = c.col === 0 && c.colSpan === 1 ? labels.get(c.row) : undefined;
    return label === undefined || label === c.text ? c : { ...c, text: label, orig: label };
  });
  return withRepair(t, 'periodBlocks', { cells });
}

/**
 * splitRepeatedHeads — tables set side by side or one under another in a text, read as one because their columns
 * line up (a fixed-width listing of a grid of small tables):
 *
 *     ①地域生活移行者数  単位  R3年度  R4年度  R5年度   ②一般就労移行者数  単位  R3年度  R4年度  R5年度
 *     目標値             人                        5   目標値             人                       25
 *     ③施設入所者数      単位  R3年度  R4年度  R5年度   ④就労定着支援事業の利用者数  単位  R3年度 …
 *
 * Side by side: the header's cells from a column on repeat those from the second column on (the stub head, the
 * table's own name, is its own), and that column holds no number: a table starts there. One under another: a body
 * row without numbers repeats the header but for its first cell: a table starts there. The parts in order, left to
 * right then top to bottom; the table itself when nothing repeats.
 */
export function splitRepeatedHeads(t: Table): Table[] {
  if (t.headerRows !== 1) return [t];
  const text = (r: number, c: number) => textAt(t, r, c);
  const numeric = (r: number) => t.cells.some((x) => x.row === r && x.col > 0 && isNumericData(x.text));
  // the columns a table starts at: the header's cells 1… repeated from column j on, and no number under j
  const starts = [0];
  for (let j = 2; j < t.nCols - 1; j++) {
    const w = j - starts[starts.length - 1]!;
    if (j + w > t.nCols) break;
    let same = 0;
    let ok = true;
    for (let c = 1; c < w && ok; c++) {
      const [a, b] = [text(0, starts[starts.length - 1]! + c), text(0, j + c)];
      if (a !== b) ok = false;
      else if (a) same++;
    }
    const labels = t.cells.some((x) => x.row >= t.headerRows && x.col === j && x.text);
    const noNumber = !t.cells.some((x) => x.row >= t.headerRows && x.col === j && isNumericData(x.text));
    // (no header cell spans the boundary)
    const crossed = t.cells.some((x) => x.col < j && x.col + x.colSpan > j);
    if (ok && same >= 2 && labels && noNumber && !crossed && text(0, j)) starts.push(j);
  }
  const width = starts.length > 1 ? starts[1]! - starts[0]! : t.nCols;
  if (starts.length > 1 && starts.some((s, i) => i > 0 && s - starts[i - 1]! !== width)) return [t];
  if (starts.length > 1 && starts[starts.length - 1]! + width !== t.nCols) return [t];
  // the rows a table starts at: a row without numbers repeating the header's cells after the first, in each part
  const tops = [0];
  for (let r = t.headerRows + 1; r < t.nRows; r++) {
    if (numeric(r)) continue;
    const repeats = starts.every((s) => {
      let same = 0;
      for (let c = 1; c < width; c++) {
        if (text(r, s + c) !== text(0, s + c)) return false;
        if (text(0, s + c)) same++;
      }
      return same >= 2;
    });
    if (repeats && !t.cells.some((x) => x.row < r && x.row + x.rowSpan > r)) tops.push(r);
  }
  if (starts.length === 1 && tops.length === 1) return [t];
  const parts: Table[] = [];
  tops.forEach((top, i) => {
    const bottom = tops[i + 1] ?? t.nRows;
    for (const s of starts) {
      const cells = t.cells
        .filter((x) => x.row >= top && x.row < bottom && x.col >= s && x.col < s + width)
        .map((x) => ({ ...x, row: x.row - top, col: x.col - s, role: x.row === top ? ('header' as const) : x.role }));
      parts.push(
        withRepair(t, 'splitRepeatedHeads', {
          cells: sortCells(cells),
          nRows: bottom - top,
          nCols: width,
          headerRows: 1,
        }),
      );
    }
  });
  return parts;
}
