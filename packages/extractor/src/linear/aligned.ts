/**
 * readAlignedColumns — a table whose columns only spaces keep apart (`pdftotext -layout`, a fixed-width listing):
 *
 *                           令和3年度            令和4年度
 *     区分          単位    計画値   実績値      計画値   実績値
 *     居宅介護      人/月      312      298         325      301
 *                 時間/月    5,120    4,870       5,330    4,958
 *
 * Each line is cut into cells where two or more spaces part its words (and between single-spaced values:
 * `1,234 1,310`); the cells become text spans placed at their offsets, and the PDF stream reader (pdf/stream.ts)
 * does the rest as it does for a borderless PDF table: rows from lines close together (one blank line inside a table
 * is allowed, two end it, a form feed is a page break), columns from the x-extents of the body cells, header rows
 * above the first row of numbers, a label the writer wrapped onto a line of its own. Offsets are measured twice —
 * characters (pdftotext sets each glyph in one character cell) and display columns (wide characters count 2, as a
 * fixed-width listing does) — and the measure whose columns conflict least is kept. A table is taken when three body
 * rows hold numbers (two under a header naming periods or kinds) and most of its cells are not words; the confidence
 * is the share of value cells that fell in one column alone. Page headers and footers between the parts of a table
 * stay prose: continued.ts joins the parts when the second repeats the first one's header.
 */
import type { Table, TextSpan } from '@shiryo/model';
import type { SourceLine } from '../blocks.js';
import { PAGE_NUMBER } from '../continued.js';
import { sortCells, withRepair } from '../draft.js';
import type { Line, Segment } from '../pdf/lines.js';
import { DEFAULT_PDF_SETTINGS } from '../pdf/settings.js';
import { looksLikeTextColumns, type Row, regionToTable, rowRegions } from '../pdf/stream.js';
import { applyRepairs, SHAPE_REPAIRS } from '../repairs/index.js';
import { cleanText, isNumericData } from '../text.js';
import { centreStubLabels } from './centred.js';
import { HEAD_FACTOR, type LinearFind, round3 } from './grid.js';
import {
  liftCenteredLabels,
  mergeComplementaryColumns,
  periodBlocks,
  splitRepeatedHeads,
  spreadKindRow,
} from './layoutfix.js';
import { findSpacedTables } from './spaced.js';
import { isColumnHeadToken, isKindToken, isPeriodToken, isValueToken, lineWords, type Token } from './tokens.js';

/** Geometry of the stand-in page: a display column is half the font size, a line 1.4 sizes high (header lines are not wrapped text; a label line under a row still continues it). */
const SIZE = 10;
const COLUMN = SIZE / 2;
const PITCH = 14;
/** A form feed puts the next page this far down: no table runs across it. */
const PAGE_GAP = 100;
/** Lines above the first row of numbers that may be header lines (a header wrapped in its cells takes several). */
const MAX_HEAD_LINES = 6;
/** Below this share of value cells alone in their column, the columns did not come out of the offsets. */
const MIN_CLEAN = 0.8;
/** Two spaces or more part two cells. */
const CELL_GAP = 2;

type Measure = 'chars' | 'width';

const at = (t: Token, m: Measure) => (m === 'chars' ? [t.start, t.end] : [t.wstart, t.wend]) as [number, number];

/**
 * The line's cells: words parted by two spaces or more; inside one, words that are all values or column heads
 * (`1,234 1,310`, `計画 実績`) each a cell, and trailing values set one space after a label cut off it.
 */
export function lineCells(tokens: Token[]): Token[][] {
  const groups: Token[][] = [];
  for (const t of tokens) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (g && prev && t.start - prev.end < CELL_GAP) g.push(t);
    else groups.push([t]);
  }
  const out: Token[][] = [];
  for (const g of groups) {
    if (g.length > 1 && g.every((t) => isValueToken(t.text) || isColumnHeadToken(t.text))) {
      for (const t of g) out.push([t]);
      continue;
    }
    let j = g.length;
    while (j > 1 && isValueToken(g[j - 1]!.text)) j--;
    out.push(g.slice(0, j));
    for (const t of g.slice(j)) out.push([t]);
  }
  return out;
}

