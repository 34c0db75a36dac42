/**
 * readCellLines — a table copied out of a web page (or read by `pdftotext` without -layout): one cell per line,
 *
 *     サービス名 / 単位 / 令和3年度 / 令和4年度 / 令和5年度          (the header block)
 *     居宅介護 / 時間/月 / 1,234 / 1,310 / 1,402                     (a row: label, unit, N values)
 *     人/月 / 56 / 58 / 60                                           (a row whose label is the one above)
 *
 * The shape repeats: a few label lines (a label, a unit, a group heading), then a run of value lines. N, the number
 * of value columns, is the commonest length of the value runs in a chain of such rows; a run of another length is
 * a misfit, kept with its label and reported. Blank lines between cells are ignored. The lines before the first row
 * are the header block, read as one row (stub heads then N heads), as rows of the table's width (a header the source
 * wrapped inside its cells: `区分 / 令和6年度 / … / (人/月) / (見込) / …`), or as periods over kinds (`令和3年度 /
 * 令和4年度` then `計画 / 実績 / 計画 / 実績`, each period spanning an even share). Evidence: three rows with N ≥ 2
 * values, or two under a header that fits and names periods or kinds. Some lines are read beside their neighbours
 * (`rereadCells`: a header cell repeated over its columns, a long row label, a count that looks like a year), and rows
 * of one width with a column of words among the values are read as such under a header that fits them (`evenRows`).
 * A web copy drops empty cells: rows shorter than a header of one cell a column are placed on the columns whose heads
 * fit their cells (`headedRows`), read before the chains.
 */
import { BOUND_WORDS } from '@shiryo/model';
import type { SourceLine } from '../blocks.js';
import { numberedHeadingLevel } from '../blocks.js';
import { PAGE_NUMBER } from '../continued.js';
import { cleanText, SENTENCE_PUNCT } from '../text.js';
import {
  type BodyRow,
  gridToTable,
  HEAD_FACTOR,
  type HeadCell,
  type HeadFit,
  joinWords,
  type LinearFind,
  placeTwoRows,
  round3,
  stubCells,
  stubWidth,
} from './grid.js';
import { CAPTION, placeHeaderCells } from './stack.js';
import {
  charWidth,
  isColumnHeadToken,
  isKindToken,
  isLabelPart,
  isSentence,
  isUnitToken,
  isValueToken,
  LIST_MARK,
  lineWords,
  type Token,
} from './tokens.js';

const MAX_CELL = 30;
/** A line that states the table's unit (`（単位：人）`, `単位：件/年`): a note over the table, no column's head. */
const UNIT_NOTE = /^[(（［[]?\s*単位\s*[:：]/u;
/** Label lines a row may have before its values (group heading or outer stub cells, label, unit, kind). */
const MAX_STUB = 4;
/** Lines a header block may have (three rows of a wide table). */
const MAX_HEAD_LINES = 40;

type Kind = 'value' | 'unit' | 'head' | 'label' | 'prose';

interface Cell {
  /** Index in the run. */
  at: number;
  orig: string;
  kind: Kind;
  /** The line's one word, when it is a value line. */
  word?: Token;
  /** The source line. */
  line: SourceLine;
}

function kindOf(line: SourceLine): { kind: Kind; word?: Token } {
  const t = line.text.replace(/\f/gu, '').trim();
  // (a long line is prose whatever its words: no need to read them)
  if ([...t].length > MAX_CELL) return { kind: 'prose' };
  const tokens = lineWords(line);
  if (tokens.length === 1 && isValueToken(tokens[0]!.text)) return { kind: 'value', word: tokens[0]! };
  if (isUnitToken(t)) return { kind: 'unit' };
  // (a sentence is prose even when it opens with a period: `令和4年度から令和6年度までの状況は、次のとおりです。`)
  if (isColumnHeadToken(t.replace(/\s+/gu, '')) && !isSentence(t)) return { kind: 'head' };
  if (
    isSentence(t) ||
    LIST_MARK.test(t) ||
    t.startsWith('#') ||
    PAGE_NUMBER.test(t) ||
    numberedHeadingLevel(cleanText(t)) !== null
  ) {
    return { kind: 'prose' };
  }
  return { kind: 'label' };
}

interface RawRow {
  stub: Cell[];
  values: Cell[];
}

/** Rows (label lines + a run of values) one after the other; a prose line or a long label block ends the chain. */
function chains(cells: Cell[]): { rows: RawRow[]; lead: Cell[] }[] {
  const out: { rows: RawRow[]; lead: Cell[] }[] = [];
  let rows: RawRow[] = [];
  let block: Cell[] = [];
  let stub: Cell[] = [];
  const close = () => {
    if (rows.length) out.push(splitLead(rows, block));
    rows = [];
    block = [];
  };
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c.kind === 'prose') {
      close();
      stub = [];
      continue;
    }
    if (c.kind !== 'value') {
      stub.push(c);
      continue;
    }
    let j = i;
    while (j < cells.length && cells[j]!.kind === 'value') j++;
    const values = cells.slice(i, j);
    i = j - 1;
    if (rows.length === 0 || stub.length > MAX_STUB) {
      // a new chain: the label lines before its first values hold the header block and the first row's labels
      close();
      block = stub;
      rows.push({ stub: [], values });
    } else rows.push({ stub, values });
    stub = [];
  }
  close();
  return out;
}

