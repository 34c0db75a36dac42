/**
 * From facts to a table grid. A table is facts over a few dimensions (indicator, measure, year, kind); a layout
 * puts each dimension on the rows or the columns, stacks the column dimensions into 1–3 header rows (fusing two in
 * one cell, or adding a decorative group row above), and merges equal neighbouring labels by span, repetition or
 * blanks. Every value cell keeps the facts it states, so the truth follows the table through any layout.
 */
import type { Rng } from './rng.js';
import type { Expected } from './types.js';

export type DimName = 'ind' | 'meas' | 'year' | 'kind';
export type Merge = 'span' | 'repeat' | 'blank';
export type Role = 'corner' | 'head' | 'stub' | 'value' | 'unit' | 'guide' | 'hole';

export interface GCell {
  /** '\n' marks a line break inside the cell */
  text: string;
  rs: number;
  cs: number;
  role: Role;
}

/** cells[r][c] is null where a span covers it. */
export interface Grid {
  cells: (GCell | null)[][];
  headerRows: number;
  stubCols: number;
}

export interface DimValue {
  key: string;
  /** a decorative group above it (category of an indicator, plan term of a year) */
  group?: string;
}

export interface Dim {
  name: DimName;
  values: DimValue[];
}

/** One value cell: where it sits (its key on every dimension) and the observations it states. */
export interface Entry {
  k: Partial<Record<DimName, string>>;
  text: string;
  facts: Omit<Expected, 'evidence' | 'where'>[];
  /** evidence per fact when it is not the whole cell text */
  evidence?: string[];
}

export type HeaderRow = { dims: DimName[] } | { deco: 'group' | 'banner' | 'single'; dim?: DimName; text?: string };

export interface LayoutSpec {
  rows: DimName[];
  header: HeaderRow[];
}

export interface LayoutIn {
  dims: Dim[];
  yearsOn: 'cols' | 'rows';
  kindWithYears: boolean;
  levels: number;
  keepRows: DimName[];
  keepCols: DimName[];
  /** dims whose values have a group to show above them */
  groupable: DimName[];
  /** a banner text for a header row spanning every value column (and another, if a second is needed) */
  banner: string;
  banner2?: string;
  rng: Rng;
}

const ITEM_DIMS: DimName[] = ['ind', 'meas'];

