/**
 * Stream tables (no rulings): text-aligned grids, read as `pdftotext -layout` lays them out.
 *
 * - Rows are text lines; cells the runs of a line between wide gaps (tokens). A sign set apart from its number
 *   (Excel's `▲ #,##0`: the `▲` at the cell's left, the number at its right) is one token with it.
 * - A run of lines is a region; a region holds several tables when the alignment of its numbers changes: a table
 *   ends where its numbers stop lining up with the columns above (right edges, centres or left edges).
 * - Columns come from the numbers first: the x-extents of the body rows' numeric tokens (right-aligned numbers of
 *   one column overlap each other, different columns do not). Glyphs set apart inside one cell (Excel's distributed
 *   alignment, `営 業 収 益`, `年 度`) are joined when no numeric column lies between them; the text columns are
 *   the extents of the joined text tokens.
 * - Header rows are the rows above the first row holding a number in a cell other than its first; a row of bare
 *   years (`26 27 28 29 30`, `元`, a reset at an era change) right under them is a header row too. Header text
 *   centred over empty cells of the row spans them (`決 算 額` over five year columns); header text wrapped inside
 *   its cells is joined.
 * - Fiscal years as rows: a first numeric column of bare years (`61 62 63 元 2 3`) takes the era written to its
 *   left (`昭和`, `平成`) into its cells (`昭和61`, `平成元`).
 * - A label wrapped onto lines of its own (above and below a row whose values are centred on it, or under its row)
 *   joins its row's stub cell. Such lines keep the table whole: between two rows there may be two of them (the
 *   second line of one label, the first of the next), and the last row's label may end on a line under it.
 * - A label centred over the rows it spans (`訪問入浴介護` halfway down its three years, empty cells above and below)
 *   spans them (pdf/rowspans.ts), in the label columns left of the first value.
 * - A caption line over the region with a unit (`水道事業 収益的収支の推移 （単位：千円）`) is not a row: it stays
 *   text, and the caption and unit go onto the table (pdf/captions.ts).
 */
import { type BBox, charClass, NOTE_MARKS, type TableCell, type TextSpan } from '@shiryo/model';
import { emptyTable } from '../draft.js';
import { cleanText, isCjk, isMissingMarker, isNumericData, isYearLike, NUMBERED_LINE } from '../text.js';
import { centerX, centerY, overlap, roundBox, union } from './geometry.js';
import type { FoundTable } from './lattice.js';
import { joinLineTexts, joinSpans, type Line, lineSegments, type Segment, spanSize } from './lines.js';
import { centredRowSpans } from './rowspans.js';
import type { StreamSettings } from './settings.js';
import { isUnitText } from './units.js';

/** A line and its cells (segments). */
export interface Row {
  line: Line;
  segments: Segment[];
}

/** A cell's worth of text on one line: a segment, or several joined (a spaced-out label, a sign and its number). */
interface Tok {
  text: string;
  orig: string;
  bbox: BBox;
  /** The box columns are measured on: the number's own box for a sign set apart from it. */
  anchor: BBox;
  spans: TextSpan[];
  numeric: boolean;
}

interface TRow {
  line: Line;
  toks: Tok[];
}

interface Interval {
  x0: number;
  x1: number;
}

/** A note's first characters: a note mark (`※`), or `注` before a number or a colon. */
const NOTE_START = new RegExp(`^(?:${charClass(NOTE_MARKS)}|注\\s*[0-9０-９:：])`, 'u');

/** Runs of lines that look like table rows: several cells each, close together, at least `minRows` of them. */
export function streamRegions(lines: Line[], s: StreamSettings): Row[][] {
  return rowRegions(
    lines.filter((l) => l.dir === 'h').map((line) => ({ line, segments: lineSegments(line, s.cellGap) })),
    s,
  );
}

/** `streamRegions` over lines already cut into cells (the text reader of space-aligned columns cuts its own). */
export function rowRegions(rows: Row[], s: StreamSettings): Row[][] {
  const regions: Row[][] = [];
  let cur: Row[] = [];
  const close = (a: Row, b: Row) => b.line.bbox.y0 - a.line.bbox.y1 <= s.maxRowGap * Math.max(a.line.size, b.line.size);
  // A numbered heading (`３　地域支援事業の主な指標`) or a sentence (`…は次のとおりです。`) right above a table is not
  // one of its rows.
  const prose = (r: Row) =>
    r.segments.length < 2 ||
    r.segments.some((g) => /。\s*$/u.test(g.text)) ||
    (r.segments.length === 2 &&
      /^(?:[0-9０-９]{1,2}[.．]?|[(（]?[0-9０-９]{1,2}[)）]|第[0-9０-９]{1,2}章?)$/u.test(r.segments[0]!.text.trim()));
  const noteLike = (r: Row) => r.segments.some((g) => /。\s*$/u.test(g.text) || NOTE_START.test(g.text));
  // The last line of a label wrapped under the table's last row: set tight under it, inside its first cell.
  const tail = new Set<Row>();
  const wrapsLast = (prev: Row, r: Row) =>
    prev.segments.length >= 2 &&
    !noteLike(r) &&
    r.line.bbox.y0 - prev.line.bbox.y1 <= s.wrapGap * r.line.size &&
    r.segments[0]!.bbox.x1 < prev.segments[1]!.bbox.x0;
  // A banner over the value columns (`第6期計画` centred over three years): a one-cell line right above the first row
  // of a header that starts at the table's left edge (no further right than the row under it), clear of that row's
  // first cell (a title or a caption starts at the table's left edge too), not reaching past
  // the right edge of that row or the row under it, centred over a run of the cells of one of them (a running header
  // set at the page's right margin is not), and no sentence, note, unit line or numbered heading.
  const banners = new Set<Row>();
  const banner = (r: Row | undefined, next: Row, under: Row, after: Row | undefined) => {
    if (!r) return false;
    if (r.segments.length !== 1 || !close(r, next) || noteLike(r) || /。\s*$/u.test(r.segments[0]!.text)) return false;
    const g = r.segments[0]!;
    const rest = under.segments.slice(1);
    return (
      rest.length >= 1 &&
      !rest.some((x) => isNumericData(x.text)) &&
      !isNumericData(g.text) &&
      !isUnitText(g.text) &&
      !NUMBERED_LINE.test(g.text.trim()) &&
      g.bbox.x0 > under.segments[0]!.bbox.x1 &&
      (!after || !close(under, after) || under.segments[0]!.bbox.x0 <= after.segments[0]!.bbox.x0 + r.line.size) &&
      g.bbox.x0 >= rest[0]!.bbox.x0 - r.line.size &&
      g.bbox.x1 <= Math.max(under.line.bbox.x1, after && close(under, after) ? after.line.bbox.x1 : 0) + r.line.size &&
      centredOver(g.bbox, [under, ...(after && close(under, after) ? [after] : [])], r.line.size)
    );
  };
  const flush = () => {
    while (cur.length && prose(cur[0]!) && !banners.has(cur[0]!)) cur.shift();
    while (cur.length && cur[cur.length - 1]!.segments.length < 2 && !tail.has(cur[cur.length - 1]!)) cur.pop();
    if (cur.filter((r) => r.segments.length >= 2).length >= s.minRows) regions.push(cur);
    cur = [];
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const prev = cur[cur.length - 1];
    const multi = row.segments.length >= 2;
    if (prev && !close(prev, row)) flush();
    if (multi && cur.length === 0 && s.banners) {
      // (up to two banners, one over the other)
      const above: Row[] = [];
      while (above.length < 2 && banner(rows[i - 1 - above.length], above[0] ?? row, row, rows[i + 1]))
        above.unshift(rows[i - 1 - above.length]!);
      for (const b of above) banners.add(b);
      cur.push(...above);
    }
    if (multi) cur.push(row);
    else if (cur.length) {
      // A one-cell line inside a table (a wrapped label, a row with one value) when a table row follows closely,
      // right after it or after one more such line (a label wrapped above and below the row its values are centred
      // on: its second line, then the first line of the next row's label). A sentence or a note is no such line.
      // (After two such lines, the row must hold a number: a heading and a caption lead to the next table's header.)
      let j = i + 1;
      while (
        j < rows.length &&
        j - i < 2 &&
        rows[j]!.segments.length < 2 &&
        !noteLike(rows[j]!) &&
        close(rows[j - 1]!, rows[j]!)
      )
        j++;
      const next = rows[j];
      // (a numbered heading over a header row of words starts the next table: `3 地域支援事業の主な実績` between the
      // last row of one table and the column heads of the next, one blank line from each)
      const headsNext =
        NUMBERED_LINE.test(row.line.text.trim()) && !next?.segments.slice(1).some((g) => isNumericData(g.text));
      const bridges =
        next &&
        !headsNext &&
        next.segments.length >= 2 &&
        close(rows[j - 1]!, next) &&
        (j === i + 1 || next.segments.slice(1).some((g) => isValue(g.text)));
      if (!noteLike(row) && bridges) cur.push(row);
      else {
        if (prev && wrapsLast(prev, row)) {
          cur.push(row);
          tail.add(row);
        }
        flush();
      }
    }
  }
  flush();
  return regions;
}

