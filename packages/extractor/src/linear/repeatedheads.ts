/**
 * readRepeatedHeads — rows linearized so deeply that the header words are written again inside each row:
 *
 *     居宅介護 30年度 計画 利用者数 1,234人 時間/月 5,678 実績 利用者数 1,200人 時間/月 5,500 31年度 計画 …
 *
 * A row is a label, then a stream of period words (`30年度`, `令和3年度`), kind words (`計画`, `実績`), measure
 * words (`利用者数`, `時間/月`) and values. Read left to right, a period sets the period (and clears kind and measure),
 * a kind sets the kind (and clears the measure), other words name the measure of the next value, and each value
 * becomes a cell keyed by (period, kind, measure). The table's columns are the keys in the order first met; its
 * header rows the periods (spanning their columns), the kinds and the measures, as far as any key has them. A line
 * that opens with a period, a kind, a value or a measure word already met continues the row above (a long row the
 * page wrapped). Evidence: two rows each repeating the header words (two period or kind words, two values) and
 * sharing two keys, or one row with four values under words it repeats. The confidence is the share of rows that
 * have every column.
 */
import type { SourceLine } from '../blocks.js';
import { cleanText, isMissingMarker } from '../text.js';
import { type BodyRow, gridToTable, type HeadCell, joinWords, type LinearFind, round3 } from './grid.js';
import {
  isKindToken,
  isPeriodToken,
  isSentence,
  isUnitToken,
  isValueToken,
  LIST_MARK,
  lineWords,
  type Token,
} from './tokens.js';

interface Key {
  period: string;
  kind: string;
  measure: string;
}

const keyId = (k: Key) => `${k.period}\u0000${k.kind}\u0000${k.measure}`;

interface Draft {
  label: Token[];
  cells: { key: Key; value: Token }[];
  /** Period and kind words met in the row. */
  heads: number;
  line: number;
  end: number;
  state: Key & { pending: string[] };
}

/** Read tokens into a row, from its state. */
function feed(row: Draft, tokens: Token[]): void {
  const s = row.state;
  for (const t of tokens) {
    if (isValueToken(t.text)) {
      // a unit word before the value (`時間/月 5,678`) is the value's unit, not a column's measure
      const unit = s.pending.length === 1 && isUnitToken(s.pending[0]!) ? s.pending[0]! : null;
      const measure = unit ? '' : s.pending.length ? joinWords(s.pending) : s.measure;
      const value = unit
        ? { ...t, orig: `${unit} ${t.orig}`, text: cleanText(`${t.text}${isMissingMarker(t.text) ? '' : unit}`) }
        : t;
      row.cells.push({ key: { period: s.period, kind: s.kind, measure }, value });
      s.measure = '';
      s.pending = [];
    } else if (isPeriodToken(t.text)) {
      s.period = t.orig;
      s.kind = '';
      s.measure = '';
      s.pending = [];
      row.heads++;
    } else if (isKindToken(t.text)) {
      s.kind = t.orig;
      s.measure = '';
      s.pending = [];
      row.heads++;
    } else s.pending.push(t.orig);
  }
}

const qualifies = (r: Draft) => r.label.length > 0 && r.heads >= 2 && r.cells.length >= 2;

/** Rows from a group of lines; null where a line is not part of such a row. */
function readRows(lines: SourceLine[]): (Draft | null)[] {
  const out: (Draft | null)[] = [];
  let cur: Draft | null = null;
  const measures = new Set<string>();
  lines.forEach((l, i) => {
    const raw = l.text.trim();
    const tokens = lineWords(l);
    if (tokens.length === 0 || isSentence(raw) || LIST_MARK.test(raw)) {
      cur = null;
      out.push(null);
      return;
    }
    const first = tokens[0]!;
    const opensWithHead =
      isPeriodToken(first.text) || isKindToken(first.text) || isValueToken(first.text) || isUnitToken(first.text);
    if (cur && (opensWithHead || measures.has(first.orig))) {
      feed(cur, tokens);
      cur.end = i + 1;
      for (const c of cur.cells) if (c.key.measure) measures.add(c.key.measure);
      out.push(null);
      return;
    }
    // the label: the words before the first period or kind word
    let j = 0;
    while (j < tokens.length && !isPeriodToken(tokens[j]!.text) && !isKindToken(tokens[j]!.text)) j++;
    if (j === 0 || j === tokens.length || tokens.slice(0, j).some((t) => isValueToken(t.text))) {
      cur = null;
      out.push(null);
      return;
    }
    const row: Draft = {
      label: tokens.slice(0, j),
      cells: [],
      heads: 0,
      line: l.line,
      end: i + 1,
      state: { period: '', kind: '', measure: '', pending: [] },
    };
    feed(row, tokens.slice(j));
    for (const c of row.cells) if (c.key.measure) measures.add(c.key.measure);
    cur = row;
    out.push(row);
  });
  return out;
}