/**
 * The first row's label lines at the end of the block before it, the header block before them: as many as the
 * other rows of its width have at most (a row that writes every stub cell), else after the block's last column head.
 */
function splitLead(rows: RawRow[], block: Cell[]): { rows: RawRow[]; lead: Cell[] } {
  // (rows of as many values as the first: lines after the table's end may chain on and are cut later)
  const others = rows
    .slice(1)
    .filter((r) => r.values.length === rows[0]!.values.length)
    .map((r) => r.stub.length);
  let split = firstRowStub(block);
  if (others.length > 0) split = Math.max(0, block.length - Math.max(1, ...others));
  const [first, ...rest] = rows;
  return { rows: [{ stub: block.slice(split), values: first!.values }, ...rest], lead: block.slice(0, split) };
}

/** Where the first row's label lines start in the block before its values: after the last column head. */
function firstRowStub(block: Cell[]): number {
  let s = block.length;
  while (s > 0 && block.length - s < MAX_STUB && block[s - 1]!.kind !== 'head') s--;
  // a row labelled by a period (`令和3年度 / 120 / 130`)
  if (s === block.length && s > 0) s--;
  return s;
}

const mode = (xs: number[]): number => {
  const n = new Map<number, number>();
  let best = 0;
  for (const x of xs) {
    n.set(x, (n.get(x) ?? 0) + 1);
    if ((n.get(x) ?? 0) > (n.get(best) ?? 0)) best = x;
  }
  return best;
};

/**
 * The header block over `nStub` stub columns and `k` value columns (its cells' rows found by stack.ts), or a lower
 * row naming fewer columns under an upper row with a head standing over both; null when it fits neither. `used` is
 * the number of cells at the end of the block it takes.
 */
function placeHeaderBlock(
  lines: Cell[],
  nStub: number,
  k: number,
): { head: HeadCell[][]; fit: HeadFit; used: number; named: boolean } | null {
  // (the table's unit note over the header, `（単位：人）` first or after a caption, heads no column: the header is
  // below it, the note stays a line over the table — a unit line among the header's lines, `単位：人` under a banner
  // row, is the stub's corner cell)
  let top = 0;
  while (top < lines.length && CAPTION.test(cleanText(lines[top]!.orig))) top++;
  if (top < lines.length && UNIT_NOTE.test(cleanText(lines[top]!.orig))) lines = lines.slice(top + 1);
  const h = lines.length;
  if (h === 0) return null;
  const stack = placeHeaderCells(
    lines.map((c) => ({ orig: c.orig, text: cleanText(c.orig) })),
    nStub,
    k,
  );
  // a lower row naming fewer columns, under an upper row with a head standing over both rows
  let m = 0;
  while (m < h && lines[h - 1 - m]!.kind === 'head') m++;
  // (the longest upper row that places: a caption above the header stays prose)
  let two: HeadCell[][] | null = null;
  let from = 0;
  for (; from < h - m && m > 0 && !two; from++) {
    // (a caption, `表1 成果目標と実績`, heads no column)
    if (CAPTION.test(cleanText(lines[from]!.orig))) continue;
    two = placeTwoRows(
      lines.slice(from, h - m).map((c) => ({ orig: c.orig, text: cleanText(c.orig) })),
      lines.slice(h - m),
      nStub,
      k,
    );
  }
  const twoUsed = h - (from - 1);
  // (the reading that takes more of the block wins)
  if (stack && (!two || stack.used >= twoUsed))
    return { head: stack.head, fit: stack.named ? stack.fit : 'words', used: stack.used, named: stack.named };
  return two ? { head: two, fit: 'span', used: twoUsed, named: true } : null;
}