function span(t: Token, y: number, m: Measure): TextSpan {
  const [a, b] = at(t, m);
  return {
    text: t.text,
    orig: t.orig,
    bbox: { x0: a * COLUMN, y0: y, x1: b * COLUMN, y1: y + SIZE },
    dir: 'h',
    size: SIZE,
    origin: 'export',
    confidence: 1,
  };
}

function segment(cell: Token[], y: number, m: Measure): Segment {
  const spans = cell.map((t) => span(t, y, m));
  return {
    spans,
    bbox: { x0: spans[0]!.bbox.x0, y0: y, x1: spans[spans.length - 1]!.bbox.x1, y1: y + SIZE },
    text: cleanText(cell.map((t) => t.orig).join(' ')),
    orig: cell.map((t) => t.orig).join(' '),
  };
}

/** The run's non-blank lines as stand-in rows of cells, with the run index of each. */
function standInRows(lines: SourceLine[], near: boolean[], m: Measure): { rows: Row[]; index: Map<Line, number> } {
  const rows: Row[] = [];
  const index = new Map<Line, number>();
  let y = 0;
  lines.forEach((l, i) => {
    if (l.text.includes('\f')) y += PAGE_GAP;
    y += PITCH;
    // (a line far from any wide gap is no row: skipped, it leaves a gap no region crosses)
    if (!near[i]) return;
    const text = l.text.replace(/\f/gu, '').trimEnd();
    if (!text.trim()) return;
    const tokens = lineWords(l);
    // a line without a wide gap, or a page number (`- 3 -`), is one cell: a label or a heading, never a row
    const cells = !WIDE_GAP.test(text.trim()) || PAGE_NUMBER.test(text.trim()) ? [tokens] : lineCells(tokens);
    const segments = cells.map((c) => segment(c, y, m));
    const spans = segments.flatMap((g) => g.spans);
    const line: Line = {
      spans,
      bbox: { x0: spans[0]!.bbox.x0, y0: y, x1: spans[spans.length - 1]!.bbox.x1, y1: y + SIZE },
      size: SIZE,
      dir: 'h',
      text: cleanText(text),
      orig: text,
    };
    index.set(line, i);
    rows.push({ line, segments });
  });
  return { rows, index };
}

/** Two spaces or more (ASCII or ideographic) between two words. */
const WIDE_GAP = /\S[ \u3000]{2,}\S/u;
/** Lines this close to a line with a wide gap may belong to its table (header lines, wrapped labels). */
const NEAR = 6;

/** Which lines lie within NEAR lines of a line with a wide gap. */
function nearWideGaps(lines: SourceLine[]): boolean[] {
  const near = lines.map(() => false);
  let last = Number.NEGATIVE_INFINITY;
  lines.forEach((l, i) => {
    if (WIDE_GAP.test(l.text.trim())) {
      for (let j = Math.max(0, i - NEAR, last + 1); j <= i; j++) near[j] = true;
      last = i;
    } else if (i - last <= NEAR) near[i] = true;
  });
  return near;
}

/**
 * How cleanly the columns came out: value cells that share a column with another or straddle two (`bad`), and how
 * far apart the right edges of a column's numbers lie (`ragged`, in display columns, summed over the columns).
 */