/** Choose rows and header rows reaching exactly `levels` header rows. */
export function planLayout(o: LayoutIn): LayoutSpec {
  const n = (d: DimName) => o.dims.find((x) => x.name === d)?.values.length ?? 0;
  const multi = o.dims.filter((d) => d.values.length > 1).map((d) => d.name);
  const yearSide = o.yearsOn;
  const other = yearSide === 'cols' ? 'rows' : 'cols';
  const side = new Map<DimName, 'rows' | 'cols'>();
  for (const d of multi) {
    if (d === 'year') side.set(d, yearSide);
    else if (d === 'kind') side.set(d, o.kindWithYears ? yearSide : other);
    else side.set(d, other);
  }
  for (const d of o.keepRows) if (d !== 'year' && d !== 'kind' && multi.includes(d)) side.set(d, 'rows');
  for (const d of o.keepCols) if (d !== 'year' && d !== 'kind' && multi.includes(d)) side.set(d, 'cols');

  const order: DimName[] = ['ind', 'meas', 'year', 'kind'];
  const colOrder = (): DimName[] => {
    const c = order.filter((d) => side.get(d) === 'cols');
    // years and kinds: year-major (R3 見込 実績 | R4 …) or kind-major (見込 R3 R4 | 実績 R3 R4)
    if (c.includes('year') && c.includes('kind') && kindMajor) {
      const i = c.indexOf('year');
      const j = c.indexOf('kind');
      [c[i], c[j]] = [c[j] as DimName, c[i] as DimName];
    }
    return c;
  };
  const kindMajor = o.rng.chance(0.5);
  let rows = order.filter((d) => side.get(d) === 'rows');
  let cols = colOrder();
  const singles = o.dims.filter((d) => d.values.length === 1 && ITEM_DIMS.includes(d.name)).map((d) => d.name);
  // A single-valued item dim that must be shown on a side goes there.
  for (const d of o.keepRows) if (singles.includes(d) && !rows.includes(d)) rows = [d, ...rows];
  if (rows.length === 0) {
    const stub = n('meas') >= 1 ? 'meas' : 'ind';
    const movable = cols.filter((d) => ITEM_DIMS.includes(d) && !o.keepCols.includes(d));
    if (singles.includes(stub)) rows = [stub];
    else if (movable.length) {
      rows = [movable[0] as DimName];
      cols = cols.filter((d) => d !== movable[0]);
    } else rows = [singles[0] ?? 'ind'];
  }
  let header: HeaderRow[] = cols.map((d) => ({ dims: [d] }));
  for (const d of o.keepCols)
    if (singles.includes(d) && !rows.includes(d)) header = [{ deco: 'single', dim: d }, ...header];

  const semanticCount = () => header.filter((h) => 'dims' in h).length;
  while (header.length > o.levels) {
    // Move an item dimension to the rows first (keeps the header plain), else fuse two header rows.
    const movable = header.findIndex(
      (h) =>
        'dims' in h &&
        h.dims.length === 1 &&
        ITEM_DIMS.includes(h.dims[0] as DimName) &&
        !o.keepCols.includes(h.dims[0] as DimName),
    );
    if (movable >= 0 && semanticCount() > 1) {
      const d = (header[movable] as { dims: DimName[] }).dims[0] as DimName;
      header.splice(movable, 1);
      rows = order.filter((x) => x === d || rows.includes(x));
      continue;
    }
    const deco = header.findIndex((h) => !('dims' in h) && h.deco !== 'single');
    if (deco >= 0) {
      header.splice(deco, 1);
      continue;
    }
    // fuse the innermost two semantic rows (or a single-dim label with the row under it)
    let i = header.length - 2;
    while (i > 0 && !('dims' in (header[i] as HeaderRow) && 'dims' in (header[i + 1] as HeaderRow))) i--;
    const a = header[i] as HeaderRow;
    const b = header[i + 1] as HeaderRow;
    const dimsOf = (h: HeaderRow): DimName[] => ('dims' in h ? h.dims : h.dim ? [h.dim] : []);
    header.splice(i, 2, { dims: [...dimsOf(a), ...dimsOf(b)] });
  }
  const used = new Set<string>();
  let guard = 0;
  while (header.length < o.levels && guard++ < 10) {
    const options: (() => boolean)[] = [];
    const colDims = header.flatMap((h) => ('dims' in h ? h.dims : []));
    for (const d of singles)
      if (!rows.includes(d) && !used.has(`single:${d}`))
        options.push(() => {
          header = [{ deco: 'single', dim: d }, ...header];
          used.add(`single:${d}`);
          return true;
        });
    for (const d of o.groupable)
      if (colDims.includes(d) && !used.has(`group:${d}`))
        options.push(() => {
          const at = header.findIndex((h) => 'dims' in h && h.dims.includes(d));
          header.splice(at, 0, { deco: 'group', dim: d });
          used.add(`group:${d}`);
          return true;
        });
    const movableRows = rows.filter((d) => ITEM_DIMS.includes(d) && !o.keepRows.includes(d) && multi.includes(d));
    if (rows.length >= 2 && movableRows.length)
      options.push(() => {
        const d = movableRows[0] as DimName;
        rows = rows.filter((x) => x !== d);
        header = [{ dims: [d] }, ...header];
        return true;
      });
    const pick = options.length ? o.rng.pick(options) : undefined;
    if (pick) {
      pick();
      continue;
    }
    if (!used.has('banner')) {
      header = [{ deco: 'banner', text: o.banner }, ...header];
      used.add('banner');
      continue;
    }
    // split a fused row again
    const fused = header.findIndex((h) => 'dims' in h && h.dims.length > 1);
    if (fused >= 0) {
      const f = header[fused] as { dims: DimName[] };
      header.splice(fused, 1, ...f.dims.map((d) => ({ dims: [d] })));
      continue;
    }
    header = [{ deco: 'banner', text: o.banner2 ?? o.banner }, ...header];
  }
  return { rows, header };
}