/**
 * Body rows: the unit line, the label lines — several stub cells when the rows write them alike (stack.ts
 * `stubCells`), else one label (a bracketed second line joined) under the group headings before it.
 */
function bodyRows(raw: RawRow[], k: number, lineOf: (c: Cell) => number, evenStubs = false): BodyRow[] | null {
  const parts = raw.map((r) => {
    const at = r.stub.findIndex((c) => c.kind === 'unit');
    const unit = at >= 0 ? r.stub[at]!.orig : null;
    const stub = at >= 0 ? [...r.stub.slice(0, at), ...r.stub.slice(at + 1)] : r.stub;
    // a label the page wrapped (`共同生活援助 / （グループホーム）`) is one label
    const words: string[] = [];
    for (const c of stub) {
      if (words.length > 0 && isLabelPart(c.orig)) words[words.length - 1] = joinWords([words.at(-1)!, c.orig]);
      else words.push(c.orig);
    }
    return { r, unit, stub, words };
  });
  // (`evenStubs`: every row writes as many label lines, each its own stub cell — `住宅入居等支援事業 / 利用件数 / 件/年`)
  const width = parts[0]?.words.length ?? 0;
  if (evenStubs && (width < 2 || parts.some((p) => p.words.length !== width))) return null;
  const cells = evenStubs ? parts.map((p) => p.words) : stubCells(parts.map((p) => p.words));
  const out: BodyRow[] = [];
  parts.forEach(({ r, unit, stub, words }, i) => {
    const line = lineOf(r.values[0]!);
    const values = r.values.map((c) => c.word!);
    const fits = values.length === k;
    const row: BodyRow = { label: joinWords(words), unit, values: fits ? values : null, line };
    if (cells) row.stubs = cells[i]!;
    // extra label lines head a group
    else
      while (words.length > 1) {
        out.push({ label: words.shift()!, unit: null, values: [], line: lineOf(stub[0]!) });
        row.label = joinWords(words);
      }
    if (!fits) row.misfit = values;
    out.push(row);
  });
  return out;
}

/** The longest a header cell repeated over the columns it spans may be (a goal's name: 30–60 characters). */
const MAX_REPEATED_CELL = 100;

/** A bare western year (`2006`): a period in a header, but as often a count in a row of values. */
const BARE_YEAR = /^(?:19|20)\d{2}$/u;

/**
 * Cells read again beside their neighbours, which say what a line alone cannot:
 *   - a line the next or previous line repeats is a merged header cell copied once per column it spans, whatever
 *     its length or commas (`相談、緊急時の受入れ及び体験の機会を担うコーディネーターの配置人数` over three years): prose never
 *     repeats a line;
 *   - a line of up to twice a cell's length, without a full stop, before two value lines (a kind or a unit line
 *     between them) is a row's label, not a sentence (`医療的ケア児等に対する関連分野の支援を調整するコーディネーターの配置人数 /
 *     計画 / 3 / 4`);
 *   - a bare number a year could be (`2006`) after a unit or a value line is a value (`回／月 / 2006 / 1969 / 1933`),
 *     unless a year next to it runs on from it by one (`2022 / 2023 / 2024`: years heading columns).
 */
