/**
 * splitSideBySideTables: small tables printed side by side (and one under another) inside the cells of a larger
 * table come out of a converter as one grid:
 *
 *   ■施設入所者… | 第1節 | … | 施設入所者の地域生活への移行 | 利用者数（実人） | 2021年度 | 2022年度 | 2023年度 | / | / …
 *                |       |   |                              | 計画値           |          |          | 4
 *   … | ③精神障害者の共同生活援助の利用者 | 利用者数（実人） | 2021年度 | … | ④精神障害者の… | 利用者数（実人） | 2021年度 | …
 *
 * A block header is a run of two or more period labels (`2021年度`, `R3`, `令和3年度`) with the label of what is
 * counted on its left (`利用者数（実人）`) and, left of that, the block's own label. The rows under it, up to the
 * next block header, hold the block's rows: a kind (`計画値`, `実績値`, `乖離値`) then values. Blocks are found
 * when at least one row holds two block headers side by side; each becomes its own table
 * (`label | measure | periods…` over `| kind | values…`), caption = its label, parent = the outer table, which
 * keeps everything else (a blank cell where a block's cell was). A label cell too long to be a label (the outer
 * table's text, which the converter put there) stays in the outer table and gives the caption its first phrase,
 * unless the block's numbered siblings show which listed item it is (`nameUntitledBlocks`). Where a block's rows were written a column off (their blank label cell dropped) they are
 * moved back so the values sit under the periods; a block whose values cannot be placed stays in the outer table.
 * `/` cells filling an empty block beside a header are dropped. A block's first row is its header row.
 */

import type { Table, TableCell } from '@shiryo/model';
import { BULLET_MARKS, CIRCLED_NUMBERS, classBody, NOTE_MARKS } from '@shiryo/model';
import { makeCell, sortCells, tableFromRows } from '../draft.js';
import { isMissingMarker, isNumericData, isYearLike } from '../text.js';
import { denseGrid } from './cells.js';

/** Where a cell's own heading ends: before a bullet, bracket, circled number or note mark, or at a sentence end. */
const SPLIT_BEFORE_MARK = new RegExp(
  `\\s+(?=[${classBody(BULLET_MARKS + NOTE_MARKS)}【${CIRCLED_NUMBERS}(（])|。`,
  'u',
);

/** One block header: where its periods run, its measure and label cells. */
export interface BlockHeader {
  row: number;
  /** First and last period column. */
  a: number;
  b: number;
  measure: number;
  /** Label column, or -1 when the cell left of the measure is empty or is a long text of the outer table. */
  label: number;
}

const MAX_LABEL = 60;
const isValue = (s: string) => isNumericData(s) || isMissingMarker(s);
const len = (s: string) => [...s].length;

/** Block headers in one row of texts. */
function headersInRow(row: string[], r: number): BlockHeader[] {
  const out: BlockHeader[] = [];
  for (let c = 0; c < row.length; c++) {
    if (!isYearLike(row[c] ?? '') || !row[c]) continue;
    let b = c;
    while (b + 1 < row.length && row[b + 1] && isYearLike(row[b + 1]!)) b++;
    const m = c - 1;
    if (b > c && m >= 0 && row[m] && !isValue(row[m]!)) {
      const l = m - 1;
      const label = l >= 0 && row[l] && !isValue(row[l]!) && !isYearLike(row[l]!) ? l : -1;
      out.push({ row: r, a: c, b, measure: m, label });
    }
    c = b;
  }
  return out;
}

/** Every block header of the grid, when some row holds two side by side (else none). */
export function findBlockHeaders(texts: string[][]): BlockHeader[] {
  const rows = texts.map((row, r) => headersInRow(row, r));
  if (!rows.some((hs) => hs.length >= 2)) return [];
  return rows.flatMap((hs, r) => (r === 0 && hs.length < 2 ? [] : hs));
}

/** The leading phrase of a long cell (before its first bullet, bracket or sentence end), if short enough. */
function leadingPhrase(text: string): string | null {
  const head = text.split(SPLIT_BEFORE_MARK)[0]!.trim();
  return head && len(head) <= MAX_LABEL ? head : null;
}

interface Segment {
  row: number;
  cols: number[];
}

/** Split a body row into segments, each opened by a label cell and followed by its values. */
function segments(row: string[], r: number): Segment[] {
  const out: Segment[] = [];
  row.forEach((text, c) => {
    if (!text) return;
    if (!isValue(text) || out.length === 0) out.push({ row: r, cols: [c] });
    else out.at(-1)!.cols.push(c);
  });
  return out;
}

/** Which block (of one header row) a segment belongs to: its label sits left of the periods, near the block. */
function ownerOf(seg: Segment, texts: string[][], blocks: BlockHeader[]): BlockHeader | null {
  const first = seg.cols[0]!;
  const isLabel = !isValue(texts[seg.row]![first]!);
  if (isLabel && len(texts[seg.row]![first]!) > MAX_LABEL) return null;
  const fits = blocks.filter((h) =>
    isLabel
      ? first >= Math.min(h.label < 0 ? h.measure : h.label, h.measure) - 1 && first <= h.a - 1
      : first >= h.a - 1 && first <= h.b + 1,
  );
  return fits.sort((x, y) => Math.abs(x.a - first) - Math.abs(y.a - first))[0] ?? null;
}

