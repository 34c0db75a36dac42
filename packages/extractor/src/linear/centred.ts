/**
 * centreStubLabels — row labels set halfway down the rows they head, in a space-aligned text (`pdftotext -layout`
 * of a table whose label cells span several rows):
 *
 *                  人/月      312      298
 *     居宅介護
 *                時間/月     5,120    4,870
 *                  人/月       14       12
 *     重度訪問介護
 *                時間/月     3,980    3,412
 *     共同生活援助   人/月      260      271
 *
 * A label cell spanning k rows is drawn at its middle: on a line of its own between two rows (k even) or on the
 * middle row's line (k odd). Before the columns are read, the body rows are cut into runs, one per label, each run
 * centred on its label (the partition whose runs' middles lie nearest their labels, found by dynamic programming),
 * and each label is moved onto the first row of its run; the rows below it keep a blank label, which
 * fillStubSpans then spans as it does for a TSV row group. Letters of a group label set vertically down the margin
 * (one a line, left of the labels) are left out: the group label is lost, the row labels are kept clean. Taken only when every label lies within half a line of
 * its run's middle and at least two labels stand on lines of their own in a band left of the stub column next to
 * the values (the units above); otherwise the rows are left as they are.
 */
import type { Segment } from '../pdf/lines.js';
import type { Row } from '../pdf/stream.js';
import { isNumericData } from '../text.js';

/** The x where a row's values begin (its first numeric cell after the first), or null for a row without values. */
function valueStart(r: Row): number | null {
  const g = r.segments.slice(1).find((s) => isNumericData(s.text));
  return g ? g.bbox.x0 : null;
}

/** A lone character (a letter of a vertical group label set down the margin, `訪` `問` `系`) is no row label. */
const lone = (s: Segment) => [...s.text.replace(/\s+/g, '')].length < 2;