function rereadCells(cells: Cell[]): void {
  const text = (c: Cell | undefined) => (c ? cleanText(c.orig) : '');
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const t = text(c);
    if (c.kind === 'prose') {
      const repeated = t === text(cells[i - 1]) || t === text(cells[i + 1]);
      // (the row's other label lines, a kind or a unit, may stand between it and its values)
      let j = i + 1;
      while (j < cells.length && j - i < MAX_STUB && ['label', 'head', 'unit'].includes(cells[j]!.kind)) j++;
      const rowLabel = [...t].length <= MAX_CELL * 2 && cells[j]?.kind === 'value' && cells[j + 1]?.kind === 'value';
      if (
        (repeated || rowLabel) &&
        [...t].length <= MAX_REPEATED_CELL &&
        !SENTENCE_PUNCT.test(t) &&
        !LIST_MARK.test(t) &&
        numberedHeadingLevel(t) === null &&
        !PAGE_NUMBER.test(t)
      )
        c.kind = isColumnHeadToken(t.replace(/\s+/gu, '')) ? 'head' : 'label';
      continue;
    }
    const prev = cells[i - 1];
    if (
      (c.kind !== 'label' && c.kind !== 'head') ||
      !BARE_YEAR.test(t) ||
      !prev ||
      (prev.kind !== 'value' && prev.kind !== 'unit')
    )
      continue;
    const year = Number(t);
    const runsOn = (d: Cell | undefined) => !!d && BARE_YEAR.test(text(d)) && Math.abs(Number(text(d)) - year) === 1;
    if (runsOn(prev) || runsOn(cells[i + 1])) continue;
    c.kind = 'value';
    c.word = lineWords(c.line)[0];
  }
}

/** The table a chain of rows reads as under the header in the lines before it, or null. */
function readChain(
  chainRows: RawRow[],
  chainLead: Cell[],
  lines: SourceLine[],
  even: boolean,
  evenFirst = false,
): LinearFind | null {
  const k = mode(chainRows.map((r) => r.values.length));
  if (k < 2) return null;
  // the chain ends with its last fitting row; a misfit counts only between fitting rows
  let last = chainRows.length - 1;
  while (last > 0 && chainRows[last]!.values.length !== k) last--;
  const rows = chainRows.slice(0, last + 1);
  const fits = rows.filter((r) => r.values.length === k).length;
  if (fits < 1 || fits * 2 < rows.length) return null;
  // (`evenFirst`: every row's label lines are its stub cells, one a column — `wordsAsStub`)
  let body =
    (evenFirst ? bodyRows(rows, k, (c) => lines[c.at]!.line, true) : null) ??
    bodyRows(rows, k, (c) => lines[c.at]!.line)!;
  let nStub = stubWidth(body);
  // the longest tail of the lines before the first row that reads as a header (a caption above it stays prose)
  // (three rows of a wide table: `MAX_HEAD_LINES`, or more when its rows are longer)
  const maxHead = Math.max(MAX_HEAD_LINES, 3 * (nStub + 1 + k));
  const tail = chainLead.slice(Math.max(0, chainLead.length - maxHead));
  let placed = placeHeaderBlock(tail, nStub, k);
  // rows that each write as many label lines, read as one label under group headings, may be as many stub cells
  // under a header with a stub head for each (`区分 / 内容 / 単位 / 2023年度（実績）…` over `事業 / 利用件数 / 件/年 / …`):
  // the reading whose header takes more of the lines wins
  const evenStub = body.some((r) => !r.stubs) ? bodyRows(rows, k, (c) => lines[c.at]!.line, true) : null;
  if (evenStub) {
    const placedEven = placeHeaderBlock(tail, stubWidth(evenStub), k);
    // (as much of the lines with a fit as good: the reading whose header has a head for each of its stub columns —
    // `項目 / 国の目標` over `施設入所者の数（人） / 令和元年度末時点の1.6%以上削減`, not one joined head over a label under
    // a group heading)
    const wEven = stubWidth(evenStub);
    const tie =
      !!placed &&
      placedEven?.used === placed.used &&
      FIT_RANK[placedEven.fit] <= FIT_RANK[placed.fit] &&
      wEven >= 2 &&
      stubHeads(placedEven.head, wEven) === wEven;
    if (placedEven?.named && placedEven.fit !== 'words' && (placedEven.used > (placed?.used ?? 0) || tie)) {
      body = evenStub;
      nStub = stubWidth(evenStub);
      placed = placedEven;
    }
  }
  // (a column of words among the values is read so only under a header that places over every column and names
  // periods or kinds)
  if (even && !(placed?.named && placed.fit !== 'words')) return null;
  const lead = placed ? tail.slice(tail.length - placed.used) : [];
  // (one row under a header whose every column is named by a period or a kind is a table too)
  const strong =
    fits >= 3 || (fits >= 2 && !!placed?.named) || (rows.length === 1 && !!placed?.named && placed.fit === 'exact');
  // (rows without labels are a column of numbers cut from its labels: text read column by column)
  const labelled = body.filter((r) => r.label).length;
  // without a header, nothing says what the columns are: every row must fit
  if (!strong || fits * 2 < rows.length || labelled * 3 < rows.length || (!placed && fits < rows.length)) return null;
  const first = placed ? lead[0]! : (rows[0]!.stub[0] ?? rows[0]!.values[0]!);
  const lastRow = rows[rows.length - 1]!;
  const end = lastRow.values[lastRow.values.length - 1]!.at + 1;
  const { table, issues } = gridToTable(
    { head: placed?.head ?? [], rows: body, k },
    'linearized',
    'readCellLines',
    lines[first.at]!.line,
  );
  const confidence = round3((fits / rows.length) * HEAD_FACTOR[placed?.fit ?? 'none']);
  return { start: first.at, end, table, issues, confidence };
}