function conflicts(t: Table): { values: number; bad: number; ragged: number } {
  let values = 0;
  let bad = 0;
  const edges = new Map<number, number[]>();
  for (const c of t.cells) {
    // (a header cell holding two period or kind words, `R4年度 R5年度`, straddles two columns)
    if (c.row < t.headerRows && c.col > 0) {
      const heads = c.text.split(' ').filter((w) => isPeriodToken(w) || isKindToken(w)).length;
      if (heads > 1) bad += heads;
    }
    if (c.row < t.headerRows || !c.text) continue;
    // (a label cell that swallowed values counts against the columns too)
    const merged = c.orig.includes('\n') && c.orig.split('\n').some((x) => isValueToken(x.trim()));
    if (c.col === 0) {
      if (merged) bad++;
      continue;
    }
    values++;
    if (c.colSpan > 1 || merged || c.orig.includes('\n')) bad++;
    else if (c.bbox && isNumericData(c.text)) edges.set(c.col, [...(edges.get(c.col) ?? []), c.bbox.x1]);
  }
  let ragged = 0;
  for (const xs of edges.values()) ragged += (Math.max(...xs) - Math.min(...xs)) / COLUMN;
  return { values, bad: bad + staggered(t), ragged };
}

/**
 * Value cells of rows set one column off the others: rows holding as many values as the most common pattern of filled
 * value columns but in other columns (`28,450 27,312 96.0` in columns 1–3, `4,980 4,412 88.6` in 2–4). Each cell
 * lies alone in its column, yet the row is misplaced: the offsets did not give the columns.
 */
function staggered(t: Table): number {
  const filled = new Map<number, number[]>();
  for (const c of t.cells)
    if (c.row >= t.headerRows && c.col > 0 && isNumericData(c.text))
      filled.set(c.row, [...(filled.get(c.row) ?? []), c.col]);
  const patterns = new Map<string, number>();
  for (const cols of filled.values()) {
    const key = cols.sort((a, b) => a - b).join(',');
    patterns.set(key, (patterns.get(key) ?? 0) + 1);
  }
  const top = [...patterns.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!top) return 0;
  const width = top[0].split(',').length;
  let bad = 0;
  for (const cols of filled.values()) if (cols.length === width && cols.join(',') !== top[0]) bad += cols.length;
  return bad;
}

/** Does the row hold a number in a cell after its first? */
const holdsValues = (r: Row) => r.segments.slice(1).some((g) => isNumericData(g.text));

/**
 * A region cut to its table: no more than `maxHead` rows above the first row of numbers (header lines), nothing
 * after the last one but the one-cell lines right under it (a wrapped label).
 */
function trimRegion(region: Row[], maxHead: number): Row[] {
  const first = region.findIndex(holdsValues);
  if (first < 0) return [];
  let last = region.length - 1;
  while (last > first && !holdsValues(region[last]!)) last--;
  while (last + 1 < region.length && region[last + 1]!.segments.length === 1) last++;
  return region.slice(Math.max(0, first - maxHead), last + 1);
}

interface Candidate {
  table: Table;
  start: number;
  end: number;
  values: number;
  bad: number;
  ragged: number;
}

/**
 * Header lines whose heads are as many as the table's columns (or one fewer, the line indented past the stub column)
 * placed one head a column, in order. An OCR'd page (tesseract's plain text) keeps the heads' order and the runs of
 * blanks between them, but not their offsets: `年度   第1号被保険者数(人)   要介護(要支援)認定者数(人)  認定率(%)` over
 * `H30    42,815    7,652    17.9`, wide heads set over narrow numbers, runs into the next column by its offsets.
 */
