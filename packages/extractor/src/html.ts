/**
 * HTML → text pieces and tables, in document order, with a real parser (htmlparser2).
 *
 * `<table>` becomes a grid (rowspan/colspan placed the HTML way: each cell takes the first column not held by
 * a rowspan from above); `<thead>` rows and rows of only `<th>` are header rows; a table nested in a cell is
 * its own table, emitted after its parent with `parentKey` set. Text in `<p>`, `<li>`, `<h1>`–`<h6>` and bare
 * text outside tables become text pieces (paragraph / bullet / heading).
 */

import type { BlockKind, Table, TableCell } from '@shiryo/model';
import { BULLET_MARKS, classBody } from '@shiryo/model';
import { DomUtils, parseDocument } from 'htmlparser2';
import { emptyTable, type KeySource, makeCell, type RowIssue } from './draft.js';
import { LimitExceeded, MAX_COLSPAN, MAX_HTML_DEPTH, MAX_SPAN_CELLS } from './limits.js';
import { applyRepairs, SHAPE_REPAIRS } from './repairs/index.js';
import { reconcileRowWidths } from './repairs/reconcile.js';
import { cleanText, isMissingMarker, isNumericData } from './text.js';

const LEADING_BULLETS = new RegExp(`^(?:[${classBody(BULLET_MARKS)}\\-*]\\s*)+`, 'u');

type HtmlDocument = ReturnType<typeof parseDocument>;
type HtmlNode = HtmlDocument['children'][number];
type HtmlElement = Parameters<typeof DomUtils.getAttributeValue>[0];

export interface HtmlText {
  kind: 'text';
  blockKind: BlockKind;
  text: string;
  orig: string;
  level?: number;
  /** Offset of the element in the parsed string. */
  offset: number;
}

export interface HtmlTable {
  kind: 'table';
  key: number;
  parentKey?: number;
  table: Table;
  issues: RowIssue[];
  offset: number;
}

export type HtmlPiece = HtmlText | HtmlTable;

const SKIP = new Set(['script', 'style', 'head', 'template', 'noscript', 'title', 'meta', 'link']);
const TEXT_BLOCK = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'blockquote', 'pre', 'address']);
const BLOCK = new Set([
  ...TEXT_BLOCK,
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'ul',
  'ol',
  'dl',
  'body',
  'html',
  'figure',
  'figcaption',
  'form',
  'fieldset',
  'center',
  'tr',
  'td',
  'th',
  'caption',
  'hr',
]);

const isElement = (n: HtmlNode): n is HtmlElement => DomUtils.isTag(n);
const hasTable = (el: HtmlElement) => DomUtils.findOne((e) => e.name === 'table', el.children, true) !== null;

/** Raw text of a node: `<br>` and block boundaries become newlines; nested tables are left out. */
export function rawText(nodes: HtmlNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (DomUtils.isText(n)) out += n.data;
    else if (isElement(n)) {
      const name = n.name.toLowerCase();
      if (SKIP.has(name) || name === 'table') continue;
      if (name === 'br') out += '\n';
      else if (BLOCK.has(name)) out += `\n${rawText(n.children)}\n`;
      else out += rawText(n.children);
    }
  }
  return out;
}

/** Raw text with the newlines that block boundaries introduced squeezed, for `orig`. */
const tidyRaw = (s: string) => s.replace(/[ \t]*\n[\s]*/g, '\n').trim();

function textPiece(el: HtmlElement | null, orig: string, offset: number): HtmlText | null {
  const name = el?.name.toLowerCase() ?? '';
  let text = cleanText(orig);
  if (!text) return null;
  let blockKind: BlockKind = 'paragraph';
  let level: number | undefined;
  if (name === 'li') {
    blockKind = 'bullet';
    text = text.replace(LEADING_BULLETS, '');
  } else if (/^h[1-6]$/.test(name)) {
    blockKind = 'heading';
    level = Number(name[1]);
  } else if (name === 'caption') blockKind = 'caption';
  const piece: HtmlText = { kind: 'text', blockKind, text, orig: tidyRaw(orig), offset };
  if (level !== undefined) piece.level = level;
  return piece;
}

/** Tables among these nodes that no other table among them contains. */
function outermostTables(nodes: HtmlNode[]): HtmlElement[] {
  const found: HtmlElement[] = [];
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (n.name.toLowerCase() === 'table') found.push(n);
    else found.push(...outermostTables(n.children));
  }
  return found;
}