/** A box centred (within `tol`) over a run of cells after the first of one of the rows: their extent's or centres' middle. */
function centredOver(b: BBox, rows: Row[], tol: number): boolean {
  const cx = centerX(b);
  return rows.some((r) => {
    const g = r.segments.slice(1);
    for (let a = 0; a < g.length; a++)
      for (let z = a; z < g.length; z++) {
        const outer = (g[a]!.bbox.x0 + g[z]!.bbox.x1) / 2;
        const inner = (centerX(g[a]!.bbox) + centerX(g[z]!.bbox)) / 2;
        if (Math.abs(cx - outer) <= tol || Math.abs(cx - inner) <= tol) return true;
      }
    return false;
  });
}

/** Union of overlapping intervals, sorted. */
function unionIntervals(ivs: Interval[]): Interval[] {
  const sorted = [...ivs].sort((a, b) => a.x0 - b.x0);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.x0 <= last.x1) last.x1 = Math.max(last.x1, iv.x1);
    else out.push({ x0: iv.x0, x1: iv.x1 });
  }
  return out;
}

/** x-intervals of the columns: the union of the cells' extents in rows with two or more cells. */
export function columnIntervals(rows: Row[]): Interval[] {
  return unionIntervals(
    rows
      .filter((r) => r.segments.length >= 2)
      .flatMap((r) => r.segments.map((g) => ({ x0: g.bbox.x0, x1: g.bbox.x1 }))),
  );
}

/**
 * Widen the body columns by the header cells that sit over exactly one of them (the lowest header row first), so
 * a header centred over two columns (`第7期計画` over `令和6年度 | 令和7年度`) is seen to span both.
 */
export function widenByHeaders(cols: Interval[], headers: { segments: { bbox: BBox }[] }[]): Interval[] {
  const out = cols.map((c) => ({ ...c }));
  for (const row of [...headers].reverse()) {
    for (const g of row.segments) {
      const hit = out.filter((c) => overlap(g.bbox.x0, g.bbox.x1, c.x0, c.x1) > 0);
      if (hit.length !== 1) continue;
      const i = out.indexOf(hit[0]!);
      const prev = out[i - 1];
      const next = out[i + 1];
      const x0 = Math.min(hit[0]!.x0, g.bbox.x0);
      const x1 = Math.max(hit[0]!.x1, g.bbox.x1);
      if ((prev && x0 <= prev.x1) || (next && x1 >= next.x0)) continue;
      hit[0]!.x0 = x0;
      hit[0]!.x1 = x1;
    }
  }
  return out;
}

/**
 * Columns no body row fills: when the lowest header row has more heads than the body has columns, a head over no
 * column, whose nearest column is another head's (that head over it), stands over a column of its own that this
 * part of the table leaves empty (`実績見込` next to `実績値` where only the last year, on the next page, has an
 * estimate). Without it the two heads ran together over one column (`実績値実績見込`) and every column after it lost
 * its head. Found on the tuned corpus (borderless PDFs cut by a page break).
 */
function headsOverEmptyColumns(cols: Interval[], heads: Tok[]): Interval[] {
  // (only when the row has more heads than the body columns: heads set off their columns, as OCR'd text aligned with
  // spaces shifts them, each still have one)
  if (heads.length <= cols.length) return cols;
  const hits = (t: Tok) => cols.some((c) => overlap(t.bbox.x0, t.bbox.x1, c.x0, c.x1) > 0);
  const added: Interval[] = [];
  for (const t of heads) {
    // (a head left of every column is a label column's that this page leaves empty, the group's label standing on
    // the page before: the continuation's own business, pages.ts recolumnContinuation)
    if (hits(t) || t.bbox.x1 <= cols[0]!.x0) continue;
    const [k] = columnsOf(t.bbox, cols);
    const c = cols[k]!;
    const owner = heads.some((o) => o !== t && overlap(o.bbox.x0, o.bbox.x1, c.x0, c.x1) > 0);
    if (owner) added.push({ x0: t.bbox.x0, x1: t.bbox.x1 });
  }
  return added.length ? unionIntervals([...cols, ...added]) : cols;
}

/** Columns a box covers: those it overlaps, else the nearest one. */
function columnsOf(b: BBox, cols: Interval[]): [number, number] {
  const hit = cols.map((c, i) => (overlap(b.x0, b.x1, c.x0, c.x1) > 0 ? i : -1)).filter((i) => i >= 0);
  if (hit.length) return [hit[0]!, hit[hit.length - 1]!];
  const cx = centerX(b);
  let best = 0;
  cols.forEach((c, i) => {
    const d = Math.min(Math.abs(cx - c.x0), Math.abs(cx - c.x1));
    const bd = Math.min(Math.abs(cx - cols[best]!.x0), Math.abs(cx - cols[best]!.x1));
    if (d < bd) best = i;
  });
  return [best, best];
}

/** The number of a budget or document division (`1款`, `2項`, `3目`, `第2表`): a label, not a value. */
const DIVISION = /^第?\s*\d{1,3}\s*(?:款|項|目|節|条|章|編|表)$/u;

/** A value in a cell: a number, or a rate or qualifier before one (`年 48回`, `延べ 360人`). */
const isValue = (t: string) =>
  !DIVISION.test(t.trim()) && isNumericData(t.replace(/^(?:年間|月間|年|月|週|延べ|延|約)\s*(?=\d)/u, ''));