/**
 * Rows of one width (label lines and values together) with a column of words among the value columns: a cell of
 * words where the other rows have a number (`国の指針`: `令和元年度実績の1.28倍以上` and `令和4年度末入所者の6%以上`, read as
 * label lines, beside `年4回以上`, read as a value), or words after the row's unit line (`か所 / 各市町村に1か所以上 /
 * 1`: a unit closes a row's label lines). Each row is then its label lines up to its unit, or as many as the
 * shortest label block has, and its values after them, words included; null when the rows do not read so (every row
 * as many values, the words in the columns right after the label block, no unit or kind among them).
 */
function evenRows(rows: RawRow[]): RawRow[] | null {
  if (rows.length < 2) return null;
  const width = rows[0]!.stub.length + rows[0]!.values.length;
  if (rows.some((r) => r.stub.length + r.values.length !== width)) return null;
  const m = Math.min(...rows.map((r) => r.stub.length));
  // (where the rows that write a unit have it: a row whose unit is no unit word, `％`, has it at the same place)
  const units = new Set(rows.map((r) => r.stub.findIndex((c) => c.kind === 'unit')).filter((u) => u >= 0));
  if (units.size > 1) return null;
  const cut = units.size === 1 ? [...units][0]! + 1 : m;
  if (cut < 1 || rows.some((r) => r.stub.length < cut) || rows.every((r) => r.stub.length === cut)) return null;
  // (a unit or a kind word there is a row's own stub cell, not a value column's words)
  const words = (c: Cell) => c.kind === 'label' || (c.kind === 'head' && !isKindToken(c.orig));
  if (rows.some((r) => r.stub.length > cut + 1 || (r.stub.length > cut && !words(r.stub[cut]!)))) return null;
  return rows.map((r) => {
    const all = [...r.stub, ...r.values];
    const values = all.slice(cut).map((c) => (c.word ? c : { ...c, word: wordsCell(c) }));
    return { stub: all.slice(0, cut), values };
  });
}

const FIT_RANK: Record<HeadFit, number> = { exact: 0, span: 1, words: 2 };

/** The stub columns (the first `n`) that some header row heads with a cell of their own. */
function stubHeads(head: HeadCell[][], n: number): number {
  const cols = new Set<number>();
  for (const row of head) for (const h of row) if (h.col < n && h.orig.trim()) cols.add(h.col);
  return cols.size;
}

/**
 * Family "a column of words beside the stub, headed on the lower header row only" (`基準値 / 目標値 / … / 実績見込`
 * over `区分 / 国の基本指針 / R1 / 第5期 / … / R5`: a web copy dropped the empty cells over the stub and over the words
 * column): the words column of `evenRows` read as the stub's last column, the rows' values after it. Its reading is
 * taken over the words-as-values one only when its header takes more of the lines, or as many with a better fit
 * (`bestFind`): the upper row then stands over the value columns alone.
 */
function wordsAsStub(rows: RawRow[]): RawRow[] {
  return rows.map((r) => ({ stub: [...r.stub, r.values[0]!], values: r.values.slice(1) }));
}

/** The reading whose header starts higher (takes more header lines), else the surer one; the second on a tie. */
function bestFind(a: LinearFind | null, b: LinearFind | null): LinearFind | null {
  if (!a || !b) return a ?? b;
  if (a.start !== b.start) return a.start < b.start ? a : b;
  return a.confidence > b.confidence ? a : b;
}

/** A cell of words read as one value cell's token. */
function wordsCell(c: Cell): Token {
  const width = [...c.orig].reduce((w, ch) => w + charWidth(ch), 0);
  return { orig: c.orig, text: cleanText(c.orig), start: 0, end: c.orig.length, wstart: 0, wend: width };
}