export interface GridIn {
  dims: Dim[];
  layout: LayoutSpec;
  entries: Entry[];
  /** label of a dim value for the column or row it heads; full = the whole key of that column/row */
  label: (dim: DimName, key: string, full: Partial<Record<DimName, string>>) => string;
  /** fuse labels of several dims in one header cell */
  fuse: (dims: DimName[], labels: string[]) => string;
  stubHeader: (dim: DimName) => string;
  merge: Merge;
  missing: string;
  /** extra stub column after the row dims: 単位 with a text per row */
  unitCol?: { header: string; text: (rowKey: Partial<Record<DimName, string>>) => string };
  /** a text column after the stubs (国の基本指針): no observations */
  guideCol?: { header: string; text: (rowKey: Partial<Record<DimName, string>>) => string };
  /** corner text (first stub column's header), replaces its stub header */
  corner?: string;
}

type Key = Partial<Record<DimName, string>>;

function keysOf(dims: DimName[], all: Dim[], entries: Entry[]): Key[] {
  const out: Key[] = [];
  const rec = (i: number, acc: Key) => {
    if (i === dims.length) {
      if (entries.some((e) => dims.every((d) => e.k[d] === acc[d]))) out.push({ ...acc });
      return;
    }
    const d = dims[i] as DimName;
    for (const v of all.find((x) => x.name === d)?.values ?? []) rec(i + 1, { ...acc, [d]: v.key });
  };
  rec(0, {});
  return out;
}

export interface BuiltGrid {
  grid: Grid;
  /** per fact: its cell's text and where it sits (row label | column label) */
  placed: { entry: Entry; where: string }[];
}