const valued = (texts: string[]) => texts.slice(1).some(isValue);

/** Leading rows above the first row with a number in a cell other than its first: the header rows. */
export function headerRowCount(rows: Row[], max: number): number {
  const first = rows.findIndex((r) => valued(r.segments.map((g) => g.text)));
  return first > 0 && first <= max ? first : 0;
}

/** A bare year as a header writes it: `26`, `元`, `2019`. */
const BARE_YEAR = /^(?:\d{1,2}|元|(?:19|20)\d{2})$/;
const yearValue = (t: string) => (t === '元' ? 1 : Number(t));

/**
 * Bare years in order, one a year after the other, or back to 1 (`元`) at an era change: `26 27 28 29 30`,
 * `63 元 2`. At least two.
 */
export function isYearSequence(texts: string[]): boolean {
  if (texts.length < 2 || !texts.every((t) => BARE_YEAR.test(t))) return false;
  return texts.every((t, i) => {
    if (i === 0) return true;
    const prev = yearValue(texts[i - 1]!);
    const v = yearValue(t);
    return v === prev + 1 || (v === 1 && prev > 1);
  });
}

/** Words a stub cell of a year header row holds, if any: `年度`, `年`, `区分`, `項目`. */
const YEAR_STUB = /^(?:年度?|年次|区分|項目|科目|種別|名称|年度区分|区分年度|年度別)$/u;

const SIGN = /^[▲△]$/u;
/** A number and nothing else (a sign, thousands separators, decimals, a percent sign). */
const PURE_NUMBER = /^[▲△+\-−]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/u;

function segmentTok(g: Segment): Tok {
  return { text: g.text, orig: g.orig, bbox: g.bbox, anchor: g.bbox, spans: g.spans, numeric: isValue(g.text) };
}

/** Segments → tokens: a sign standing apart before a number is one token with it (`▲` … `57,509` → `▲57,509`). */
function rowTokens(row: Row): TRow {
  const toks: Tok[] = [];
  for (const g of row.segments) {
    const prev = toks[toks.length - 1];
    const t = segmentTok(g);
    if (prev && SIGN.test(prev.text) && t.numeric && !/^[▲△+\-−]/u.test(t.text)) {
      toks[toks.length - 1] = {
        text: `${prev.text}${t.text}`,
        orig: `${prev.orig} ${t.orig}`,
        bbox: union([prev.bbox, t.bbox]),
        anchor: t.bbox,
        spans: [...prev.spans, ...t.spans],
        numeric: true,
      };
    } else toks.push(t);
  }
  return { line: row.line, toks };
}

/** Join tokens left to right as one cell of one line. */
function joinToks(toks: Tok[]): Tok {
  if (toks.length === 1) return toks[0]!;
  const spans = toks.flatMap((t) => t.spans);
  // Glyphs set apart inside one cell read without the gaps between them (`営 業 収 益` → `営業収益`).
  const text = toks.every((t) => [...t.text].every((ch) => isCjk(ch) || /[()（）・]/u.test(ch)))
    ? toks.map((t) => t.text).join('')
    : joinSpans(spans).text;
  return {
    text,
    orig: toks.map((t) => t.orig).join(' '),
    bbox: union(toks.map((t) => t.bbox)),
    anchor: union(toks.map((t) => t.anchor)),
    spans,
    numeric: isValue(text),
  };
}

/** Does a numeric column lie in the gap between two boxes (its middle inside the gap)? */
const columnBetween = (a: BBox, b: BBox, numericCols: Interval[]) =>
  numericCols.some((c) => {
    const mid = (c.x0 + c.x1) / 2;
    return mid > a.x1 && mid < b.x0;
  });

/**
 * Glyphs set apart inside one cell (distributed alignment, letter-spaced headers): consecutive one-character
 * text tokens at most 3 font sizes apart with no numeric column between them are one token.
 */
function joinSpacedGlyphs(row: TRow, numericCols: Interval[]): TRow {
  const out: Tok[] = [];
  let run: Tok[] = [];
  const single = (t: Tok) => !t.numeric && [...t.text].length === 1 && isCjk(t.text);
  const flush = () => {
    if (run.length) out.push(joinToks(run));
    run = [];
  };
  for (const t of row.toks) {
    const last = run[run.length - 1];
    if (
      last &&
      single(t) &&
      t.bbox.x0 - last.bbox.x1 <= 3 * Math.max(spanSize(t.spans[0]!), spanSize(last.spans[0]!)) &&
      !columnBetween(last.bbox, t.bbox, numericCols)
    ) {
      run.push(t);
      continue;
    }
    flush();
    if (single(t)) run.push(t);
    else out.push(t);
  }
  flush();
  return { line: row.line, toks: out };
}

/**
 * The columns the numbers seen so far make (their extents' union), each with the edge its numbers share: right
 * edges for right-aligned numbers, centres, or left edges, whichever varies least.
 */
function alignedColumns(anchors: BBox[]): { iv: Interval; edge: 'x0' | 'x1' | 'cx'; at: number }[] {
  return unionIntervals(anchors.map((b) => ({ x0: b.x0, x1: b.x1 }))).map((iv) => {
    const members = anchors.filter(
      (b) => overlap(b.x0, b.x1, iv.x0, iv.x1) > 0 || (b.x0 === b.x1 && b.x0 >= iv.x0 && b.x0 <= iv.x1),
    );
    const spread = (f: (b: BBox) => number) => {
      const v = members.map(f);
      return Math.max(...v) - Math.min(...v);
    };
    const median = (f: (b: BBox) => number) => {
      const v = members.map(f).sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)]!;
    };
    const options = [
      { edge: 'x1' as const, f: (b: BBox) => b.x1 },
      { edge: 'cx' as const, f: (b: BBox) => (b.x0 + b.x1) / 2 },
      { edge: 'x0' as const, f: (b: BBox) => b.x0 },
    ];
    const best = options.reduce((a, b) => (spread(b.f) < spread(a.f) - 0.01 ? b : a));
    return { iv, edge: best.edge, at: median(best.f) };
  });
}

/**
 * Split a region where the alignment of its numbers ends: a row with two or more numbers, fewer than half of which
 * line up with a column of the numbers above (inside its extent, on the edge its numbers share, within `alignTol` font
 * sizes), once two rows with numbers have been seen, starts a new table, with the rows without numbers right above
 * it (its header). A number set on the edge of a missing-value mark above it (`－` over `9`, right or centre) lines up:
 * its column held marks only until then.
 */