/** The shift that puts a block's values under its periods and its labels left of them (0 preferred), or null. */
function shiftOf(h: BlockHeader, segs: Segment[], texts: string[][]): number | null {
  const values = segs.flatMap((s) => s.cols.filter((c) => isValue(texts[s.row]![c]!)));
  const labels = segs.flatMap((s) => s.cols.filter((c) => !isValue(texts[s.row]![c]!)));
  const lo = h.label < 0 ? h.measure : h.label;
  for (const d of [0, 1, -1, 2, -2]) {
    if (values.every((c) => c + d >= h.a && c + d <= h.b) && labels.every((c) => c + d >= lo && c + d < h.a)) return d;
  }
  return null;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/**
 * A block that lost its title among blocks numbered ②, ③… is the item whose number is missing; the band's text
 * lists that item with its target (`①精神障害者の地域移行支援利用者数 4人`), which gives the block its caption.
 * Only when the missing numbers are as many as the untitled blocks and each is listed once in the band's row.
 */
function nameUntitledBlocks(blocks: { table: Table; row: number }[], texts: string[][]): void {
  const titled = (t: Table) => t.cells.some((c) => c.row === 0 && c.col === 0 && c.text.trim() !== '');
  const numberOf = (t: Table) => CIRCLED.indexOf((t.caption ?? '').trim()[0] ?? '') + 1;
  const numbers = blocks
    .filter((b) => titled(b.table))
    .map((b) => numberOf(b.table))
    .filter((n) => n > 0);
  if (numbers.length === 0) return;
  const untitled = blocks.filter((b) => !titled(b.table));
  const missing: number[] = [];
  for (let n = 1; n <= Math.max(...numbers) + untitled.length && missing.length < untitled.length; n++)
    if (!numbers.includes(n)) missing.push(n);
  if (missing.length !== untitled.length) return;
  untitled.forEach((b, i) => {
    const mark = CIRCLED[missing[i]! - 1]!;
    const band = texts[b.row] ?? [];
    const found = band.flatMap((cell) =>
      [...cell.matchAll(new RegExp(`${mark}\\s*([^①-⑳\\s][^①-⑳]*?)\\s*(?:[0-9０-９]|有|無|$)`, 'gu'))].map((m) =>
        m[1]!.trim(),
      ),
    );
    if (found.length === 1 && found[0] && len(found[0]) <= MAX_LABEL)
      b.table = { ...b.table, caption: `${mark}${found[0]}` };
  });
}

export interface SideBySide {
  outer: Table;
  blocks: { table: Table; row: number }[];
}

/** Split a raw (unspanned, unrepaired) table; null when it holds no side-by-side blocks. */
export function splitSideBySideTables(t: Table): SideBySide | null {
  const grid = denseGrid(t);
  const texts = grid.map((row) => row.map((c) => c?.text ?? ''));
  const headers = findBlockHeaders(texts);
  if (headers.length === 0) return null;
  const taken = new Set<string>();
  const blocks: { table: Table; row: number }[] = [];
  const headerRows = [...new Set(headers.map((h) => h.row))].sort((a, b) => a - b);
  for (const hr of headerRows) {
    const row = headers.filter((h) => h.row === hr);
    const segs = new Map<BlockHeader, Segment[]>(row.map((h) => [h, []]));
    for (let r = hr + 1; r < t.nRows && !headerRows.includes(r); r++) {
      // A block row holds nothing but block segments; anything else (the outer table's next row) ends the blocks.
      const owned = segments(texts[r]!, r).map((s) => [s, ownerOf(s, texts, row)] as const);
      if (owned.length === 0 || owned.some(([, h]) => !h)) break;
      for (const [s, h] of owned) segs.get(h!)!.push(s);
    }
    const prevHeaderRow = headerRows.filter((r) => r < hr).at(-1) ?? -1;
    for (const h of row) {
      const d = shiftOf(h, segs.get(h)!, texts);
      if (d === null) continue;
      const table = blockTable(t, h, segs.get(h)!, d, grid, texts, taken);
      blocks.push({ table: withTitlesAbove(table, h, row, texts, hr, prevHeaderRow, taken), row: hr });
    }
    // `/` cells standing for an empty block beside the headers.
    const slashes = texts[hr]!.map((s, c) => (s && isMissingMarker(s) ? c : -1)).filter((c) => c >= 0);
    if (slashes.length >= 2) for (const c of slashes) taken.add(`${hr},${c}`);
  }
  if (blocks.length === 0) return null;
  nameUntitledBlocks(blocks, texts);
  // The outer table keeps a blank cell where a block's cell was.
  const outer = {
    ...t,
    cells: t.cells.map((c) => (taken.has(`${c.row},${c.col}`) ? { ...c, text: '', orig: '' } : c)),
  };
  const repairs = [...t.quality.repairs, 'splitSideBySideTables'];
  return {
    outer: { ...outer, quality: { ...t.quality, repairs } },
    blocks: blocks.map((b) => ({ ...b, table: { ...b.table, quality: { ...b.table.quality, repairs } } })),
  };
}

/** A unit line: `（単位：人）`, `単位：千円`, `(人)`; its unit. */
const UNIT_LINE = /^[(（]?\s*(?:単位\s*[:：]\s*)([^()（）]{1,12}?)\s*[)）]?$|^[(（]\s*([^()（）\d]{1,8})\s*[)）]$/u;

/**
 * Family "titles and unit lines over side-by-side blocks": the rows right above a row of block headers that hold
 * nothing but short words, each within the columns of one block (`（１）地域密着型サービス | … | （２）施設サービス`, then
 * `（単位：人）` at each block's right edge), name and measure the block below them: the nearest such text is its
 * caption (when it has none of its own) and a unit line its unit. They are taken out of the outer table. Rows above
 * the previous row of block headers, an empty row, or a row with a value or a word outside every block end the search.
 */
function withTitlesAbove(
  table: Table,
  h: BlockHeader,
  siblings: BlockHeader[],
  texts: string[][],
  hr: number,
  prevHeaderRow: number,
  taken: Set<string>,
): Table {
  const span = (b: BlockHeader): [number, number] => [b.label >= 0 ? Math.min(b.label, b.measure) : b.measure, b.b];
  const within = (b: BlockHeader, c: number) => c >= span(b)[0] && c <= span(b)[1];
  let caption = table.caption ?? null;
  let unit = table.unitHint ?? null;
  for (let r = hr - 1; r > prevHeaderRow && r >= hr - 3; r--) {
    const filled = (texts[r] ?? []).map((x, c) => [x.trim(), c] as const).filter(([x]) => x !== '');
    if (filled.length === 0) break;
    if (!filled.every(([x, c]) => !isValue(x) && len(x) <= 40 && siblings.some((b) => within(b, c)))) break;
    for (const [x, c] of filled) {
      if (!within(h, c)) continue;
      const u = UNIT_LINE.exec(x);
      if (u) unit ??= (u[1] ?? u[2])!.trim();
      else caption ??= x;
      taken.add(`${r},${c}`);
    }
  }
  return {
    ...table,
    ...(caption ? { caption } : {}),
    ...(unit ? { unitHint: unit } : {}),
  };
}

/** One block as a table `label | measure | periods…`; marks the cells it takes from the outer table. */
function blockTable(
  t: Table,
  h: BlockHeader,
  segs: Segment[],
  d: number,
  grid: (TableCell | null)[][],
  texts: string[][],
  taken: Set<string>,
): Table {
  const width = 2 + h.b - h.a + 1;
  const take = (r: number, c: number) => {
    taken.add(`${r},${c}`);
    return grid[r]![c]!;
  };
  const labelText = h.label >= 0 ? texts[h.row]![h.label]! : '';
  const head: TableCell[] = [];
  // A short label moves into the block; a long one is the outer table's text and only lends its first phrase
  // to the caption.
  let caption: string | null = null;
  if (labelText && len(labelText) <= MAX_LABEL) {
    head.push({ ...take(h.row, h.label), row: 0, col: 0 });
    caption = labelText;
  } else if (labelText) caption = leadingPhrase(labelText);
  head.push({ ...take(h.row, h.measure), row: 0, col: 1 });
  for (let c = h.a; c <= h.b; c++) head.push({ ...take(h.row, c), row: 0, col: 2 + c - h.a });
  const body: TableCell[] = [];
  const rows = [...new Set(segs.map((s) => s.row))].sort((a, b) => a - b);
  rows.forEach((r, i) => {
    const cols = segs.filter((s) => s.row === r).flatMap((s) => s.cols);
    const labels = cols.filter((c) => !isValue(texts[r]![c]!));
    // Labels right-aligned against the periods: the kind in the measure column, anything before it in column 0.
    labels.forEach((c, k) => {
      body.push({ ...take(r, c), row: i + 1, col: Math.max(0, 1 - (labels.length - 1 - k)) });
    });
    for (const c of cols) if (isValue(texts[r]![c]!)) body.push({ ...take(r, c), row: i + 1, col: 2 + c + d - h.a });
  });
  const table = tableFromRows([], t.method, t.line === undefined ? undefined : t.line + h.row);
  // Positions no block cell landed on get a blank cell, so the block's grid is dense like any TSV table's.
  const filled = new Set([...head, ...body].map((c) => `${c.row},${c.col}`));
  for (let r = 0; r <= rows.length; r++)
    for (let c = 0; c < width; c++) if (!filled.has(`${r},${c}`)) body.push(makeCell(r, c, { orig: '' }));
  const cells = sortCells([...head, ...body]).map((c) => ({ ...c, role: 'body' as const }));
  const out: Table = { ...table, cells, nRows: rows.length + 1, nCols: width, headerRows: 1 };
  return caption ? { ...out, caption } : out;
}
