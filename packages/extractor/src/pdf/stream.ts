/**
 * Stream tables (no rulings): rows from text lines, cells from the wide gaps inside a line, column edges from
 * the x-extents of the body rows' cells (right-aligned numbers and left-aligned labels line up across rows), and
 * the header rows by position (the rows above the first row holding numbers).
 */
import type { BBox, TableCell, TextSpan } from '@shiryo/model';
import { emptyTable } from '../draft.js';
import { cleanText, isNumericData } from '../text.js';
import { centerX, overlap, roundBox, union } from './geometry.js';
import type { FoundTable } from './lattice.js';
import { joinLineTexts, type Line, lineSegments, type Segment } from './lines.js';
import type { StreamSettings } from './settings.js';

/** A line and its cells (segments). */
export interface Row {
  line: Line;
  segments: Segment[];
}

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
      /^(?:[0-9０-９]{1,2}[.．]?|[(（][0-9０-９]{1,2}[)）]|第[0-9０-９]{1,2}章?)$/u.test(r.segments[0]!.text.trim()));
  const flush = () => {
    while (cur.length && prose(cur[0]!)) cur.shift();
    while (cur.length && cur[cur.length - 1]!.segments.length < 2) cur.pop();
    if (cur.filter((r) => r.segments.length >= 2).length >= s.minRows) regions.push(cur);
    cur = [];
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const prev = cur[cur.length - 1];
    const multi = row.segments.length >= 2;
    if (prev && !close(prev, row)) flush();
    if (multi) cur.push(row);
    else if (cur.length) {
      // A one-cell line inside a table (a wrapped label, a row with one value) when a table row follows closely.
      const next = rows[i + 1];
      if (next && next.segments.length >= 2 && close(row, next)) cur.push(row);
      else flush();
    }
  }
  flush();
  return regions;
}

/** x-intervals of the columns: the union of the cells' extents in rows with two or more cells. */
export function columnIntervals(rows: Row[]): { x0: number; x1: number }[] {
  const spans = rows
    .filter((r) => r.segments.length >= 2)
    .flatMap((r) => r.segments.map((g) => ({ x0: g.bbox.x0, x1: g.bbox.x1 })))
    .sort((a, b) => a.x0 - b.x0);
  const out: { x0: number; x1: number }[] = [];
  for (const iv of spans) {
    const last = out[out.length - 1];
    if (last && iv.x0 <= last.x1) last.x1 = Math.max(last.x1, iv.x1);
    else out.push({ ...iv });
  }
  return out;
}

/**
 * Widen the body columns by the header cells that sit over exactly one of them (the lowest header row first), so
 * a header centred over two columns (`第7期計画` over `令和6年度 | 令和7年度`) is seen to span both.
 */