function splitByAlignment(rows: TRow[], s: StreamSettings): TRow[][] {
  const groups: TRow[][] = [];
  let cur: TRow[] = [];
  let anchors: BBox[] = [];
  let marks: BBox[] = [];
  let bodies = 0;
  // Only bare numbers line up reliably (a cell with a unit or a qualifier, `延べ 360人`, is often set as text).
  const bare = (r: TRow) => r.toks.filter((t) => PURE_NUMBER.test(t.text));
  for (const row of rows) {
    const nums = bare(row);
    if (nums.length >= 2 && bodies >= 2) {
      const tol = s.alignTol * row.line.size;
      const cols = alignedColumns(anchors);
      // (a number under a missing-value mark set on the same edge, `－` over `9`, lines up with it too: a column of
      // marks until then)
      const edgeOf = (b: BBox, e: 'x0' | 'x1' | 'cx') => (e === 'cx' ? (b.x0 + b.x1) / 2 : b[e]);
      const fits = nums.filter((t) => {
        const b = t.anchor;
        return (
          cols.some((c) => overlap(b.x0, b.x1, c.iv.x0, c.iv.x1) > 0 && Math.abs(edgeOf(b, c.edge) - c.at) <= tol) ||
          marks.some((m) => (['x1', 'cx'] as const).some((e) => Math.abs(edgeOf(b, e) - edgeOf(m, e)) <= tol))
        );
      }).length;
      // The rows since the last one with numbers are the header of the next table. Without one, numbers starting in
      // columns that were empty above (a plan's first years with results only: values in one column of each group,
      // then in all of them) go on the table, under its header.
      let k = cur.length;
      while (k > 0 && !cur[k - 1]!.toks.some((t) => t.numeric)) k--;
      if (fits * 2 < nums.length && (k < cur.length || fits === 0)) {
        groups.push(cur.slice(0, k));
        cur = cur.slice(k);
        anchors = [];
        marks = [];
        bodies = 0;
      }
    }
    cur.push(row);
    marks.push(...row.toks.filter((t) => isMissingMarker(t.text)).map((t) => t.anchor));
    if (nums.length >= 1) {
      anchors.push(...nums.map((t) => t.anchor));
      if (nums.length >= 2) bodies++;
    }
  }
  groups.push(cur);
  // A table is two rows of numbers at least: a shorter piece stays with the table above it.
  const out: TRow[][] = [];
  for (const g of groups) {
    const prev = out[out.length - 1];
    if (prev && g.filter((r) => bare(r).length >= 2).length < 2) prev.push(...g);
    else if (g.length) out.push(g);
  }
  return out;
}

/**
 * A caption line of the table: a title and a unit after it (`水道事業 収益的収支の推移 … （単位：千円）`), or the unit
 * alone; no number. (A unit first, `(人/月) | 令和6年度 | …`, is a header row's corner cell.)
 */
function isCaptionRow(row: TRow): boolean {
  if (row.toks.length > 2 || row.toks.some((t) => t.numeric)) return false;
  return isUnitText(row.toks[row.toks.length - 1]!.text);
}

interface Draft {
  col: number;
  colSpan: number;
  texts: string[];
  origs: string[];
  boxes: BBox[];
}

/**
 * Header text the writer wrapped inside its cells (`2019（令和元）年度 基` / `準値`, no gap between the lines) is one
 * header row, not two: a header line set right under the one above (gap ≤ 0.3 × size) whose cells sit under cells
 * of that line in the same columns (or under nothing) continues those cells. Returns the header row count left.
 */
function joinWrappedHeaderLines(drafts: { line: Line; cells: Draft[] }[], header: number, s: StreamSettings): number {
  let count = header;
  for (let i = 1; i < count; i++) {
    const above = drafts[i - 1]!;
    const row = drafts[i]!;
    const tight = row.line.bbox.y0 - above.line.bbox.y1 <= s.wrapGap * 0.6 * row.line.size;
    const overlaps = (a: Draft, c: Draft) => a.col <= c.col + c.colSpan - 1 && c.col <= a.col + a.colSpan - 1;
    // Each cell continues the cell above it in the same columns, or has nothing above it (a label centred on the
    // two lines, `区分`, sits on the lower one).
    const under = row.cells.map((c) => above.cells.find((a) => overlaps(a, c)));
    const fits = row.cells.every((c, k) => {
      const a = under[k];
      return a ? a.col === c.col && a.colSpan === c.colSpan : true;
    });
    // (Lines that overlap are one band of header text: a label centred between two wrapped lines joins too.)
    const overlapping = row.line.bbox.y0 < above.line.bbox.y1;
    if (!tight || !fits || (under.every((a) => !a) && !overlapping)) continue;
    row.cells.forEach((c, k) => {
      const a = under[k];
      if (!a) {
        above.cells.push(c);
        return;
      }
      a.texts.push(...c.texts);
      a.origs.push(...c.origs);
      a.boxes.push(...c.boxes);
    });
    above.cells.sort((a, b) => a.col - b.col);
    above.line = { ...above.line, bbox: union([above.line.bbox, row.line.bbox]) };
    drafts.splice(i, 1);
    count--;
    i--;
  }
  return count;
}

/**
 * Do the parts under a run of columns a…b of header row `r` repeat? The first header row below with two texts or
 * more over the run names its parts: a group's parts are distinct (`見込 | 実績値 | 乖離` under one year;
 * `令和6年度 | 令和7年度` under one plan term), so a run whose parts say the same thing twice (`実績値 乖離 見込 実績値
 * 乖離`) spans two groups: the head is no head of all of it.
 */
function repeatsBelow(drafts: { cells: Draft[] }[], r: number, header: number, a: number, b: number): boolean {
  for (let rr = r + 1; rr < header; rr++) {
    const parts = drafts[rr]!.cells.filter((c) => c.col + c.colSpan - 1 >= a && c.col <= b && c.texts.join('').trim());
    if (parts.length < 2) continue;
    const keys = parts.map((c) => cleanText(c.texts.join('')).replace(/\s+/g, ''));
    return new Set(keys).size < keys.length;
  }
  return false;
}

/**
 * A header cell centred over a run of cells its row leaves empty spans them (`決算額` over the five year columns
 * under it), unless the heads under the run repeat (`repeatsBelow`: a head set over the first column of its group,
 * `平成31年度` over `見込 | 実績値 | 乖離`, can fall in the middle of the empty cells between its neighbours). Only
 * rows above the last header row: the last one names single columns.
 */
function spanCentredHeaders(drafts: { cells: Draft[] }[], header: number, cols: Interval[], size: number): void {
  const left = (k: number) => (k === 0 ? cols[0]!.x0 : (cols[k - 1]!.x1 + cols[k]!.x0) / 2);
  const right = (k: number) => (k === cols.length - 1 ? cols[k]!.x1 : (cols[k]!.x1 + cols[k + 1]!.x0) / 2);
  for (let r = 0; r < header - 1; r++) {
    const cells = drafts[r]!.cells;
    if (spanGroupsFromTheirFirstColumn(cells, cols.length)) continue;
    const taken = (k: number, self: Draft) => cells.some((c) => c !== self && k >= c.col && k < c.col + c.colSpan);
    for (const c of cells) {
      if (c.colSpan !== 1 || c.col === 0) continue;
      let a = c.col;
      let b = c.col;
      while (a > 1 && !taken(a - 1, c)) a--;
      while (b < cols.length - 1 && !taken(b + 1, c)) b++;
      if (a === b) continue;
      const box = union(c.boxes);
      const runMid = (left(a) + right(b)) / 2;
      const tol = Math.max(0.6 * size, 0.06 * (right(b) - left(a)));
      if (Math.abs(centerX(box) - runMid) > tol || repeatsBelow(drafts, r, header, a, b)) continue;
      c.col = a;
      c.colSpan = b - a + 1;
    }
  }
}

