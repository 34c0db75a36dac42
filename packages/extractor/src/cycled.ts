/**
 * Columns written one line each in turn. A converter that read a layout of k text columns line by line wrote the
 * first line of every column, then the second line of every column, and so on, with no tab between them:
 *
 *     手話通訳者派遣事業 / 要約筆記者派遣事業 / 手話通訳者設置事業           (the columns' heads)
 *     聴覚障がい者等が医療機関 / 会議や講演会等に要約筆記者 / 市役所…窓口に   (their descriptions, cut)
 *     令和３年度　見込　180件 / 令和３年度　見込　24件 / 令和３年度　見込　2人  (one row of values)
 *     実績　152件 / 実績　9件 / 実績　2人
 *
 * It is found by its value lines: k consecutive lines that say the same words before a different number, at least
 * twice in a row, in step with k lines of column heads before them. The lines become a table: the heads, one row
 * of each column's words (joined), and one row per k value lines, their shared words split into stub cells
 * (`令和３年度 | 見込`, ` | 実績`: the blank takes the year above when the table is read).
 * A run with no such value lines is left to the paragraph reader.
 */
import type { Table } from '@shiryo/model';
import type { SourceLine } from './blocks.js';
import { type RawCell, tableFromRows } from './draft.js';

const MAX_HEAD = 24;
/**
 * A line ending with one number (a blank inside it only before its last digits, `1 4件` as OCR reads `14件`: two
 * numbers apart, `2,068 1,922`, make a row of a table, not a column's line).
 */
const VALUE_LINE =
  /^(.*?)[\s\u3000]*([▲△\-−－]?[0-9０-９](?:[0-9０-９,，.．]|\s(?=[0-9０-９]+(?![0-9０-９,，.．])))*\s*(?:件|人|回|か所|カ所|箇所|時間|日|%|％|世帯)?)\s*$/u;

interface ValueLine {
  words: string;
  value: string;
}

function valueLine(text: string): ValueLine | null {
  const m = VALUE_LINE.exec(text.trim());
  if (!m) return null;
  return { words: m[1]!.replace(/[\s\u3000]+/gu, ' ').trim(), value: m[2]!.trim() };
}

/** k consecutive value lines from `i` that share their words. */
function groupAt(lines: SourceLine[], i: number, k: number): ValueLine[] | null {
  if (i + k > lines.length) return null;
  const vs = lines.slice(i, i + k).map((l) => valueLine(l.text));
  if (vs.some((v) => v === null)) return null;
  return vs.every((v) => v!.words === vs[0]!.words) ? (vs as ValueLine[]) : null;
}

export interface Cycle {
  start: number;
  end: number;
  k: number;
}

/** The cycled columns in a run of lines, if any: where they start and end, and how many columns. */
export function findCycle(lines: SourceLine[]): Cycle | null {
  for (const k of [4, 3, 2]) {
    for (let a = k; a + 2 * k <= lines.length; a++) {
      // at least two groups of value lines, one after the other
      let b = a;
      while (groupAt(lines, b, k)) b += k;
      if (b - a < 2 * k) continue;
      // the words lines before them, k at a time, back to the column heads
      let s = a;
      while (s - k >= 0 && lines.slice(s - k, s).every((l) => !valueLine(l.text))) s -= k;
      if (s === a) continue;
      const heads = lines.slice(s, s + k).map((l) => l.text.trim());
      if (heads.some((h) => [...h].length > MAX_HEAD || /[。、]/u.test(h)) || new Set(heads).size < k) continue;
      return { start: s, end: b, k };
    }
  }
  return null;
}

/** The table the cycled lines hold. */
export function cycleTable(lines: SourceLine[], cycle: Cycle): Table {
  const { start, end, k } = cycle;
  const run = lines.slice(start, end);
  const heads = run.slice(0, k);
  let firstValue = k;
  while (firstValue < run.length && !groupAt(run, firstValue, k)) firstValue += k;
  const words = run.slice(k, firstValue);
  const groups: ValueLine[][] = [];
  for (let i = firstValue; i < run.length; i += k) groups.push(groupAt(run, i, k)!);
  const stubs = groups.map((g) => (g[0]!.words ? g[0]!.words.split(' ') : []));
  const nStub = Math.max(1, ...stubs.map((s) => s.length));
  const cell = (text: string): RawCell => ({ orig: text });
  const pad = (s: string[]) => [...Array.from({ length: nStub - s.length }, () => ''), ...s];
  const rows: RawCell[][] = [[...pad([]).map(cell), ...heads.map((l) => cell(l.text.trim()))]];
  if (words.length > 0) {
    const joined = Array.from({ length: k }, (_, c) =>
      words
        .filter((_, i) => i % k === c)
        .map((l) => l.text.trim())
        .join(''),
    );
    rows.push([...pad([]).map(cell), ...joined.map(cell)]);
  }
  groups.forEach((g, i) => {
    rows.push([...pad(stubs[i]!).map(cell), ...g.map((v) => cell(v.value))]);
  });
  const table = tableFromRows(rows, 'prose', run[0]!.line);
  return { ...table, quality: { ...table.quality, repairs: ['cycledColumns'] } };
}