/** `<tr>`s of this table, not of tables nested in it, with whether they sit in `<thead>`. */
function tableRows(table: HtmlElement): { tr: HtmlElement; thead: boolean }[] {
  const rows: { tr: HtmlElement; thead: boolean }[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    const name = child.name.toLowerCase();
    if (name === 'tr') rows.push({ tr: child, thead: false });
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      for (const tr of child.children) {
        if (isElement(tr) && tr.name.toLowerCase() === 'tr') rows.push({ tr, thead: name === 'thead' });
      }
    }
  }
  return rows;
}

const isCell = (e: HtmlElement) => e.name === 'td' || e.name === 'th';

const spanOf = (el: HtmlElement, attr: string, max: number): number => {
  const n = Number.parseInt(DomUtils.getAttributeValue(el, attr) ?? '1', 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  return n === 0 ? max : Math.min(n, max);
};

/**
 * Place the cells of a `<table>` on a grid and collect the tables nested in its cells. A rowspan is clipped at the
 * last row; a colspan at the number of cells of the table's widest row or MAX_COLSPAN, whichever is more (a
 * `colspan="100000000"` would make the table that wide; a real colspan spans at most a few more columns than a row
 * has cells: 目標値 | 考え方 colspan=3 over two-cell rows). Both are reported.
 */
function tableToPieces(table: HtmlElement, keys: KeySource, line: number | undefined, parentKey?: number): HtmlPiece[] {
  const rows = tableRows(table);
  const nested: HtmlElement[] = [];
  const occupied: boolean[][] = rows.map(() => []);
  const cells: TableCell[] = [];
  const issues: RowIssue[] = [];
  let headerRows = 0;
  let inHeader = true;
  let nCols = 0;
  let covered = 0;
  const widest = rows.reduce(
    (w, { tr }) => Math.max(w, tr.children.filter(isElement).filter(isCell).length),
    MAX_COLSPAN,
  );
  rows.forEach(({ tr, thead }, r) => {
    const tds = tr.children.filter(isElement).filter(isCell);
    const isHeader = inHeader && (thead || (tds.length > 0 && tds.every((e) => e.name === 'th')));
    if (isHeader) headerRows = r + 1;
    else inHeader = false;
    let c = 0;
    for (const td of tds) {
      while (occupied[r]![c]) c++;
      const wanted = Number.parseInt(DomUtils.getAttributeValue(td, 'rowspan') ?? '1', 10);
      const rowSpan = spanOf(td, 'rowspan', rows.length - r);
      const colSpan = spanOf(td, 'colspan', widest);
      if (Number.isFinite(wanted) && wanted > rowSpan) {
        issues.push({
          code: 'HTML_ROWSPAN_CLIPPED',
          severity: 'info',
          message: `rowspan=${wanted} reaches past the last row; clipped to ${rowSpan}`,
          row: r,
        });
      }
      const wantedCol = Number.parseInt(DomUtils.getAttributeValue(td, 'colspan') ?? '1', 10);
      if (Number.isFinite(wantedCol) && wantedCol > colSpan) {
        issues.push({
          code: 'HTML_COLSPAN_CLIPPED',
          severity: 'info',
          message: `colspan=${wantedCol} is more than the table's widest row (${widest} cells, or ${MAX_COLSPAN}); clipped to ${colSpan}`,
          row: r,
        });
      }
      covered += rowSpan * colSpan;
      if (covered > MAX_SPAN_CELLS) {
        throw new LimitExceeded(
          'TOO_LARGE',
          `an HTML table whose rowspans and colspans cover more than ${MAX_SPAN_CELLS} grid positions`,
        );
      }
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) occupied[rr]![cc] = true;
      const orig = rawText(td.children);
      const role = isHeader ? 'header' : td.name === 'th' ? 'stub' : 'body';
      const cell = makeCell(r, c, { orig: tidyRaw(orig), text: cleanText(orig), rowSpan, colSpan, role });
      cells.push(cell);
      nCols = Math.max(nCols, c + colSpan);
      c += colSpan;
      nested.push(...outermostTables(td.children));
    }
  });
  const captionEl = table.children.find((e) => isElement(e) && e.name === 'caption');
  const captionText = captionEl && isElement(captionEl) ? cleanText(rawText(captionEl.children)) : '';
  const offset = table.startIndex ?? 0;
  const out: HtmlPiece[] = [];
  const sheet = sheetSegments(cells, rows.length, nCols);
  let firstKey: number | undefined;
  for (const seg of sheet) {
    // The last line over a table names it (its caption); the lines above are the sheet's title and notes. A unit
    // line (`（単位：千円、％）`) is no name: it stays a line over the table, where a unit line is read.
    let captionAt = seg.titles.length - 1;
    while (captionAt > 0 && UNIT_LINE.test(seg.titles[captionAt]!.text)) captionAt--;
    for (const [i, title] of seg.titles.entries()) {
      if (i === captionAt && seg.cells.length > 0) continue;
      out.push({
        kind: 'text',
        blockKind: out.length === 0 && i === 0 && !/\d{1,2}月/.test(title.text) ? 'heading' : 'paragraph',
        ...(out.length === 0 && i === 0 ? { level: 1 } : {}),
        text: title.text,
        orig: title.orig,
        offset,
      } as HtmlText);
    }
    if (seg.cells.length === 0) continue;
    let t = emptyTable('html', line, seg.cells, seg.nRows, nCols);
    t.headerRows = Math.max(0, Math.min(seg.nRows, headerRows - seg.start));
    const lastTitle = seg.titles[captionAt]?.text;
    if (captionText && seg === sheet[0]) t.caption = captionText;
    else if (lastTitle) t.caption = lastTitle;
    if (seg.titles.length > 0) t.quality.repairs.push('liftSheetTitleRows');
    t = applyRepairs(reconcileRowWidths(t), SHAPE_REPAIRS);
    const segIssues =
      seg.start === 0 && seg.nRows === rows.length
        ? issues
        : issues
            .filter((x) => x.row >= seg.start && x.row < seg.start + seg.nRows)
            .map((x) => ({ ...x, row: x.row - seg.start }));
    segIssues.push(...shortRowIssues(t));
    const key = keys();
    firstKey ??= key;
    const piece: HtmlTable = { kind: 'table', key, table: t, issues: segIssues, offset };
    if (parentKey !== undefined) piece.parentKey = parentKey;
    out.push(piece);
  }
  for (const n of nested) out.push(...tableToPieces(n, keys, line, firstKey ?? parentKey));
  return out;
}