/**
 * Heads of a header row above the last that tile the value columns (the first column holding a value to the last),
 * each centred over its run (`2019（令和元）年度 | 2020（令和2）年度 | 2021（令和3）年度` over `実績値 | 実績値 | 計画値 実績値
 * 差 達成率`; `計画値 | 実績値 | 差` over years): a head wider than its columns overlaps its neighbours' columns, so the
 * columns its box overlaps say little; the runs whose middles lie under the heads' centres are what the writer
 * centred. The runs keep each cell of the header rows under them whole, and replace the overlaps only when every
 * head sits within `tol` of its run's middle and the overlaps fit worse. Heads set over the first column of runs of
 * one length (`生活介護事業 | 自立訓練（機能訓練）`, each over the first of its three years) take those runs: centred
 * on a column, such a head would read as heading that column alone. Found on the tuned corpus (borderless PDFs).
 */
function tileCentredHeads(drafts: { cells: Draft[] }[], header: number, cols: Interval[], size: number): void {
  const left = (k: number) => (k === 0 ? cols[0]!.x0 : (cols[k - 1]!.x1 + cols[k]!.x0) / 2);
  const right = (k: number) => (k === cols.length - 1 ? cols[k]!.x1 : (cols[k]!.x1 + cols[k + 1]!.x0) / 2);
  const tol = 0.6 * size;
  // the runs tile the value columns, from the first column holding a value to the last
  const valueCols = drafts
    .slice(header)
    .flatMap((d) => d.cells.filter((c) => c.col > 0 && isValue(cleanText(c.texts.join('')))).map((c) => c.col));
  if (valueCols.length === 0) return;
  const a0 = Math.min(...valueCols);
  const n = Math.max(...valueCols) - a0 + 1;
  for (let r = 0; r < header - 1; r++) {
    const heads = drafts[r]!.cells.filter((c) => c.col > 0).sort((a, b) => a.col - b.col);
    const m = heads.length;
    if (m < 2 || n <= m || heads[0]!.col < a0) continue;
    // a run may not end inside a cell of a header row under it
    const below = drafts.slice(r + 1, header).flatMap((d) => d.cells);
    const cuts = (k: number) => below.some((c) => c.col <= k && k < c.col + c.colSpan - 1);
    // heads set over the first column of their groups, runs of one length (`生活介護事業` over the first of its years):
    // those runs, not centres
    // (its left edge at the column's, or its centre over the column's centre)
    const starts = heads.map((h) => {
      const box = union(h.boxes);
      for (let k = a0; k < a0 + n; k++)
        if (Math.abs(box.x0 - cols[k]!.x0) <= tol || Math.abs(centerX(box) - (cols[k]!.x0 + cols[k]!.x1) / 2) <= tol)
          return k;
      return -1;
    });
    const ends = starts.map((_k, i) => (starts[i + 1] ?? a0 + n) - 1);
    const width = ends[0]! - starts[0]! + 1;
    if (starts[0] === a0 && width >= 2 && starts.every((k, i) => k >= 0 && ends[i]! - k + 1 === width)) {
      heads.forEach((h, i) => {
        h.col = starts[i]!;
        h.colSpan = width;
      });
      continue;
    }
    const centre = heads.map((h) => centerX(union(h.boxes)));
    const miss = (i: number, a: number, b: number) => Math.abs(centre[i]! - (left(a) + right(b)) / 2);
    // best[i][j]: the least total miss of heads 0…i−1 over columns a0…a0+j−1, with the worst miss within tol
    const best = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
    const from = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(-1));
    best[0]![0] = 0;
    for (let i = 1; i <= m; i++)
      for (let j = i; j <= n; j++) {
        if (j < n && cuts(a0 + j - 1)) continue;
        for (let t = i - 1; t < j; t++) {
          const d = miss(i - 1, a0 + t, a0 + j - 1);
          if (d > tol || best[i - 1]![t]! + d >= best[i]![j]!) continue;
          if (j - t > 1 && repeatsBelow(drafts, r, header, a0 + t, a0 + j - 1)) continue;
          best[i]![j] = best[i - 1]![t]! + d;
          from[i]![j] = t;
        }
      }
    if (!Number.isFinite(best[m]![n]!)) continue;
    const now = heads.reduce((sum, h, i) => sum + miss(i, h.col, h.col + h.colSpan - 1), 0);
    // Heads that leave value columns without a head of this row (`見込量` over the middle one of three years, each
    // head centred on one column as well as on its run) take the tiling when it fits them as well.
    const covered = new Set(heads.flatMap((h) => Array.from({ length: h.colSpan }, (_x, k) => h.col + k)));
    const gaps = Array.from({ length: n }, (_x, k) => a0 + k).some((k) => !covered.has(k));
    if (best[m]![n]! >= now - (gaps ? -0.5 : 0.5) * size) continue;
    for (let i = m, j = n; i > 0; i--) {
      const t = from[i]![j]!;
      heads[i - 1]!.col = a0 + t;
      heads[i - 1]!.colSpan = j - t;
      j = t;
    }
  }
}

/**
 * Group labels set over the first column of their group (`日中一時支援事業` over the first of its three year columns,
 * `訪問入浴サービス` over the fourth): when the first label stands over the first value column and the labels cut the
 * value columns into runs of one length (two or more), each label spans its run. (Centring alone would take the second
 * label, over the middle of the run of free columns around it, for a label over all of them.)
 */
function spanGroupsFromTheirFirstColumn(cells: Draft[], nCols: number): boolean {
  const labels = cells.filter((c) => c.col > 0).sort((a, b) => a.col - b.col);
  if (labels.length < 2 || labels.some((c) => c.colSpan !== 1) || labels[0]!.col !== 1) return false;
  const ends = labels.map((_c, i) => (labels[i + 1]?.col ?? nCols) - 1);
  const width = ends[0]! - labels[0]!.col + 1;
  if (width < 2 || labels.some((c, i) => ends[i]! - c.col + 1 !== width)) return false;
  labels.forEach((c, i) => {
    c.colSpan = ends[i]! - c.col + 1;
  });
  return true;
}

/**
 * Label lines floating halfway between two rows: a label centred over an even run of rows (`成年後見制度利用支援` over
 * four kinds) sits on a line of its own between the run's two middle rows, clear of both. A block of one or more
 * lines of text only, left of the first numeric column, under the header, with a row holding numbers right above and
 * right below it, apart from both, its centre halfway between theirs, and those two rows no further apart than the
 * closest two neighbouring rows of the table (a heading row between two rows, or the last line of a label wrapped
 * under its row, takes a row's height of its own). Returns the block's
 * first line → its last, and its other lines → -1.
 */