export function headsByOrder(t: Table, region: Row[]): Table {
  if (t.headerRows === 0 || t.cells.some((c) => c.row < t.headerRows && c.rowSpan > 1)) return t;
  const first = region.findIndex(holdsValues);
  const heads = region.slice(0, Math.max(0, first)).slice(-t.headerRows);
  if (heads.length !== t.headerRows) return t;
  const stubRight = Math.max(
    ...t.cells.filter((c) => c.row >= t.headerRows && c.col === 0 && c.text && c.bbox).map((c) => c.bbox!.x1),
  );
  let cells = t.cells;
  heads.forEach((h, r) => {
    const segs = h.segments;
    const shift = segs.length === t.nCols ? 0 : segs.length === t.nCols - 1 && segs[0]!.bbox.x0 > stubRight ? 1 : -1;
    if (shift < 0) return;
    const own = cells.filter((c) => c.row === r);
    const template = own[0];
    if (!template) return;
    const placed = Array.from({ length: t.nCols }, (_, col) => {
      const g = col - shift >= 0 ? segs[col - shift] : undefined;
      return {
        ...template,
        row: r,
        col,
        rowSpan: 1,
        colSpan: 1,
        text: g?.text ?? '',
        orig: g?.orig ?? '',
        bbox: g?.bbox,
      };
    });
    const same = placed.every((p) => own.some((c) => c.col === p.col && c.colSpan === 1 && c.text === p.text));
    if (!same) cells = [...cells.filter((c) => c.row !== r), ...placed];
  });
  return cells === t.cells ? t : { ...t, cells: sortCells(cells) };
}

/**
 * The stream reader's settings for a text: a number's edge lines up with the column above within one character cell
 * (0.6 sizes, a PDF's 0.3 doubled): offsets are whole cells, and `pdftotext -layout` rounds each glyph of a
 * proportional font into one, so the right edges of a column's numbers wander by a cell (`1,332` over `74`). No
 * banners: a one-cell line of a text is as often several heads one space apart.
 */
const TEXT_STREAM = { ...DEFAULT_PDF_SETTINGS.stream, alignTol: 0.6, banners: false };

function candidates(lines: SourceLine[], near: boolean[], m: Measure): Candidate[] {
  const s = TEXT_STREAM;
  const { rows, index } = standInRows(lines, near, m);
  // only lines cut into cells by wide gaps make a region; single-spaced lines stay for the other readers
  const out: Candidate[] = [];
  for (const whole of rowRegions(rows, s)) {
    const trimmed = trimRegion(whole, MAX_HEAD_LINES);
    if (trimmed.length < 2) continue;
    // (labels centred on the rows they head moved onto their first rows; the region's first and last lines kept)
    const region = centreStubLabels(trimmed, PITCH);
    const found = regionToTable(region, s);
    if (!found || looksLikeTextColumns(found)) continue;
    const t = headsByOrder(found.table, region);
    const numericRows = new Set(
      t.cells.filter((c) => c.row >= t.headerRows && c.col > 0 && isNumericData(c.text)).map((c) => c.row),
    ).size;
    const headTexts = t.cells.filter((c) => c.row < t.headerRows).map((c) => c.text);
    const named = headTexts.some((x) => x.split(' ').some((w) => isPeriodToken(w) || isKindToken(w)));
    // (one column of bare numbers under no period or kind is a list: a table of contents, page numbers)
    const valueCols = new Set(
      t.cells.filter((c) => c.row >= t.headerRows && c.col > 0 && isNumericData(c.text)).map((c) => c.col),
    ).size;
    if (!(numericRows >= 3 || (numericRows >= 2 && named)) || (valueCols < 2 && !named)) continue;
    out.push({
      table: t,
      start: index.get(trimmed[0]!.line)!,
      end: index.get(trimmed[trimmed.length - 1]!.line)! + 1,
      ...conflicts(t),
    });
  }
  return out;
}

/**
 * Heads of an upper header row over the value columns, m of them over k columns with k divisible by m, each lying
 * over its own share of the columns (`令和6年度` centred or set right over `計画値 実績値`): each spans its share. Text
 * has no box to say how far a head reaches, and the stream reader gives a head only the columns it overlaps.
 */