export function widenByHeaders(cols: { x0: number; x1: number }[], headers: Row[]): { x0: number; x1: number }[] {
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

/** Columns a segment covers: those it overlaps, else the nearest one. */
function columnsOf(g: Segment, cols: { x0: number; x1: number }[]): [number, number] {
  const hit = cols.map((c, i) => (overlap(g.bbox.x0, g.bbox.x1, c.x0, c.x1) > 0 ? i : -1)).filter((i) => i >= 0);
  if (hit.length) return [hit[0]!, hit[hit.length - 1]!];
  const cx = centerX(g.bbox);
  let best = 0;
  cols.forEach((c, i) => {
    const d = Math.min(Math.abs(cx - c.x0), Math.abs(cx - c.x1));
    const bd = Math.min(Math.abs(cx - cols[best]!.x0), Math.abs(cx - cols[best]!.x1));
    if (d < bd) best = i;
  });
  return [best, best];
}

/** Leading rows above the first row with a number in a cell other than its first: the header rows. */
export function headerRowCount(rows: Row[], max: number): number {
  // (`年 48回`, `延べ 360人`: a rate or a qualifier before the number still makes a value)
  const value = (t: string) => isNumericData(t.replace(/^(?:年間|月間|年|月|週|延べ|延|約)\s*(?=\d)/u, ''));
  const first = rows.findIndex((r) => r.segments.slice(1).some((g) => value(g.text)));
  return first > 0 && first <= max ? first : 0;
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
    if (!tight || !fits || under.every((a) => !a)) continue;
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

/** One region → one stream table (null when it has fewer than two columns). */
export function regionToTable(region: Row[], s: StreamSettings): FoundTable | null {
  const header = headerRowCount(region, s.maxHeaderRows);
  let cols = columnIntervals(region.slice(header));
  if (cols.length < 2) cols = columnIntervals(region);
  if (cols.length < 2) return null;
  cols = widenByHeaders(cols, region.slice(0, header));
  const drafts: { line: Line; cells: Draft[] }[] = [];
  region.forEach((row, i) => {
    const prev = drafts[drafts.length - 1];
    const only = row.segments.length === 1 ? row.segments[0]! : null;
    // A label that wrapped onto a line of its own, close under the row it belongs to.
    if (
      i > header &&
      prev &&
      only &&
      columnsOf(only, cols)[1] === 0 &&
      !isNumericData(only.text) &&
      row.line.bbox.y0 - prev.line.bbox.y1 <= s.wrapGap * row.line.size
    ) {
      const stub = prev.cells.find((c) => c.col === 0);
      if (stub) {
        stub.texts.push(only.text);
        stub.origs.push(only.orig);
        stub.boxes.push(only.bbox);
        prev.line = { ...prev.line, bbox: union([prev.line.bbox, row.line.bbox]) };
        return;
      }
    }
    const cells: Draft[] = [];
    for (const g of row.segments) {
      const [c0, c1] = columnsOf(g, cols);
      const same = cells.find((c) => c.col <= c1 && c0 <= c.col + c.colSpan - 1);
      if (same) {
        const end = Math.max(same.col + same.colSpan - 1, c1);
        same.col = Math.min(same.col, c0);
        same.colSpan = end - same.col + 1;
        same.texts.push(g.text);
        same.origs.push(g.orig);
        same.boxes.push(g.bbox);
      } else cells.push({ col: c0, colSpan: c1 - c0 + 1, texts: [g.text], origs: [g.orig], boxes: [g.bbox] });
    }
    drafts.push({ line: row.line, cells });
  });
  const headerRows = joinWrappedHeaderLines(drafts, header, s);
  const out: TableCell[] = [];
  drafts.forEach((d, r) => {
    const covered = new Set<number>();
    for (const c of d.cells) {
      for (let k = c.col; k < c.col + c.colSpan; k++) covered.add(k);
      out.push({
        row: r,
        col: c.col,
        rowSpan: 1,
        colSpan: c.colSpan,
        text: cleanText(c.texts.length > 1 ? joinLineTexts(c.texts) : c.texts[0]!),
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
  table.bbox = roundBox(union(region.map((r) => r.line.bbox)));
  const spans = new Set<TextSpan>(region.flatMap((r) => r.line.spans));
  return { table, spans };
}

/** Every stream table among the lines. */
export function streamTables(lines: Line[], s: StreamSettings): FoundTable[] {
  const out: FoundTable[] = [];
  for (const region of streamRegions(lines, s)) {
    const found = regionToTable(region, s);
    if (found && !looksLikeTextColumns(found)) out.push(found);
  }
  return out;
}

/**
 * Text set in newspaper columns lines up like a borderless table, but hardly any of its "cells" is a number: they
 * are the lines of wrapped text. Such a region is left to the reading order (pdf/columns.ts), not read as a table;
 * a borderless table without numbers holds no observations, and read by columns its text stays in order.
 */
export function looksLikeTextColumns(found: FoundTable): boolean {
  const texts = found.table.cells.map((c) => c.text).filter((t) => t !== '');
  if (texts.length === 0) return false;
  return texts.filter((t) => isNumericData(t)).length < 0.15 * texts.length;
}