/** A line that only states the unit of a table: `（単位：千円、％）`, `単位：人/月`. */
const UNIT_LINE = /^[(（]?\s*単位\s*[:：][^。()（）]{1,16}[)）]?$/u;

interface SheetSegment {
  /** Title lines over the table (rows of one text across the sheet), top to bottom. */
  titles: { text: string; orig: string }[];
  /** The table's cells, rows counted from its first row. */
  cells: TableCell[];
  /** First row of the table in the original grid, and its number of rows. */
  start: number;
  nRows: number;
}

/**
 * A spreadsheet saved as HTML (Excel's 「Webページとして保存」, LibreOffice Calc) is one `<table>` for the whole sheet:
 * the sheet's title, a line with the date and the department, and each table's caption (`表1 …`) are rows of one
 * cell (often `colspan` across the sheet), and several tables may follow one another in it. Family: whole-sheet
 * HTML exports. A title row is a row whose only text is one data cell (`<td>`) in the first column that is not a
 * number, spanning at least 60 % of the sheet or set above every row of two cells or more, or a row whose only text is
 * a unit line wherever it stands (Excel users right-align `（単位：千円）` over the last columns); rows of nothing are dropped around them. The rows above
 * the first table are its titles; further down, a title row splits the sheet only where a row with no number
 * (a header) follows it — a group heading over data rows (`訪問系サービス`) stays inside its table. No rowspan may
 * cross a split. A sheet without title rows is one segment, unchanged.
 */