function floatingLabelLines(rows: TRow[], header: number, numericCols: Interval[]): Map<number, number> {
  const out = new Map<number, number>();
  const left = numericCols[0]?.x0;
  if (left === undefined) return out;
  const labelOnly = (r: TRow) => r.toks.length > 0 && r.toks.every((t) => !t.numeric && t.bbox.x1 <= left);
  const valuedRow = (r: TRow | undefined) => !!r && r.toks.some((t) => t.numeric && t.anchor.x0 >= left - 1);
  const pitches: number[] = [];
  for (let i = header + 1; i < rows.length; i++)
    if (valuedRow(rows[i - 1]) && valuedRow(rows[i]))
      pitches.push(centerY(rows[i]!.line.bbox) - centerY(rows[i - 1]!.line.bbox));
  if (pitches.length === 0) return out;
  // (the closest two rows: a blank line or a wrapped label makes some pairs further apart)
  const pitch = Math.min(...pitches);
  for (let i = header + 1; i < rows.length; i++) {
    if (!labelOnly(rows[i]!) || !valuedRow(rows[i - 1])) continue;
    let j = i;
    while (j + 1 < rows.length && labelOnly(rows[j + 1]!)) j++;
    if (!valuedRow(rows[j + 1])) continue;
    const above = rows[i - 1]!.line.bbox;
    const below = rows[j + 1]!.line.bbox;
    const y0 = rows[i]!.line.bbox.y0;
    const y1 = rows[j]!.line.bbox.y1;
    const span = centerY(below) - centerY(above);
    if (y0 <= above.y1 || below.y0 <= y1 || span > 1.35 * pitch) continue;
    if (Math.abs((y0 + y1) / 2 - (centerY(above) + centerY(below)) / 2) > 0.15 * span) continue;
    out.set(i, j);
    for (let k = i + 1; k <= j; k++) out.set(k, -1);
    i = j;
  }
  return out;
}

/** A first column of bare years (`61 62 63 元 2 3`): fiscal years as rows. */
function isYearColumn(texts: string[]): boolean {
  const ys = texts.filter((t) => t !== '');
  if (ys.length < 3 || !ys.every((t) => BARE_YEAR.test(t))) return false;
  return ys.every((t, i) => {
    if (i === 0) return true;
    const prev = yearValue(ys[i - 1]!);
    const v = yearValue(t);
    return v > prev || (v === 1 && prev > 1) || v === 1;
  });
}

const ERA = /^(?:明治|大正|昭和|平成|令和|[MTSHR])$/u;

