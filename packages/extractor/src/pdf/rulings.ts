/**
 * pdf.js operator list → `Ruling`s (drawn horizontal and vertical lines) in top-left page coordinates.
 *
 * pdf.js 5 hands paths over as `constructPath` with `[paintOp, [Float32Array of DrawOPS], minMax]`, in user space
 * under the current transform, which is tracked here through save/restore/transform and form XObjects.
 * Stroked axis-aligned segments are rulings; a filled rectangle is a ruling when it is thin (a bar drawn as a
 * rule, as spreadsheet exports do) and its four edges otherwise (shaded cells). White paint is no ruling.
 */
import type { Ruling } from '@shiryo/model';
import { apply, IDENTITY, type Matrix, multiply, toMatrix } from './geometry.js';

export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: readonly unknown[];
}

/** pdf.js `OPS` (name → number); passed in so this module does not load pdf.js. */
export type OpsTable = Readonly<Record<string, number>>;

/** pdf.js `DrawOPS`: the path codes inside a constructPath buffer. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Segments shorter than this (pt) are no rulings; rectangles thinner than this (pt) are rules, not boxes. */
const MIN_LENGTH = 2;
const THIN = 2.5;
const AXIS_TOL = 0.5;

interface SubPath {
  points: [number, number][];
  closed: boolean;
  curved: boolean;
}

/** The subpaths of one path buffer, with points mapped by `m`. */
export function pathToSubpaths(data: ArrayLike<number>, m: Matrix): SubPath[] {
  const out: SubPath[] = [];
  const start = (x: number, y: number, curved: boolean) => {
    out.push({ points: [apply(m, x, y)], closed: false, curved });
  };
  for (let k = 0; k < data.length; ) {
    const op = data[k++];
    const cur = out[out.length - 1];
    if (op === MOVE || op === LINE) {
      const x = data[k]!;
      const y = data[k + 1]!;
      if (op === MOVE || !cur || cur.closed) start(x, y, false);
      else cur.points.push(apply(m, x, y));
      k += 2;
    } else if (op === CURVE || op === QUAD) {
      // A curve ends the straight run (and makes no rectangle): go on from its end point in a new subpath.
      const n = op === CURVE ? 6 : 4;
      if (cur) cur.curved = true;
      start(data[k + n - 2]!, data[k + n - 1]!, true);
      k += n;
    } else if (op === CLOSE) {
      if (cur) cur.closed = true;
    } else break;
  }
  return out;
}

function segment(a: [number, number], b: [number, number]): Ruling | null {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= AXIS_TOL && dx >= MIN_LENGTH) {
    const y = (a[1] + b[1]) / 2;
    return { x0: Math.min(a[0], b[0]), y0: y, x1: Math.max(a[0], b[0]), y1: y };
  }
  if (dx <= AXIS_TOL && dy >= MIN_LENGTH) {
    const x = (a[0] + b[0]) / 2;
    return { x0: x, y0: Math.min(a[1], b[1]), x1: x, y1: Math.max(a[1], b[1]) };
  }
  return null;
}

function strokeRulings(p: SubPath): Ruling[] {
  const pts = p.points;
  const out: Ruling[] = [];
  for (let i = 1; i < pts.length; i++) {
    const r = segment(pts[i - 1]!, pts[i]!);
    if (r) out.push(r);
  }
  if (p.closed && pts.length > 2) {
    const r = segment(pts[pts.length - 1]!, pts[0]!);
    if (r) out.push(r);
  }
  return out;
}