/** Header rows from the columns' keys: periods (spanning), kinds (spanning within a period), measures. */
function headRows(keys: Key[]): HeadCell[][] {
  const rows: HeadCell[][] = [];
  const level = (name: (k: Key) => string, group: (k: Key) => string) => {
    if (!keys.some((k) => name(k))) return;
    const row: HeadCell[] = [];
    keys.forEach((k, i) => {
      const prev = row[row.length - 1];
      if (prev && i > 0 && group(keys[i - 1]!) === group(k) && name(keys[i - 1]!) === name(k)) prev.colSpan++;
      else row.push({ orig: name(k), col: 1 + i, colSpan: 1 });
    });
    rows.push(row.filter((c) => c.orig));
  };
  level(
    (k) => k.period,
    (k) => k.period,
  );
  level(
    (k) => k.kind,
    (k) => `${k.period}\u0000${k.kind}`,
  );
  level(
    (k) => k.measure,
    (k) => keyId(k),
  );
  return rows;
}

/** The tables whose rows repeat their header words, in a group of consecutive non-blank lines. */
export function findRepeatedHeadTables(lines: SourceLine[]): LinearFind[] {
  const rows = readRows(lines);
  const out: LinearFind[] = [];
  let i = 0;
  while (i < rows.length) {
    const first = rows[i];
    if (!first || !qualifies(first)) {
      i++;
      continue;
    }
    // consecutive qualifying rows (their continuation lines between them)
    const run: Draft[] = [first];
    let j = first.end;
    while (j < rows.length && rows[j] && qualifies(rows[j]!)) {
      run.push(rows[j]!);
      j = rows[j]!.end;
    }
    const columns: Key[] = [];
    const seen = new Map<string, number>();
    for (const r of run) {
      for (const c of r.cells) {
        const id = keyId(c.key);
        if (!seen.has(id)) {
          seen.set(id, columns.length);
          columns.push(c.key);
        }
      }
    }
    // columns by period, then kind, then measure, each in the order first met
    const order = (f: (k: Key) => string) => {
      const m = new Map<string, number>();
      for (const k of columns) if (!m.has(f(k))) m.set(f(k), m.size);
      return (k: Key) => m.get(f(k))!;
    };
    const [p, kd, ms] = [order((k) => k.period), order((k) => k.kind), order((k) => k.measure)];
    columns.sort((a, b) => p(a) - p(b) || kd(a) - kd(b) || ms(a) - ms(b));
    columns.forEach((k, c) => {
      seen.set(keyId(k), c);
    });
    const shared = (r: Draft) => new Set(r.cells.map((c) => keyId(c.key))).size;
    const repeatsWords = (r: Draft) => {
      const words = r.cells.map((c) => c.key.kind || c.key.measure);
      return new Set(words).size < words.length;
    };
    const strong =
      (run.length >= 2 && run.every((r) => shared(r) >= 2)) ||
      (run.length === 1 && first.cells.length >= 4 && repeatsWords(first));
    // a key met twice in one row is no column: the row is not keyed by its words
    const clashes = run.some((r) => shared(r) < r.cells.length);
    if (!strong || clashes) {
      i = j;
      continue;
    }
    const body: BodyRow[] = run.map((r) => {
      const values: Token[] = Array.from({ length: columns.length });
      for (const c of r.cells) values[seen.get(keyId(c.key))!] = c.value;
      return {
        label: joinWords(r.label.map((t) => t.orig)),
        unit: null,
        values: values.map((v) => v ?? { orig: '', text: '', start: 0, end: 0, wstart: 0, wend: 0 }),
        line: r.line,
      };
    });
    const { table, issues } = gridToTable(
      { head: headRows(columns), rows: body, k: columns.length },
      'linearized',
      'readRepeatedHeads',
      first.line,
    );
    const full = run.filter((r) => r.cells.length === columns.length).length;
    out.push({ start: i, end: j, table, issues, confidence: round3(0.5 + (0.5 * full) / run.length) });
    i = j;
  }
  return out;
}