/** Most columns a header of one cell a column (`headedRows`) may have. */
const MAX_HEADED_COLS = 10;

/** A cell that holds a number, with a ratio or a note in brackets beside it (`5人 (6.17%)`, `+2人 (+2.5%)`). */
function isValueCell(c: Cell): boolean {
  if (c.kind === 'value') return true;
  const words = lineWords(c.line).map((t) => t.text);
  return (
    words.length > 0 &&
    isValueToken(words[0]!) &&
    words.slice(1).every((w) => isValueToken(w) || /^[(（][^()（）]*[)）]$/u.test(w))
  );
}

/** A cell of words that may stand in a row of `headedRows`: a label or a note, not a sentence, list item or heading. */
function isWordsCell(c: Cell): boolean {
  const t = cleanText(c.orig);
  return (
    [...t].length <= MAX_REPEATED_CELL &&
    !SENTENCE_PUNCT.test(t) &&
    !LIST_MARK.test(t) &&
    !t.startsWith('#') &&
    !PAGE_NUMBER.test(t) &&
    numberedHeadingLevel(t) === null
  );
}

/**
 * A web copy drops EMPTY cells, so a row with an empty cell has fewer lines than the header has heads: `項目 / 数値 /
 * 考え方 / R1実績 / R2実績 / R3実績` then `入所者数 / 81人 / 81人 / 78人 / 75人` (no 考え方) and `退所者数 / 7人 / （見込みの
 * 考え方） / 3人 / 4人 / 4人`. The header is a run of short cells, one a column, whose last is a period or kind head;
 * each row is a label (the first column), then its cells placed in order on the columns whose heads fit them — a
 * number on a column of numbers, words on a column of words, a column left empty when the cell does not fit it —
 * and a row ends when its next cell fits no column left. A column whose head names no period or kind is a column of
 * numbers or of words as the rows read best (most rows filling every column). Read so only when some rows fill every
 * column and some leave cells out (rows that all fill it are read by `readChain`), else null; `from` is the index of
 * the header's first cell.
 */
function headedRows(cells: Cell[], from: number): { find: LinearFind; next: number } | null {
  // the header: short label or head cells, the last a period or kind head, then the first row's label and a number
  let h = 0;
  while (
    from + h < cells.length &&
    h <= MAX_HEADED_COLS &&
    (cells[from + h]!.kind === 'label' || cells[from + h]!.kind === 'head') &&
    !isValueCell(cells[from + h]!)
  )
    h++;
  // (the header ends at a head, the longest that reads; the cells after it, the first row's label — which may read
  // as a head itself: `令和2年3月31日時点の入所者数`)
  for (let nHead = Math.min(h - 1, MAX_HEADED_COLS); nHead >= 3; nHead--) {
    if (cells[from + nHead - 1]!.kind !== 'head') continue;
    const found = headedRowsUnder(cells, from, nHead);
    if (found) return found;
  }
  return null;
}

/**
 * Family "a guideline written as a count in a column of words" (`年1回以上`, `各1か所以上` in a `国の目標` column whose
 * other rows write words, `令和3年度実績の1.41倍以上`): a number with a bound, where the row's next column is one of
 * words, is that column's cell when the values after it fill the value columns after it exactly — read as a value,
 * it took the first value column and pushed the row's last value out of the table.
 */
function isGuidelineCount(cells: Cell[], at: number, after: ('L' | 'V' | 'W')[]): boolean {
  if (!BOUNDED.test(cleanText(cells[at]!.orig).replace(/\s+/gu, ''))) return false;
  let n = 0;
  while (at + 1 + n < cells.length && isValueCell(cells[at + 1 + n]!)) n++;
  return n === after.filter((t) => t === 'V').length;
}
const BOUNDED = new RegExp(`\\d\\D*(?:${BOUND_WORDS.join('|')})$`, 'u');