/** An axis-aligned rectangle's box, or null. */
function rectOf(p: SubPath): { x0: number; y0: number; x1: number; y1: number } | null {
  const pts = [...p.points];
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (pts.length === 5 && first && last && Math.hypot(first[0] - last[0], first[1] - last[1]) < AXIS_TOL) pts.pop();
  if (pts.length !== 4 || p.curved) return null;
  for (let i = 0; i < 4; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % 4]!;
    if (Math.abs(a[0] - b[0]) > AXIS_TOL && Math.abs(a[1] - b[1]) > AXIS_TOL) return null;
  }
  const xs = pts.map((q) => q[0]);
  const ys = pts.map((q) => q[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

function fillRulings(p: SubPath): Ruling[] {
  const r = rectOf(p);
  if (!r) return [];
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  if (Math.max(w, h) < MIN_LENGTH) return [];
  if (h <= THIN && w > h) return [{ x0: r.x0, y0: (r.y0 + r.y1) / 2, x1: r.x1, y1: (r.y0 + r.y1) / 2 }];
  if (w <= THIN && h > w) return [{ x0: (r.x0 + r.x1) / 2, y0: r.y0, x1: (r.x0 + r.x1) / 2, y1: r.y1 }];
  return [
    { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y0 },
    { x0: r.x0, y0: r.y1, x1: r.x1, y1: r.y1 },
    { x0: r.x0, y0: r.y0, x1: r.x0, y1: r.y1 },
    { x0: r.x1, y0: r.y0, x1: r.x1, y1: r.y1 },
  ];
}

const isWhite = (color: unknown) => typeof color === 'string' && /^#?f{6}$/i.test(color);

/** Every ruling the page draws, in page coordinates (`viewport`: pdf.js `viewport.transform` at scale 1). */
export function operatorListToRulings(list: OperatorList, OPS: OpsTable, viewport: Matrix): Ruling[] {
  const strokes = new Set(
    ['stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map((n) => OPS[n]),
  );
  const fills = new Set(
    ['fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map((n) => OPS[n]),
  );
  const stack: { ctm: Matrix; stroke: unknown; fill: unknown }[] = [];
  let state = { ctm: IDENTITY as Matrix, stroke: '#000000' as unknown, fill: '#000000' as unknown };
  const out: Ruling[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(state);
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform && args) state = { ...state, ctm: multiply(state.ctm, toMatrix(args as number[])) };
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(state);
      const matrix = args?.[0] as ArrayLike<number> | null | undefined;
      if (matrix) state = { ...state, ctm: multiply(state.ctm, toMatrix(matrix)) };
    } else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === OPS.setStrokeRGBColor) state = { ...state, stroke: args?.[0] };
    else if (fn === OPS.setFillRGBColor) state = { ...state, fill: args?.[0] };
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!data) continue;
      const m = multiply(viewport, state.ctm);
      for (const p of pathToSubpaths(data, m)) {
        if (strokes.has(paint) && !isWhite(state.stroke)) out.push(...strokeRulings(p));
        if (fills.has(paint) && !isWhite(state.fill)) out.push(...fillRulings(p));
      }
    }
  }
  return out;
}

export const isHorizontal = (r: Ruling) => Math.abs(r.y1 - r.y0) <= Math.abs(r.x1 - r.x0);

/**
 * Rulings cleaned for table finding: horizontal and vertical ones apart, collinear pieces (within `snap` on the
 * cross axis) joined where they overlap or leave gaps up to `join`, duplicates gone. Sorted top-down, left-right.
 */
export function mergeRulings(rulings: Ruling[], snap: number, join: number): Ruling[] {
  const merge = (items: { at: number; a: number; b: number }[]) => {
    items.sort((p, q) => p.at - q.at || p.a - q.a);
    const lanes: { at: number[]; segs: { a: number; b: number }[] }[] = [];
    for (const it of items) {
      const lane = lanes.find((l) => Math.abs(l.at[0]! - it.at) <= snap);
      if (lane) {
        lane.at.push(it.at);
        lane.segs.push({ a: it.a, b: it.b });
      } else lanes.push({ at: [it.at], segs: [{ a: it.a, b: it.b }] });
    }
    const out: { at: number; a: number; b: number }[] = [];
    for (const lane of lanes) {
      const at = lane.at.reduce((s, v) => s + v, 0) / lane.at.length;
      lane.segs.sort((p, q) => p.a - q.a);
      let cur: { a: number; b: number } | null = null;
      for (const s of lane.segs) {
        if (cur && s.a <= cur.b + join) cur.b = Math.max(cur.b, s.b);
        else {
          if (cur) out.push({ at, ...cur });
          cur = { ...s };
        }
      }
      if (cur) out.push({ at, ...cur });
    }
    return out;
  };
  const hs = merge(rulings.filter(isHorizontal).map((r) => ({ at: (r.y0 + r.y1) / 2, a: r.x0, b: r.x1 })));
  const vs = merge(rulings.filter((r) => !isHorizontal(r)).map((r) => ({ at: (r.x0 + r.x1) / 2, a: r.y0, b: r.y1 })));
  const round = (x: number) => Math.round(x * 100) / 100;
  return [
    ...hs.map((h) => ({ x0: round(h.a), y0: round(h.at), x1: round(h.b), y1: round(h.at) })),
    ...vs.map((v) => ({ x0: round(v.at), y0: round(v.a), x1: round(v.at), y1: round(v.b) })),
  ];
}