function sheetSegments(cells: TableCell[], nRows: number, nCols: number): SheetSegment[] {
  const byRow: TableCell[][] = Array.from({ length: nRows }, () => []);
  for (const c of cells) byRow[c.row]!.push(c);
  const texts = (r: number) => byRow[r]!.filter((c) => c.text !== '');
  // Rows a rowspan from a row above reaches into, counted once (a per-row scan of every cell is quadratic).
  const coveredFromAbove = new Array<number>(nRows + 1).fill(0);
  for (const c of cells) {
    if (c.rowSpan <= 1) continue;
    coveredFromAbove[c.row + 1]! += 1;
    coveredFromAbove[Math.min(nRows, c.row + c.rowSpan)]! -= 1;
  }
  for (let r = 1; r <= nRows; r++) coveredFromAbove[r]! += coveredFromAbove[r - 1]!;
  const crosses = (r: number) => coveredFromAbove[r]! > 0;
  const isNumber = (t: string) => /^[\d,.\s%％▲△-]+$/.test(t);
  let multiSeen = false;
  const title: boolean[] = [];
  const empty: boolean[] = [];
  for (let r = 0; r < nRows; r++) {
    const ts = texts(r);
    empty[r] = ts.length === 0 && !crosses(r);
    // A title starts in the sheet's first column and is a data cell (a `<th>` row is a header, however empty).
    const one =
      ts.length === 1 && !isNumber(ts[0]!.text) && ts[0]!.rowSpan === 1 && ts[0]!.col === 0 && ts[0]!.role !== 'header';
    title[r] =
      (one && nCols >= 3 && (!multiSeen || ts[0]!.colSpan >= Math.max(2, Math.ceil(nCols * 0.6)))) ||
      // a unit line set right-aligned over the table's last columns (`（単位：千円、％）`) is a line over it too
      (ts.length === 1 && ts[0]!.rowSpan === 1 && ts[0]!.role !== 'header' && UNIT_LINE.test(ts[0]!.text));
    if (ts.length >= 2) multiSeen = true;
  }
  const headerLike = (r: number) => {
    const ts = texts(r);
    return ts.length >= 2 && ts.every((c) => !isNumber(c.text));
  };
  // Split points: title rows followed (after empty rows) by a header-like row, or leading title rows.
  const segments: SheetSegment[] = [];
  let r = 0;
  let titles: SheetSegment['titles'] = [];
  let start = -1;
  const close = (end: number) => {
    if (start < 0) return;
    let last = end;
    while (last > start && empty[last - 1]) last--;
    const segCells: TableCell[] = [];
    for (let rr = start; rr < last; rr++)
      for (const c of byRow[rr]!)
        segCells.push({ ...c, row: c.row - start, rowSpan: Math.min(c.rowSpan, last - c.row) });
    segments.push({ titles, cells: segCells, start, nRows: last - start });
    titles = [];
    start = -1;
  };
  while (r < nRows) {
    if (start < 0 && (empty[r] || title[r])) {
      if (title[r]) titles.push({ text: texts(r)[0]!.text, orig: texts(r)[0]!.orig });
      r++;
      continue;
    }
    if (start >= 0 && title[r] && !crosses(r)) {
      let next = r + 1;
      while (next < nRows && (empty[next] || title[next])) next++;
      if (next >= nRows || headerLike(next)) {
        close(r);
        continue;
      }
    }
    if (start < 0) start = r;
    r++;
  }
  close(nRows);
  if (segments.length === 0) return [{ titles, cells: [], start: 0, nRows: 0 }];
  if (titles.length > 0) segments.push({ titles, cells: [], start: nRows, nRows: 0 });
  if (segments.length === 1 && segments[0]!.titles.length === 0) return [{ titles: [], cells, start: 0, nRows }];
  return segments;
}

/** Body rows that end before the table's last column: cells kept left-aligned, missing values left empty. */
export function shortRowIssues(t: Table): RowIssue[] {
  const ends = new Array<number>(t.nRows).fill(0);
  const labels: string[][] = Array.from({ length: t.nRows }, () => []);
  for (const c of t.cells) {
    for (let r = c.row; r < Math.min(t.nRows, c.row + c.rowSpan); r++) {
      ends[r] = Math.max(ends[r]!, c.col + c.colSpan);
      if (c.text && !isNumericData(c.text) && !isMissingMarker(c.text)) labels[r]!.push(c.text);
    }
  }
  const issues: RowIssue[] = [];
  for (let r = t.headerRows; r < t.nRows; r++) {
    if (ends[r]! >= t.nCols) continue;
    const label = labels[r]!.slice(0, 3).join(' / ');
    issues.push({
      code: 'HTML_ROW_SHORT',
      severity: 'warn',
      message:
        `row ${r} (${label.length > 60 ? `${label.slice(0, 60)}…` : label}) covers ${ends[r]} of ${t.nCols} columns: ` +
        'its cells are kept left-aligned after the row labels and the missing positions left empty',
      row: r,
    });
  }
  return issues;
}

