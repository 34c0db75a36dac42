/**
 * Labels centred over the rows they span. A word processor or spreadsheet sets a label that spans several rows
 * (`訪問入浴介護` over its three years, `H30` over its three kinds) vertically centred in its merged cell; a table
 * without rulings across its rows (borderless, or ruled between every row as a Word table is) shows no edge of that
 * cell, only the label, halfway down the run of rows it covers, and empty cells above and below it. Read row by row,
 * the rows above the label would belong to the label before it.
 *
 * A column reads as such spans when its first body row is empty, and every label in it is the middle of a run of
 * rows that starts right after the run of the label above it (the first at the first body row) and the last run
 * ends at the last row: the runs tile the column. Anything else (a label in every row, labels at the top of their
 * runs) is left as it is. A column known to be centred (a label of it floats on a line of its own halfway between two
 * rows: the middle of an even run) may have its first label in the first row: a run of one row.
 */

export interface RowBand {
  y0: number;
  y1: number;
}

export interface ColumnLabel {
  /** The body row the label is in (0-based). */
  row: number;
  /** The vertical centre of the label's text. */
  cy: number;
}

/**
 * Each label's run of rows `[first, last]`, or null when the column does not read as centred spanning labels.
 * `rows` are the body rows' bands, top-down, touching or with gaps; a run's middle is halfway between the top of its
 * first row and the bottom of its last.
 */
export function centredRowSpans(
  rows: RowBand[],
  labels: ColumnLabel[],
  opts: { centred?: boolean } = {},
): [number, number][] | null {
  const n = rows.length;
  if (n < 2 || labels.length === 0) return null;
  const sorted = [...labels].sort((a, b) => a.row - b.row);
  if (new Set(sorted.map((l) => l.row)).size !== sorted.length) return null;
  // A label in the first row may as well be at the top of its run, unless the column is known to be centred.
  if (sorted[0]!.row === 0 && !opts.centred) return null;
  const pitches = rows
    .slice(1)
    .map((r, i) => (r.y0 + r.y1) / 2 - (rows[i]!.y0 + rows[i]!.y1) / 2)
    .sort((a, b) => a - b);
  const tol = 0.25 * pitches[Math.floor(pitches.length / 2)]!;
  // Band edges: halfway between neighbouring rows, the outer ones as far out as the inner gaps.
  const cut = rows.slice(1).map((r, i) => (rows[i]!.y1 + r.y0) / 2);
  const top = (k: number) => (k === 0 ? rows[0]!.y0 - ((cut[0] ?? rows[0]!.y1) - rows[0]!.y1) : cut[k - 1]!);
  const bottom = (k: number) =>
    k === n - 1 ? rows[n - 1]!.y1 + (rows[n - 1]!.y0 - (cut[n - 2] ?? rows[n - 1]!.y0)) : cut[k]!;
  const out: [number, number][] = [];
  let a = 0;
  for (const [i, l] of sorted.entries()) {
    if (l.row < a) return null;
    const limit = i + 1 < sorted.length ? sorted[i + 1]!.row - 1 : n - 1;
    let best: { b: number; d: number } | null = null;
    for (let b = l.row; b <= limit; b++) {
      const d = Math.abs((top(a) + bottom(b)) / 2 - l.cy);
      if (d <= tol && (!best || d < best.d)) best = { b, d };
    }
    if (!best) return null;
    out.push([a, best.b]);
    a = best.b + 1;
  }
  if (a !== n) return null;
  // Nothing spans: the column is as it was.
  return out.some(([x, y]) => y > x) ? out : null;
}