/** `headedRows` under a header of `nHead` cells from `from`. */
function headedRowsUnder(cells: Cell[], from: number, nHead: number): { find: LinearFind; next: number } | null {
  const head = cells.slice(from, from + nHead);
  if (head[0]!.kind === 'head') return null;
  const start = from + nHead;
  const typed: ('L' | 'V' | 'W' | null)[] = head.map((c, i) => (i === 0 ? 'L' : c.kind === 'head' ? 'V' : null));
  const open = typed.flatMap((t, i) => (t === null ? [i] : []));
  if (open.length > 4) return null;
  let best: { rows: (Cell | undefined)[][]; next: number; full: number; short: number } | null = null;
  for (let mask = 0; mask < 1 << open.length; mask++) {
    const types = typed.map((t) => t ?? 'V');
    open.forEach((c, b) => {
      if (mask & (1 << b)) types[c] = 'W';
    });
    const rows: (Cell | undefined)[][] = [];
    let i = start;
    while (i < cells.length) {
      const label = cells[i]!;
      if (isValueCell(label) || !isWordsCell(label)) break;
      // (a unit line opens a row whose label the row above wrote: `居宅介護 / 人/月 / …` then `時間/月 / …`)
      const carried = label.kind === 'unit';
      if (carried && !rows.length) break;
      const row: (Cell | undefined)[] = [carried ? rows.at(-1)![0] : label];
      let col = 1;
      let j = carried ? i : i + 1;
      for (; j < cells.length && col < nHead; j++) {
        const c = cells[j]!;
        let want = isValueCell(c) ? 'V' : isWordsCell(c) ? 'W' : null;
        if (!want) break;
        if (want === 'V' && types[col] === 'W' && isGuidelineCount(cells, j, types.slice(col + 1))) want = 'W';
        let k = col;
        while (k < nHead && types[k] !== want) k++;
        if (k >= nHead) break;
        row[k] = c;
        col = k + 1;
      }
      // (a row with no number is no row of this table)
      if (!types.some((t, k) => t === 'V' && row[k])) break;
      rows.push(row);
      i = j;
    }
    const full = rows.filter((r) => types.every((_, k) => r[k])).length;
    const short = rows.length - full;
    if (!best || full > best.full || (full === best.full && i > best.next)) best = { rows, next: i, full, short };
  }
  if (!best || best.full < 2 || best.short < 1 || best.rows.length < 3) return null;
  const k = nHead - 1;
  const body: BodyRow[] = best.rows.map((r) => ({
    label: r[0]!.orig,
    unit: null,
    values: Array.from({ length: k }, (_, j) => {
      const c = r[j + 1];
      return c ? (c.word && c.kind === 'value' ? c.word : wordsCell(c)) : undefined;
    }) as Token[],
    line: r[0]!.line.line,
  }));
  const { table, issues } = gridToTable(
    { head: [head.map((c, col) => ({ orig: c.orig, col, colSpan: 1 }))], rows: body, k },
    'linearized',
    'readCellLines',
    head[0]!.line.line,
  );
  const last = cells[best.next - 1]!;
  const confidence = round3((best.full / best.rows.length) * HEAD_FACTOR.words);
  return { find: { start: head[0]!.at, end: last.at + 1, table, issues, confidence }, next: best.next };
}

/** The tables written one cell per line in a run of lines (blank lines included). */
export function findCellLineTables(lines: SourceLine[]): LinearFind[] {
  const all: Cell[] = [];
  lines.forEach((l, at) => {
    if (l.text.trim()) all.push({ at, orig: l.text.replace(/\f/gu, '').trim(), line: l, ...kindOf(l) });
  });
  rereadCells(all);
  const out: LinearFind[] = [];
  // (tables whose rows leave out empty cells first; the cells between them read as before)
  let cells: Cell[] = [];
  const readRest = () => {
    for (const chain of chains(cells)) {
      // (rows of one width with a column of words among the values, when a header over that width places)
      const even = evenRows(chain.rows);
      const find =
        (even &&
          bestFind(
            readChain(wordsAsStub(even), chain.lead, lines, true, true),
            readChain(even, chain.lead, lines, true),
          )) ||
        readChain(chain.rows, chain.lead, lines, false);
      if (find) out.push(find);
    }
    cells = [];
  };
  for (let i = 0; i < all.length; i++) {
    // (a header starts after a prose line or a row's last cell, not inside a run of short cells)
    const after = all[i - 1];
    const headed =
      all[i]!.kind === 'prose' || (after && (after.kind === 'label' || after.kind === 'head') && !isValueCell(after))
        ? null
        : headedRows(all, i);
    if (headed) {
      readRest();
      out.push(headed.find);
      i = headed.next - 1;
      continue;
    }
    cells.push(all[i]!);
  }
  readRest();
  return out.sort((a, b) => a.start - b.start);
}
