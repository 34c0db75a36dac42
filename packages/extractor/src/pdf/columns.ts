/**
 * Reading order for text set in columns (段組み). A PDF line runs across the whole page, so three columns sharing
 * baselines come out as lines that interleave the columns: `col1-line1 col2-line1 col3-line1`, then the second
 * lines… This finds runs of consecutive lines that share an empty vertical gutter, and reads such a run column by
 * column, each column top-down.
 *
 * A run is read in columns only when it looks like columns of text, not like a list of labels and values: at
 * least `minLines` lines, at least two of them with text on both sides of a gutter, and every column at least
 * `minColumnWidth` font sizes wide (a value column of `5人` is narrow). Lines crossing a gutter end the run.
 */
import { union } from './geometry.js';
import { type Line, lineSegments, type Segment, spansToLines } from './lines.js';

export interface ColumnSettings {
  /** A gap at least this wide (× font size) inside a line may be a gutter. */
  gutter: number;
  /** Every column of a run is at least this wide (× font size). */
  minColumnWidth: number;
  /** Fewest lines in a run read as columns. */
  minLines: number;
}

export const DEFAULT_COLUMN_SETTINGS: ColumnSettings = { gutter: 1.2, minColumnWidth: 8, minLines: 3 };

type Interval = [number, number];

/** The parts of [lo, hi] not covered by the segments, at least `min` wide. */
function freeIntervals(segments: Segment[], lo: number, hi: number, min: number): Interval[] {
  const out: Interval[] = [];
  let x = lo;
  for (const s of [...segments].sort((a, b) => a.bbox.x0 - b.bbox.x0)) {
    if (s.bbox.x0 - x >= min) out.push([x, s.bbox.x0]);
    x = Math.max(x, s.bbox.x1);
  }
  if (hi - x >= min) out.push([x, hi]);
  return out;
}

function intersect(a: Interval[], b: Interval[], min: number): Interval[] {
  const out: Interval[] = [];
  for (const [a0, a1] of a) {
    for (const [b0, b1] of b) {
      const lo = Math.max(a0, b0);
      const hi = Math.min(a1, b1);
      if (hi - lo >= min) out.push([lo, hi]);
    }
  }
  return out;
}

interface Run {
  lines: Line[];
  segments: Segment[][];
  gutters: Interval[];
}

/** Text on both sides of the gutter in at least two lines of the run. */
function established(run: Run, [g0, g1]: Interval): boolean {
  let both = 0;
  for (const segs of run.segments) {
    if (segs.some((x) => x.bbox.x1 <= g0) && segs.some((x) => x.bbox.x0 >= g1)) both++;
  }
  return both >= 2;
}

/** Inner gutters (text on both sides in at least two lines) of a run, or none if it is not read as columns. */
function columnGutters(run: Run, lo: number, hi: number, size: number, s: ColumnSettings): Interval[] {
  if (run.lines.length < s.minLines) return [];
  const inner = run.gutters.filter((g) => established(run, g));
  if (inner.length === 0) return [];
  // Column extents between the gutters, from the text actually set there.
  const edges = [lo, ...inner.flat(), hi];
  for (let i = 0; i < edges.length; i += 2) {
    const a = edges[i]!;
    const b = edges[i + 1]!;
    const inside = run.segments.flat().filter((x) => x.bbox.x0 >= a - 0.5 && x.bbox.x1 <= b + 0.5);
    if (inside.length === 0) return [];
    const box = union(inside.map((x) => x.bbox));
    if (box.x1 - box.x0 < s.minColumnWidth * size) return [];
  }
  return inner;
}

/** The lines of a run read column by column. */
function readColumns(run: Run, gutters: Interval[]): Line[] {
  const bounds = [Number.NEGATIVE_INFINITY, ...gutters.map(([a, b]) => (a + b) / 2), Number.POSITIVE_INFINITY];
  const out: Line[] = [];
  for (let c = 0; c + 1 < bounds.length; c++) {
    const spans = run.lines.flatMap((l) =>
      l.spans.filter((sp) => {
        const mid = (sp.bbox.x0 + sp.bbox.x1) / 2;
        return mid >= bounds[c]! && mid < bounds[c + 1]!;
      }),
    );
    out.push(...spansToLines(spans));
  }
  return out;
}

/** Lines (top-down) → lines in reading order, runs set in columns read column by column. */
export function orderColumns(lines: Line[], settings: Partial<ColumnSettings> = {}): Line[] {
  const s = { ...DEFAULT_COLUMN_SETTINGS, ...settings };
  const horizontal = lines.filter((l) => l.dir === 'h');
  if (horizontal.length < s.minLines) return lines;
  const lo = Math.min(...horizontal.map((l) => l.bbox.x0));
  const hi = Math.max(...horizontal.map((l) => l.bbox.x1));
  const sizes = horizontal.map((l) => l.size).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)]!;
  const min = s.gutter * size;
  const out: Line[] = [];
  let run: Run | null = null;
  const flush = () => {
    if (!run) return;
    const gutters = columnGutters(run, lo, hi, size, s);
    out.push(...(gutters.length ? readColumns(run, gutters) : run.lines));
    run = null;
  };
  for (const line of lines) {
    if (line.dir !== 'h') {
      flush();
      out.push(line);
      continue;
    }
    const segments = lineSegments(line, s.gutter);
    const free = freeIntervals(segments, lo, hi, min);
    const current = run as Run | null;
    const kept = current ? intersect(current.gutters, free, min) : [];
    // A line across a gutter that columns already stand on both sides of ends the run (a heading below them).
    const crosses = current?.gutters.some(
      (g) => established(current, g) && !kept.some((k) => k[0] < g[1] && k[1] > g[0]),
    );
    if (current && kept.length && !crosses) {
      current.lines.push(line);
      current.segments.push(segments);
      current.gutters = kept;
    } else {
      flush();
      run = { lines: [line], segments: [segments], gutters: free };
    }
  }
  flush();
  return out;
}