/**
 * A definition list as the lines it means: each `<dt>` with each `<dd>` after it, one line `term：definition`
 * (`<dt>目標（令和8年度）</dt><dd>4,000人以上</dd>` → `目標（令和8年度）：4,000人以上`), as a label and its value are
 * written in text; `<div>` wrappers of a pair (HTML5) are looked through. Null when the list is not such pairs (a
 * `<dd>` of several lines or blocks, a term alone, a `<dd>` before any `<dt>`): it is then read block by block.
 */
function definitionPairs(dl: HtmlElement): HtmlText[] | null {
  const items: HtmlElement[] = [];
  const collect = (nodes: HtmlNode[]) => {
    for (const c of nodes) {
      if (!isElement(c)) continue;
      const t = c.name.toLowerCase();
      if (t === 'dt' || t === 'dd') items.push(c);
      else if (t === 'div') collect(c.children);
    }
  };
  collect(dl.children);
  const out: HtmlText[] = [];
  let term: string | null = null;
  let defined = true;
  for (const el of items) {
    const text = cleanText(rawText(el.children));
    if (el.name.toLowerCase() === 'dt') {
      if (!defined || !text) return null;
      term = text;
      defined = false;
      continue;
    }
    const blocks = el.children.some((c) => isElement(c) && BLOCK.has(c.name.toLowerCase()) && c.name !== 'br');
    if (term === null || !text || blocks || /\n/u.test(text)) return null;
    const p = textPiece(null, `${term}：${text}`, el.startIndex ?? 0);
    if (p) out.push(p);
    defined = true;
  }
  return defined && out.length ? out : null;
}

/** Walk nodes in order, emitting text pieces and tables. */
function walk(nodes: HtmlNode[], keys: KeySource, line: number | undefined, out: HtmlPiece[]): void {
  let inline = '';
  let inlineAt = 0;
  const flush = () => {
    const p = textPiece(null, inline, inlineAt);
    if (p) out.push(p);
    inline = '';
  };
  for (const n of nodes) {
    if (DomUtils.isText(n)) {
      if (!inline.trim()) inlineAt = n.startIndex ?? 0;
      inline += n.data;
      continue;
    }
    if (!isElement(n)) continue;
    const name = n.name.toLowerCase();
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      inline += '\n';
      continue;
    }
    if (name === 'table') {
      flush();
      out.push(...tableToPieces(n, keys, line));
    } else if (name === 'dl' && !hasTable(n) && definitionPairs(n)) {
      flush();
      out.push(...definitionPairs(n)!);
    } else if (TEXT_BLOCK.has(name) && !hasTable(n)) {
      flush();
      const p = textPiece(n, rawText(n.children), n.startIndex ?? 0);
      if (p) out.push(p);
    } else if (BLOCK.has(name) || hasTable(n)) {
      flush();
      walk(n.children, keys, line, out);
    } else {
      if (!inline.trim()) inlineAt = n.startIndex ?? 0;
      inline += rawText([n]);
    }
  }
  flush();
}

/**
 * Parse HTML, refusing markup nested deeper than MAX_HTML_DEPTH (the readers below recurse once per level; a
 * document nested 10,000 deep would overflow the stack). The depth is measured without recursion.
 */
function parseHtml(html: string, options?: Parameters<typeof parseDocument>[1]): HtmlDocument {
  const doc = parseDocument(html, options);
  const stack: [HtmlNode, number][] = doc.children.map((n) => [n, 1]);
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    if (depth > MAX_HTML_DEPTH) {
      throw new LimitExceeded('TOO_LARGE', `HTML elements nested more than ${MAX_HTML_DEPTH} deep`);
    }
    if (isElement(n)) for (const c of n.children) stack.push([c, depth + 1]);
  }
  return doc;
}

/** Parse an HTML document or fragment into text pieces and tables. `line` is stamped on tables when given. */
export function htmlToPieces(html: string, keys: KeySource, line?: number): HtmlPiece[] {
  const doc = parseHtml(html, { withStartIndices: true, decodeEntities: true });
  const out: HtmlPiece[] = [];
  walk(doc.children, keys, line, out);
  return out;
}

/** The `<title>` of an HTML document, if any. */
export function htmlTitle(html: string): string | null {
  const doc = parseHtml(html);
  const title = DomUtils.findOne((e) => e.name === 'title', doc.children, true);
  const text = title ? cleanText(DomUtils.textContent(title)) : '';
  return text || null;
}

/** Text of an HTML fragment (tags dropped, block boundaries as spaces): for `<p>…</p>` inside a TSV cell. */
export function htmlFragmentText(html: string): string {
  return cleanText(rawText(parseHtml(html).children));
}