interface Label {
  seg: Segment;
  y: number;
  /** The body row whose line holds it, or -1 for a line of its own. */
  onRow: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * The runs of rows (first, last index into `ys`), one per label, whose middles lie nearest the labels; null if in
 * every partition some label lies more than half a line (`pitch / 2`) from its run's middle.
 * `onRow[j]` is the row whose own line holds label j (-1: a line of its own): no other label's run may take it.
 */
export function centredRuns(
  ys: readonly number[],
  labels: readonly number[],
  onRow: readonly number[],
  pitch: number,
): [number, number][] | null {
  const n = ys.length;
  const m = labels.length;
  if (m === 0 || m > n) return null;
  const owner = ys.map(() => -1);
  onRow.forEach((r, j) => {
    if (r >= 0) owner[r] = j;
  });
  const cost = (j: number, a: number, b: number) => {
    const y = labels[j]!;
    if (y < ys[a]! - pitch / 2 || y > ys[b]! + pitch / 2) return Number.POSITIVE_INFINITY;
    for (let r = a; r <= b; r++) if (owner[r]! >= 0 && owner[r] !== j) return Number.POSITIVE_INFINITY;
    return Math.abs(2 * y - ys[a]! - ys[b]!) / (2 * pitch);
  };
  // best[j][b]: the least worst deviation (then the least sum) of labels 0..j over rows 0..b
  const INF = { worst: Number.POSITIVE_INFINITY, sum: Number.POSITIVE_INFINITY, from: -1 };
  const best = Array.from({ length: m }, () => Array.from({ length: n }, () => INF));
  const better = (x: { worst: number; sum: number }, y: { worst: number; sum: number }) =>
    x.worst < y.worst - 1e-9 || (Math.abs(x.worst - y.worst) <= 1e-9 && x.sum < y.sum - 1e-9);
  for (let b = 0; b < n; b++) {
    const c = cost(0, 0, b);
    if (Number.isFinite(c)) best[0]![b] = { worst: c, sum: c, from: 0 };
  }
  for (let j = 1; j < m; j++)
    for (let b = j; b < n; b++)
      for (let a = j; a <= b; a++) {
        const prev = best[j - 1]![a - 1]!;
        const c = cost(j, a, b);
        if (!Number.isFinite(prev.worst) || !Number.isFinite(c)) continue;
        const cand = { worst: Math.max(prev.worst, c), sum: prev.sum + c, from: a };
        if (better(cand, best[j]![b]!)) best[j]![b] = cand;
      }
  // (no partition puts every label within half a line of its run's middle: the labels are not centred)
  if (!(best[m - 1]![n - 1]!.worst <= 0.5)) return null;
  const runs: [number, number][] = [];
  let b = n - 1;
  for (let j = m - 1; j >= 0; j--) {
    const a = best[j]![b]!.from;
    runs.unshift([a, b]);
    b = a - 1;
  }
  return runs;
}

/** Move a segment onto the line at `y`. */
function moveTo(s: Segment, y: number): Segment {
  const dy = y - s.bbox.y0;
  return {
    ...s,
    bbox: { ...s.bbox, y0: s.bbox.y0 + dy, y1: s.bbox.y1 + dy },
    spans: s.spans.map((p) => ({ ...p, bbox: { ...p.bbox, y0: p.bbox.y0 + dy, y1: p.bbox.y1 + dy } })),
  };
}

export function centreStubLabels(region: Row[], pitch: number): Row[] {
  const starts = new Map(region.map((r) => [r, valueStart(r)]));
  const start = (r: Row) => starts.get(r) ?? null;
  const first = region.findIndex((r) => start(r) !== null);
  let last = region.length - 1;
  while (last > first && start(region[last]!) === null) last--;
  if (first < 0 || last - first < 3) return region;
  const body = region.slice(first, last + 1);
  const valueRows = body.filter((r) => start(r) !== null);
  const leftOfValues = Math.min(...valueRows.map((r) => start(r)!));
  // the stub column next to the values (units, or the labels themselves when they stand on their rows)
  const stubs = valueRows
    .map((r) => r.segments.filter((s) => s.bbox.x1 <= start(r)! && !lone(s)))
    .filter((s) => s.length > 0);
  if (stubs.length === 0) return region;
  const inner = median(stubs.map((s) => s[s.length - 1]!.bbox.x0));
  const inBand = (s: Segment) => !lone(s) && s.bbox.x1 <= inner && !isNumericData(s.text);
  // lines of their own: every cell left of the values (a line holding only letters of a vertical margin label is
  // passed over)
  const own = body.filter((r) => start(r) === null);
  if (own.some((r) => r.segments.some((s) => s.bbox.x1 > leftOfValues))) return region;
  const ownLabels = own.map((r) => r.segments.filter(inBand));
  if (ownLabels.some((l) => l.length > 1)) return region;
  const placed = ownLabels.flat();
  if (placed.length < 2) return region;
  // the labels' band: a stray fragment far left of it (`系居`, two margin letters run together) is no label
  const mid = (s: Segment) => (s.bbox.x0 + s.bbox.x1) / 2;
  const centre = median(placed.map(mid));
  const reach = median(placed.map((s) => s.bbox.x1 - s.bbox.x0)) / 2 + pitch;
  const near = (s: Segment) => Math.abs(mid(s) - centre) <= reach;
  const labels: Label[] = [];
  for (const r of body) {
    const v = start(r);
    if (v === null) {
      const l = r.segments.find((s) => inBand(s) && near(s));
      if (l) labels.push({ seg: l, y: r.line.bbox.y0, onRow: -1 });
      continue;
    }
    // a label on a row's own line, left of that row's stub cell next to the values
    const stub = r.segments.filter((s) => s.bbox.x1 <= v && !lone(s));
    const on = stub.length >= 2 ? stub.filter((s) => inBand(s) && near(s)) : [];
    if (on.length === 1) labels.push({ seg: on[0]!, y: r.line.bbox.y0, onRow: valueRows.indexOf(r) });
  }
  if (labels.filter((l) => l.onRow < 0).length < 2) return region;
  const runs = centredRuns(
    valueRows.map((r) => r.line.bbox.y0),
    labels.map((l) => l.y),
    labels.map((l) => l.onRow),
    pitch,
  );
  if (!runs) return region;
  // letters of a group label set vertically down the margin, left of the labels (`訪` `問` `系`), are left out: the
  // lines of their own that held some are gone, so they would no longer read in order, and one letter a row runs
  // into the labels' column when a label reaches into it (`系同行援護`)
  const bandLeft = Math.min(...labels.filter((l) => l.onRow < 0).map((l) => l.seg.bbox.x0));
  const margin = (s: Segment) => lone(s) && s.bbox.x1 <= bandLeft;
  const moved = new Set(labels.map((l) => l.seg));
  const headOf = new Map(runs.map(([a], j) => [valueRows[a]!, labels[j]!.seg]));
  const rows = valueRows.map((r) => {
    const head = headOf.get(r);
    const kept = r.segments.filter((s) => !moved.has(s) && !margin(s));
    if (!head) return kept.length === r.segments.length ? r : { ...r, segments: kept };
    const segments = [moveTo(head, r.line.bbox.y0), ...kept].sort((a, b) => a.bbox.x0 - b.bbox.x0);
    const spans = segments.flatMap((s) => s.spans);
    return {
      line: { ...r.line, spans, bbox: { ...r.line.bbox, x0: Math.min(r.line.bbox.x0, head.bbox.x0) } },
      segments,
    };
  });
  return [...region.slice(0, first), ...rows, ...region.slice(last + 1)];
}