/** One group of rows → one stream table (null when it has fewer than two columns). */
function groupToTable(group: TRow[], s: StreamSettings): FoundTable | null {
  let rows = group;
  const texts = (r: TRow) => r.toks.map((t) => t.text);
  let header = (() => {
    const first = rows.findIndex((r) => valued(texts(r)));
    if (first <= 0 || first > s.maxHeaderRows) return 0;
    // The first line of the first row's label, the row's values centred on its two lines (the label's second line
    // right under the row, both alone on their lines, left of the row's first cell): a body line, not a header row.
    const [above, row, below] = [rows[first - 1]!, rows[first]!, rows[first + 1]];
    const lone = (r: TRow | undefined): r is TRow => !!r && r.toks.length === 1 && !r.toks[0]!.numeric;
    const size = row.line.size;
    if (
      lone(above) &&
      lone(below) &&
      above.toks[0]!.bbox.x1 < row.toks[0]!.bbox.x0 &&
      below.toks[0]!.bbox.x1 < row.toks[0]!.bbox.x0 &&
      Math.abs(above.toks[0]!.bbox.x0 - below.toks[0]!.bbox.x0) <= size &&
      row.line.bbox.y0 - above.line.bbox.y1 <= 0.2 * size &&
      below.line.bbox.y0 - row.line.bbox.y1 <= s.wrapGap * size
    )
      return first - 1;
    return first;
  })();
  // A row of bare years under the header (or as the first row) is the header's last row: `年 度 | 26 | 27 | 28`.
  const yearRow = rows[header];
  if (yearRow && header <= s.maxHeaderRows && rows.slice(header + 1).some((r) => valued(texts(r)))) {
    // (`3年度 4年度 5年度` too: a bare year with its 年度 is no value either)
    const bare = (t: Tok) => t.text.replace(/(?<=\S)\s*年度?$/u, '');
    const at = yearRow.toks.findIndex((t) => BARE_YEAR.test(bare(t)));
    const stub = yearRow.toks
      .slice(0, Math.max(0, at))
      .map((t) => t.text)
      .join('')
      .replace(/\s+/g, '');
    const years = at < 0 ? [] : yearRow.toks.slice(at).map(bare);
    if ((stub === '' || YEAR_STUB.test(stub)) && isYearSequence(years)) header++;
  }
  const body = rows.slice(header);
  // No row holds a value past its first cell: lines set side by side (a running title, a numbered heading), no table.
  if (!body.some((r) => valued(texts(r)))) return null;
  let numericCols = unionIntervals(
    body.flatMap((r) => r.toks.filter((t) => t.numeric).map((t) => ({ x0: t.anchor.x0, x1: t.anchor.x1 }))),
  );
  rows = rows.map((r) => joinSpacedGlyphs(r, numericCols));
  const floating = floatingLabelLines(rows, header, numericCols);
  const bodyRows = rows.slice(header);
  // A line of a label wrapped around its row (alone on its line, tight over or under a row with numbers, left of that
  // row's first cell) shows the label column even when no row holds its label on its own line.
  const wrappedLabel = (i: number) => {
    const r = bodyRows[i]!;
    if (r.toks.length !== 1 || r.toks[0]!.numeric) return false;
    const t = r.toks[0]!;
    return [bodyRows[i - 1], bodyRows[i + 1]].some(
      (o) =>
        !!o &&
        o.toks.length >= 2 &&
        o.toks.some((x) => x.numeric) &&
        t.bbox.x1 < o.toks[0]!.bbox.x0 &&
        Math.max(o.line.bbox.y0 - r.line.bbox.y1, r.line.bbox.y0 - o.line.bbox.y1) <= s.wrapGap * r.line.size,
    );
  };
  const textIvs = bodyRows.flatMap((r, i) =>
    (r.toks.length >= 2 || floating.has(i + header) || wrappedLabel(i) ? r.toks : [])
      .filter((t) => !t.numeric && !numericCols.some((c) => overlap(t.bbox.x0, t.bbox.x1, c.x0, c.x1) > 0))
      .map((t) => ({ x0: t.bbox.x0, x1: t.bbox.x1 })),
  );
  let cols = unionIntervals([...numericCols, ...textIvs]);
  if (cols.length < 2) {
    cols = unionIntervals(rows.flatMap((r) => (r.toks.length >= 2 ? r.toks.map((t) => ({ ...t.bbox })) : [])));
    numericCols = [];
  }
  if (cols.length < 2) return null;
  if (header > 0) cols = headsOverEmptyColumns(cols, rows[header - 1]!.toks);
  cols = widenByHeaders(
    cols,
    rows.slice(0, header).map((r) => ({ segments: r.toks })),
  );
  const size = Math.max(...rows.map((r) => r.line.size));
  const isNumCol = cols.map((c) => numericCols.some((n) => overlap(c.x0, c.x1, n.x0, n.x1) > 0));
  /** Columns of a token; a label running over into a numeric column stays in its text columns. */
  const colsOfTok = (t: Tok): [number, number] => {
    const [c0, c1] = columnsOf(t.anchor, cols);
    if (t.numeric || c0 === c1) return [c0, c1];
    const text = [];
    for (let k = c0; k <= c1; k++) if (!isNumCol[k]) text.push(k);
    return text.length ? [text[0]!, text[text.length - 1]!] : [c0, c1];
  };

  // `core`: the row's own line, before wrapped label lines joined it. `floating`: label lines between two rows.
  const drafts: { line: Line; cells: Draft[]; core?: BBox; floating?: boolean }[] = [];
  const stubOnly = (r: TRow) => r.toks.length === 1 && columnsOf(r.toks[0]!.bbox, cols)[1] === 0 && !r.toks[0]!.numeric;
  const gap = (a: Line, b: Line) => b.bbox.y0 - a.bbox.y1;
  let pending: { line: Line; tok: Tok } | null = null;
  rows.forEach((row, i) => {
    const float = floating.get(i);
    if (float !== undefined) {
      // Label lines on their own halfway between two rows: one draft, its cells placed by the centred spans below.
      if (float < 0) return;
      const block = rows.slice(i, float + 1);
      const cells: Draft[] = [];
      for (const t of block.flatMap((r) => r.toks)) {
        const [c0, c1] = colsOfTok(t);
        const same = cells.find((c) => c.col <= c1 && c0 <= c.col + c.colSpan - 1);
        if (same) {
          same.texts.push(t.text);
          same.origs.push(t.orig);
          same.boxes.push(t.bbox);
        } else cells.push({ col: c0, colSpan: c1 - c0 + 1, texts: [t.text], origs: [t.orig], boxes: [t.bbox] });
      }
      const line = { ...row.line, bbox: union(block.map((r) => r.line.bbox)) };
      drafts.push({ line, cells: cells.sort((a, b) => a.col - b.col), floating: true });
      return;
    }
    const prev = drafts[drafts.length - 1];
    // A label wrapped onto a line of its own, close under the row it belongs to.
    if (i > header && prev && stubOnly(row) && gap(prev.line, row.line) <= s.wrapGap * row.line.size) {
      const next = rows[i + 1];
      // …unless it is the first line of the next row's label (that row's values centred on its two lines).
      const opensNext =
        next &&
        !next.toks.some((t) => columnsOf(t.bbox, cols)[0] === 0) &&
        gap(row.line, next.line) <= 0 &&
        gap(prev.line, row.line) > 0;
      if (!opensNext) {
        const only = row.toks[0]!;
        const stub = prev.cells.find((c) => c.col === 0);
        if (stub) {
          stub.texts.push(only.text);
          stub.origs.push(only.orig);
          stub.boxes.push(only.bbox);
        } else prev.cells.unshift({ col: 0, colSpan: 1, texts: [only.text], origs: [only.orig], boxes: [only.bbox] });
        prev.line = { ...prev.line, bbox: union([prev.line.bbox, row.line.bbox]) };
        return;
      }
    }
    // The first line of a label whose row's values are centred on its two lines: it goes with the next row.
    const next = rows[i + 1];
    if (
      i >= header &&
      stubOnly(row) &&
      next &&
      !next.toks.some((t) => columnsOf(t.bbox, cols)[0] === 0) &&
      next.toks.some((t) => t.numeric) &&
      gap(row.line, next.line) <= 0.2 * row.line.size
    ) {
      pending = { line: row.line, tok: row.toks[0]! };
      return;
    }
    const cells: Draft[] = [];
    for (const t of row.toks) {
      const [c0, c1] = colsOfTok(t);
      const same = cells.find((c) => c.col <= c1 && c0 <= c.col + c.colSpan - 1);
      if (same) {
        const end = Math.max(same.col + same.colSpan - 1, c1);
        same.col = Math.min(same.col, c0);
        same.colSpan = end - same.col + 1;
        same.texts.push(t.text);
        same.origs.push(t.orig);
        same.boxes.push(t.bbox);
      } else cells.push({ col: c0, colSpan: c1 - c0 + 1, texts: [t.text], origs: [t.orig], boxes: [t.bbox] });
    }
    let line = row.line;
    const p = pending as { line: Line; tok: Tok } | null;
    if (p) {
      cells.unshift({ col: 0, colSpan: 1, texts: [p.tok.text], origs: [p.tok.orig], boxes: [p.tok.bbox] });
      line = { ...line, bbox: union([line.bbox, p.line.bbox]) };
      pending = null;
    }
    drafts.push({ line, cells: cells.sort((a, b) => a.col - b.col), core: row.line.bbox });
  });
  const headerRows = joinWrappedHeaderLines(drafts, header, s);
  spanCentredHeaders(drafts, headerRows, cols, size);
  tileCentredHeads(drafts, headerRows, cols, size);

  // Fiscal years as rows: the era written left of a first column of bare years goes into its cells.
  const firstNumeric = numericCols.length
    ? cols.findIndex((c) => overlap(c.x0, c.x1, numericCols[0]!.x0, numericCols[0]!.x1) > 0)
    : -1;
  if (firstNumeric > 0) {
    const bodyDrafts = drafts.slice(headerRows);
    const at = (d: { cells: Draft[] }, k: number) => d.cells.find((c) => c.col === k && c.colSpan === 1);
    const yearTexts = bodyDrafts.map((d) => cleanText(at(d, firstNumeric)?.texts.join('') ?? ''));
    const leftOk = bodyDrafts.every((d) =>
      d.cells.every((c) => c.col >= firstNumeric || (c.colSpan === 1 && ERA.test(cleanText(c.texts.join(''))))),
    );
    if (leftOk && isYearColumn(yearTexts)) {
      for (const d of bodyDrafts) {
        const era = d.cells.filter((c) => c.col < firstNumeric);
        const year = at(d, firstNumeric);
        d.cells = d.cells.filter((c) => c.col >= firstNumeric);
        if (year) {
          year.texts = [...era.flatMap((c) => c.texts), ...year.texts];
          year.origs = [...era.flatMap((c) => c.origs), ...year.origs];
          year.boxes = [...era.flatMap((c) => c.boxes), ...year.boxes];
        }
      }
      // Every cell moves left by the era columns; header cells over them land on the year column.
      const drop = firstNumeric;
      for (const d of drafts) {
        for (const c of d.cells) {
          const start = Math.max(0, c.col - drop);
          const end = Math.max(0, c.col + c.colSpan - 1 - drop);
          c.col = start;
          c.colSpan = end - start + 1;
        }
        const merged: Draft[] = [];
        for (const c of d.cells) {
          const same = merged.find((m) => m.col === c.col);
          if (same) {
            same.texts.push(...c.texts);
            same.origs.push(...c.origs);
            same.boxes.push(...c.boxes);
            same.colSpan = Math.max(same.colSpan, c.colSpan);
          } else merged.push(c);
        }
        d.cells = merged;
      }
      cols = [{ x0: cols[0]!.x0, x1: cols[drop]!.x1 }, ...cols.slice(drop + 1)];
    }
  }

  // Labels centred over the rows they span (pdf/rowspans.ts), in the label columns left of the first value. Label
  // lines floating halfway between two rows (a label centred over an even run of rows) are labels of the row under
  // them: they take part when every column of theirs tiles, else they stay rows of their own.
  const spanned = new Map<Draft, number>();
  const under = new Set<string>();
  const floatingCells = new Set<Draft>();
  const firstValue = Math.min(
    ...drafts
      .slice(headerRows)
      .flatMap((d) => d.cells.filter((c) => c.col > 0 && isValue(cleanText(c.texts.join('')))).map((c) => c.col)),
  );
  const bandsOf = (list: typeof drafts) =>
    list.map((d) => {
      const b = d.core ?? d.line.bbox;
      return { y0: b.y0, y1: b.y1 };
    });
  const labelsIn = (list: typeof drafts, k: number) => {
    let real = 0;
    const out: { row: number; cy: number; c: Draft }[] = [];
    for (const d of list) {
      for (const c of d.cells)
        if (c.col === k && c.colSpan === 1) out.push({ row: real, cy: centerY(union(c.boxes)), c });
      if (!d.floating) real++;
    }
    return out;
  };
  {
    const body = drafts.slice(headerRows);
    const floats = body.filter((d) => d.floating);
    if (floats.length) {
      const real = body.filter((d) => !d.floating);
      const floatCols = new Set(floats.flatMap((d) => d.cells.map((c) => c.col)));
      const tiles = [...floatCols].every((k) => {
        const labels = labelsIn(body, k);
        return (
          k < firstValue &&
          labels.every((l) => l.row < real.length) &&
          centredRowSpans(bandsOf(real), labels, { centred: true }) !== null
        );
      });
      if (tiles) {
        // Placed for now in the row under them; the spans below move them to the first row of their run.
        body.forEach((d, at) => {
          if (!d.floating) return;
          const next = body.slice(at + 1).find((x) => !x.floating)!;
          next.cells = [...next.cells, ...d.cells].sort((x, y) => x.col - y.col);
          for (const c of d.cells) floatingCells.add(c);
        });
        drafts.splice(headerRows, body.length, ...real);
      } else for (const d of floats) d.floating = false;
    }
  }
  const spanRows = drafts.slice(headerRows);
  for (let k = 0; k < firstValue && k < cols.length && spanRows.length >= 2; k++) {
    const labels = spanRows.flatMap((d, row) =>
      d.cells.filter((c) => c.col === k && c.colSpan === 1).map((c) => ({ row, cy: centerY(union(c.boxes)), c })),
    );
    const centred = labels.some((l) => floatingCells.has(l.c));
    const runs = centredRowSpans(bandsOf(spanRows), labels, { centred });
    if (!runs) continue;
    labels.forEach((l, i) => {
      const [a] = runs[i]!;
      if (a === l.row) return;
      spanRows[l.row]!.cells = spanRows[l.row]!.cells.filter((c) => c !== l.c);
      spanRows[a]!.cells = [...spanRows[a]!.cells, l.c].sort((x, y) => x.col - y.col);
    });
    labels.forEach((l, i) => {
      const [a, b] = runs[i]!;
      spanned.set(l.c, b - a + 1);
      for (let r = a + 1; r <= b; r++) under.add(`${r + headerRows}:${k}`);
    });
  }

  const out: TableCell[] = [];
  drafts.forEach((d, r) => {
    const covered = new Set<number>();
    for (let k = 0; k < cols.length; k++) if (under.has(`${r}:${k}`)) covered.add(k);
    for (const c of d.cells) {
      for (let k = c.col; k < c.col + c.colSpan; k++) covered.add(k);
      // The era and year of a fiscal-year row read as one word (`昭和61`, `平成元`).
      const text =
        c.texts.length > 1 && c.texts.every((t, k) => k === 0 || BARE_YEAR.test(t)) && ERA.test(c.texts[0]!)
          ? c.texts.join('')
          : c.texts.length > 1
            ? joinLineTexts(c.texts)
            : c.texts[0]!;
      out.push({
        row: r,
        col: c.col,
        rowSpan: spanned.get(c) ?? 1,
        colSpan: c.colSpan,
        text: cleanText(text),
        orig: c.origs.join('\n'),
        bbox: roundBox(union(c.boxes)),
        role: 'body',
      });
    }
    cols.forEach((col, k) => {
      if (covered.has(k)) return;
      const bbox = roundBox({ x0: col.x0, y0: d.line.bbox.y0, x1: col.x1, y1: d.line.bbox.y1 });
      out.push({ row: r, col: k, rowSpan: 1, colSpan: 1, text: '', orig: '', bbox, role: 'body' });
    });
  });
  const table = emptyTable('stream', undefined, out, drafts.length, cols.length);
  table.headerRows = headerRows;
  table.bbox = roundBox(union(group.map((r) => r.line.bbox)));
  const spans = new Set<TextSpan>(group.flatMap((r) => r.line.spans));
  return { table, spans };
}