export function spanUpperHeads(t: Table): Table {
  const body = t.cells.filter((c) => c.row >= t.headerRows && c.text && c.bbox);
  const numeric = body.filter((c) => isNumericData(c.text));
  if (t.headerRows < 2 || numeric.length === 0) return t;
  const first = Math.min(...numeric.map((c) => c.col));
  const k = t.nCols - first;
  const extent = (c: number) => {
    const xs = body.filter((x) => x.col === c);
    return xs.length
      ? { x0: Math.min(...xs.map((x) => x.bbox!.x0)), x1: Math.max(...xs.map((x) => x.bbox!.x1)) }
      : null;
  };
  let cells = t.cells;
  let changed = false;
  for (let r = 0; r < t.headerRows - 1; r++) {
    const heads = cells.filter((c) => c.row === r && c.col >= first && c.text).sort((a, b) => a.col - b.col);
    const m = heads.length;
    if (m === 0 || k % m !== 0 || k / m < 2 || heads.every((h) => h.colSpan === k / m)) continue;
    const share = k / m;
    const fits = heads.every((h, i) => {
      const a = extent(first + i * share);
      const b = extent(first + (i + 1) * share - 1);
      const mid = h.bbox ? (h.bbox.x0 + h.bbox.x1) / 2 : Number.NaN;
      return a && b && mid >= a.x0 - COLUMN * 2 && mid <= b.x1 + COLUMN * 2;
    });
    if (!fits) continue;
    const placed = heads.map((h, i) => ({ ...h, col: first + i * share, colSpan: share }));
    cells = [...cells.filter((c) => !(c.row === r && c.col >= first)), ...placed];
    changed = true;
  }
  return changed ? { ...t, cells: sortCells(cells) } : t;
}

/** A stand-in table made a text export's: no boxes, method `aligned`, the reader recorded. */
function asAligned(t: Table, line: number): Table {
  const cells = t.cells.map(({ bbox: _, ...c }) => c);
  const { bbox: _b, ...rest } = t;
  const table = withRepair({ ...rest, cells, method: 'aligned', line }, 'readAlignedColumns', {});
  return applyRepairs(table, [
    mergeComplementaryColumns,
    spreadKindRow,
    liftCenteredLabels,
    ...SHAPE_REPAIRS,
    periodBlocks,
  ]);
}

/** The space-aligned tables among a run of lines (blank lines and form feeds included). */
export function findAlignedTables(lines: SourceLine[]): LinearFind[] {
  const near = nearWideGaps(lines);
  if (!near.some(Boolean)) return [];
  const byChars = candidates(lines, near, 'chars');
  const byWidth = candidates(lines, near, 'width');
  const out: LinearFind[] = [];
  for (const c of byChars) {
    const w = byWidth.find((x) => x.start === c.start && x.end === c.end);
    // (the measure giving more values alone in their columns: a measure whose columns break off early reads fewer)
    const good = (x: Candidate) => x.values - x.bad;
    const best = w && (good(w) > good(c) || (good(w) === good(c) && w.ragged < c.ragged)) ? w : c;
    const clean = best.values ? Math.max(0, 1 - best.bad / best.values) : 0;
    const head = best.table.headerRows > 0 ? HEAD_FACTOR.exact : HEAD_FACTOR.none;
    // columns that ran into each other (a proportional font set in characters): values placed by their order in
    // the row instead, when readSpacedRows is surer of the lines than the offsets are
    if (clean < MIN_CLEAN) {
      const own = lines.slice(best.start, best.end).filter((l) => l.text.trim());
      const byOrder = findSpacedTables(own).filter((f) => f.confidence > clean * head);
      if (byOrder.length > 0) {
        for (const f of byOrder) {
          const at = (i: number) => lines.indexOf(own[i]!, best.start);
          out.push({ ...f, start: at(f.start), end: at(f.end - 1) + 1 });
        }
        continue;
      }
    }
    // (tables side by side or one under another, read as one: each a table of its own, the first taking the lines,
    // the others right after it taking none)
    const parts = splitRepeatedHeads(asAligned(spanUpperHeads(best.table), lines[best.start]!.line));
    parts.forEach((table, i) => {
      out.push({
        start: i === 0 ? best.start : best.end,
        end: best.end,
        table,
        issues: [],
        confidence: round3(clean * head),
      });
    });
  }
  return out;
}
