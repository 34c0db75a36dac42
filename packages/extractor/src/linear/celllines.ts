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
 * values, or two under a header that fits and names periods or kinds.
 */
import type { SourceLine } from '../blocks.js';
import { numberedHeadingLevel } from '../blocks.js';
import { PAGE_NUMBER } from '../continued.js';
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
} from './grid.js';
import {
  isBracketed,
  isColumnHeadToken,
  isKindToken,
  isPeriodToken,
  isSentence,
  isUnitToken,
  isValueToken,
  LIST_MARK,
  lineWords,
  type Token,
} from './tokens.js';

const MAX_CELL = 30;
/** Label lines a row may have before its values (group heading, label, unit). */
const MAX_STUB = 3;
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
}

function kindOf(line: SourceLine): { kind: Kind; word?: Token } {
  const t = line.text.replace(/\f/gu, '').trim();
  // (a long line is prose whatever its words: no need to read them)
  if ([...t].length > MAX_CELL) return { kind: 'prose' };
  const tokens = lineWords(line);
  if (tokens.length === 1 && isValueToken(tokens[0]!.text)) return { kind: 'value', word: tokens[0]! };
  if (isUnitToken(t)) return { kind: 'unit' };
  if (isColumnHeadToken(t.replace(/\s+/gu, ''))) return { kind: 'head' };
  if (
    isSentence(t) ||
    LIST_MARK.test(t) ||
    t.startsWith('#') ||
    PAGE_NUMBER.test(t) ||
    numberedHeadingLevel(t) !== null
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
  let lead: Cell[] = [];
  let stub: Cell[] = [];
  const close = () => {
    if (rows.length) out.push({ rows, lead });
    rows = [];
    lead = [];
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
      const split = firstRowStub(stub);
      lead = stub.slice(0, split);
      rows.push({ stub: stub.slice(split), values });
    } else rows.push({ stub, values });
    stub = [];
  }
  close();
  return out;
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

const named = (lines: Cell[]) => lines.some((c) => isPeriodToken(c.orig) || isKindToken(c.orig));

/** The header block over `nStub` stub columns and `k` value columns, or null when it fits none of the shapes. */
function placeHeaderBlock(lines: Cell[], nStub: number, k: number): { head: HeadCell[][]; fit: HeadFit } | null {
  const h = lines.length;
  const row = (ls: Cell[], stubs: number, span = 1): HeadCell[] => [
    ...ls.slice(0, stubs).map((c, i) => ({ orig: c.orig, col: stubs === nStub ? i : 0, colSpan: 1 })),
    ...ls.slice(stubs).map((c, i) => ({ orig: c.orig, col: nStub + i * span, colSpan: span })),
  ];
  if (h === 0) return null;
  // one row: stub heads, then k column heads
  if (h >= k && h - k <= nStub) return { head: [row(lines, h - k)], fit: named(lines) ? 'exact' : 'words' };
  // rows as wide as the table
  if (h % (nStub + k) === 0) {
    const head: HeadCell[][] = [];
    for (let r = 0; r < h; r += nStub + k) head.push(row(lines.slice(r, r + nStub + k), nStub));
    return { head, fit: named(lines) ? 'exact' : 'words' };
  }
  // periods over kinds: the last k lines are column heads, the n before them periods spanning k/n each
  const kinds = lines.slice(h - k);
  if (h > k && kinds.every((c) => c.kind === 'head')) {
    let n = 0;
    while (n < h - k && isPeriodToken(lines[h - k - 1 - n]!.orig)) n++;
    const stubs = h - k - n;
    if (n >= 1 && k % n === 0 && stubs <= nStub) {
      const upper = row(lines.slice(0, h - k), stubs, k / n);
      const lower = kinds.map((c, i) => ({ orig: c.orig, col: nStub + i, colSpan: 1 }));
      return { head: [upper, lower], fit: 'span' };
    }
  }
  // a lower row naming fewer columns, under an upper row with a head standing over both rows
  let m = 0;
  while (m < h && lines[h - 1 - m]!.kind === 'head') m++;
  const two = placeTwoRows(
    lines.slice(0, h - m).map((c) => ({ orig: c.orig, text: c.orig })),
    lines.slice(h - m),
    nStub,
    k,
  );
  return two ? { head: two, fit: 'span' } : null;
}

/** Body rows: the unit line, the label (a bracketed second line joined, a first line of three a heading row). */
function bodyRows(raw: RawRow[], k: number, lineOf: (c: Cell) => number): BodyRow[] {
  const out: BodyRow[] = [];
  for (const r of raw) {
    let stub = r.stub;
    let unit: string | null = null;
    const last = stub[stub.length - 1];
    if (last && last.kind === 'unit') {
      unit = last.orig;
      stub = stub.slice(0, -1);
    }
    const words = stub.map((c) => c.orig);
    // a label the page wrapped (`共同生活援助 / （グループホーム）`) is one label; other extra lines head a group
    while (words.length > 1 && !isBracketed(words[words.length - 1]!)) {
      out.push({ label: words.shift()!, unit: null, values: [], line: lineOf(stub[0]!) });
      stub = stub.slice(1);
    }
    const line = lineOf(r.values[0]!);
    const values = r.values.map((c) => c.word!);
    const row: BodyRow = { label: joinWords(words), unit, values: values.length === k ? values : null, line };
    if (values.length !== k) row.misfit = values;
    out.push(row);
  }
  return out;
}

/** The tables written one cell per line in a run of lines (blank lines included). */
export function findCellLineTables(lines: SourceLine[]): LinearFind[] {
  const cells: Cell[] = [];
  lines.forEach((l, at) => {
    if (l.text.trim()) cells.push({ at, orig: l.text.replace(/\f/gu, '').trim(), ...kindOf(l) });
  });
  const out: LinearFind[] = [];
  for (const chain of chains(cells)) {
    const k = mode(chain.rows.map((r) => r.values.length));
    if (k < 2) continue;
    // the chain ends with its last fitting row; a misfit counts only between fitting rows
    let last = chain.rows.length - 1;
    while (last > 0 && chain.rows[last]!.values.length !== k) last--;
    const rows = chain.rows.slice(0, last + 1);
    const fits = rows.filter((r) => r.values.length === k).length;
    if (fits < 2 || fits * 2 < rows.length) continue;
    const body = bodyRows(rows, k, (c) => lines[c.at]!.line);
    const nStub = body.some((r) => r.unit) ? 2 : 1;
    // the longest tail of the lines before the first row that reads as a header (a caption above it stays prose)
    let placed: ReturnType<typeof placeHeaderBlock> = null;
    let lead: Cell[] = [];
    for (let from = Math.max(0, chain.lead.length - MAX_HEAD_LINES); from < chain.lead.length && !placed; from++) {
      lead = chain.lead.slice(from);
      placed = placeHeaderBlock(lead, nStub, k);
    }
    const strong = fits >= 3 || (fits >= 2 && placed !== null && named(lead));
    // (rows without labels are a column of numbers cut from its labels: text read column by column)
    const labelled = body.filter((r) => r.label).length;
    // without a header, nothing says what the columns are: every row must fit
    if (!strong || fits * 2 < rows.length || labelled * 3 < rows.length || (!placed && fits < rows.length)) continue;
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
    out.push({ start: first.at, end, table, issues, confidence });
  }
  return out;
}