/** Lay the entries out as a grid. */
export function buildGrid(g: GridIn): BuiltGrid {
  const rowDims = g.layout.rows;
  const colDims = g.layout.header.flatMap((h) => ('dims' in h ? h.dims : []));
  const rowKeys = keysOf(rowDims, g.dims, g.entries);
  const colKeys = keysOf(colDims, g.dims, g.entries);
  const singleKey: Key = {};
  for (const d of g.dims) if (d.values.length === 1) singleKey[d.name] = d.values[0]?.key;
  const groupOf = (dim: DimName, key: string) =>
    g.dims.find((d) => d.name === dim)?.values.find((v) => v.key === key)?.group ?? '';

  const extra = (g.unitCol ? 1 : 0) + (g.guideCol ? 1 : 0);
  const stubCols = rowDims.length + extra;
  const h = g.layout.header.length;
  const nCols = stubCols + colKeys.length;
  const nRows = h + rowKeys.length;
  const cells: (GCell | null)[][] = Array.from({ length: nRows }, () => Array.from({ length: nCols }, () => null));
  const put = (r: number, c: number, cell: GCell) => {
    (cells[r] as (GCell | null)[])[c] = cell;
  };

  // Header texts per header row and column.
  const headText: string[][] = g.layout.header.map((hr) =>
    colKeys.map((ck) => {
      const full = { ...singleKey, ...ck };
      if ('dims' in hr)
        return g.fuse(
          hr.dims,
          hr.dims.map((d) => g.label(d, ck[d] as string, full)),
        );
      if (hr.deco === 'banner') return hr.text ?? '';
      if (hr.deco === 'single' && hr.dim) return g.label(hr.dim, singleKey[hr.dim] as string, full);
      if (hr.deco === 'group' && hr.dim) return groupOf(hr.dim, ck[hr.dim] as string);
      return '';
    }),
  );
  for (let r = 0; r < h; r++) {
    let c = 0;
    while (c < colKeys.length) {
      const text = headText[r]?.[c] ?? '';
      let span = 1;
      const samePrefix = (a: number, b: number) => {
        for (let rr = 0; rr <= r; rr++) if (headText[rr]?.[a] !== headText[rr]?.[b]) return false;
        return true;
      };
      while (c + span < colKeys.length && samePrefix(c, c + span)) span++;
      if (span > 1 && g.merge === 'span') {
        put(r, stubCols + c, { text, rs: 1, cs: span, role: 'head' });
      } else {
        for (let i = 0; i < span; i++)
          put(r, stubCols + c + i, { text: i === 0 || g.merge === 'repeat' ? text : '', rs: 1, cs: 1, role: 'head' });
      }
      c += span;
    }
  }

  // Corner: one header cell per stub column.
  const stubHeads: { text: string; role: Role }[] = [
    ...rowDims.map((d, i) => ({
      text: i === 0 && g.corner !== undefined ? g.corner : g.stubHeader(d),
      role: 'corner' as Role,
    })),
    ...(g.unitCol ? [{ text: g.unitCol.header, role: 'corner' as Role }] : []),
    ...(g.guideCol ? [{ text: g.guideCol.header, role: 'corner' as Role }] : []),
  ];
  stubHeads.forEach((s, c) => {
    if (g.merge === 'span' && h > 1) {
      put(0, c, { text: s.text, rs: h, cs: 1, role: s.role });
    } else {
      for (let r = 0; r < h; r++) put(r, c, { text: r === h - 1 ? s.text : '', rs: 1, cs: 1, role: s.role });
    }
  });

  // Stub (row labels) with vertical merging of outer dims.
  const rowText: string[][] = rowKeys.map((rk) =>
    rowDims.map((d) => g.label(d, rk[d] as string, { ...singleKey, ...rk })),
  );
  for (let ci = 0; ci < rowDims.length; ci++) {
    let r = 0;
    while (r < rowKeys.length) {
      const same = (a: number, b: number) => {
        for (let cc = 0; cc <= ci; cc++) if (rowText[a]?.[cc] !== rowText[b]?.[cc]) return false;
        return true;
      };
      let span = 1;
      if (ci < rowDims.length - 1) while (r + span < rowKeys.length && same(r, r + span)) span++;
      const text = rowText[r]?.[ci] ?? '';
      if (span > 1 && g.merge === 'span') put(h + r, ci, { text, rs: span, cs: 1, role: 'stub' });
      else
        for (let i = 0; i < span; i++)
          put(h + r + i, ci, { text: i === 0 || g.merge === 'repeat' ? text : '', rs: 1, cs: 1, role: 'stub' });
      r += span;
    }
  }
  rowKeys.forEach((rk, r) => {
    if (g.unitCol)
      put(h + r, rowDims.length, { text: g.unitCol.text({ ...singleKey, ...rk }), rs: 1, cs: 1, role: 'unit' });
  });
  if (g.guideCol) {
    // the guideline stands beside its indicator: merged over the indicator's rows like the indicator's own cell
    const c = rowDims.length + (g.unitCol ? 1 : 0);
    const texts = rowKeys.map((rk) => g.guideCol?.text({ ...singleKey, ...rk }) ?? '');
    let r = 0;
    while (r < rowKeys.length) {
      let span = 1;
      while (r + span < rowKeys.length && rowKeys[r + span]?.ind === rowKeys[r]?.ind) span++;
      const text = texts[r] ?? '';
      if (span > 1 && g.merge === 'span') put(h + r, c, { text, rs: span, cs: 1, role: 'guide' });
      else
        for (let i = 0; i < span; i++)
          put(h + r + i, c, { text: i === 0 || g.merge === 'repeat' ? text : '', rs: 1, cs: 1, role: 'guide' });
      r += span;
    }
  }

  // Values.
  const placed: BuiltGrid['placed'] = [];
  rowKeys.forEach((rk, r) => {
    colKeys.forEach((ck, c) => {
      const e = g.entries.find((x) => rowDims.every((d) => x.k[d] === rk[d]) && colDims.every((d) => x.k[d] === ck[d]));
      if (!e) {
        put(h + r, stubCols + c, { text: g.missing, rs: 1, cs: 1, role: 'hole' });
        return;
      }
      put(h + r, stubCols + c, { text: e.text, rs: 1, cs: 1, role: 'value' });
      const rowLabel = (rowText[r] ?? []).join(' / ');
      const colLabel = headText
        .map((t) => t[c] ?? '')
        .filter(Boolean)
        .join(' / ');
      placed.push({ entry: e, where: `${rowLabel} | ${colLabel}`.replace(/\n/g, ' ') });
    });
  });
  return { grid: { cells, headerRows: h, stubCols }, placed };
}

/**
 * The grid as a full matrix of texts. A span's text goes in its first cell ('first', the way a spreadsheet exports
 * it) or in every cell it covers ('repeat'), across columns and down rows separately.
 */
export function flatten(grid: Grid, across: 'first' | 'repeat', down: 'first' | 'repeat' = across): string[][] {
  const rows = grid.cells.map((r) => r.map(() => ''));
  grid.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      for (let i = 0; i < cell.rs; i++)
        for (let j = 0; j < cell.cs; j++) {
          const rr = rows[r + i];
          const show = (i === 0 || down === 'repeat') && (j === 0 || across === 'repeat');
          if (rr) rr[c + j] = show ? cell.text : '';
        }
    });
  });
  return rows;
}