/** One region → its stream tables: caption lines left as text, split where the alignment of numbers ends. */
export function regionToTables(region: Row[], s: StreamSettings): FoundTable[] {
  let rows = region.map(rowTokens);
  while (rows.length && isCaptionRow(rows[0]!)) rows = rows.slice(1);
  const out: FoundTable[] = [];
  for (const group of splitByAlignment(rows, s)) {
    if (group.filter((r) => r.toks.length >= 2).length < Math.min(2, s.minRows)) continue;
    const found = groupToTable(group, s);
    if (found) out.push(found);
  }
  return out;
}

/** One region → one stream table (the first, when the region holds several). */
export function regionToTable(region: Row[], s: StreamSettings): FoundTable | null {
  return regionToTables(region, s)[0] ?? null;
}

/** Every stream table among the lines. */
export function streamTables(lines: Line[], s: StreamSettings): FoundTable[] {
  const out: FoundTable[] = [];
  for (const region of streamRegions(lines, s)) {
    for (const found of regionToTables(region, s)) if (!looksLikeTextColumns(found)) out.push(found);
  }
  return out;
}

/**
 * Text set in newspaper columns lines up like a borderless table, but hardly any of its "cells" is a number: they
 * are the lines of wrapped text. Such a region is left to the reading order (pdf/columns.ts), not read as a table;
 * a borderless table without numbers holds no observations, and read by columns its text stays in order.
 * Values written with their frequency (`年８回`) and missing marks (`－`) count as data when they fill the rows as a
 * table's values do (most rows hold one beyond their first cell): a progress table of counts per year is mostly
 * `年１０回` and `－`, while a value in running text (`・運用状況の検証：年 1 回以上`) stands in one row of several, among
 * numbers written inside words (`・地域生活移行者数：8 人`).
 */
export function looksLikeTextColumns(found: FoundTable): boolean {
  const cells = found.table.cells.filter((c) => c.text !== '');
  if (cells.length === 0) return false;
  if (cells.filter((c) => isNumericData(c.text)).length >= 0.15 * cells.length) return false;
  const data = cells.filter((c) => isValue(c.text) || isMissingMarker(c.text));
  if (data.length < 0.15 * cells.length) return true;
  // numbers inside words (`・地域生活移行者数：8 人`) are running text's, not a table's
  const isData = new Set(data);
  const worded = cells.filter((c) => /[0-9０-９]/u.test(c.text) && !isData.has(c) && !isYearLike(c.text));
  const rows = new Set(cells.map((c) => c.row));
  const dataRows = new Set(data.filter((c) => c.col > 0).map((c) => c.row));
  return worded.length >= data.length || dataRows.size <= 0.5 * rows.size;
}
