/**
 * Self-checks on a table's numbers: total rows and columns (合計, 計, 小計, 総数, 総計) against their parts, and
 * formula rows (`目標年度入所者数 (E = A - B - C + D)`, `削減見込 (A - E)`) against the tagged rows. A mismatch
 * becomes a warning on the observation (with lower confidence) and an Issue; no number is ever changed.
 */

import type { Issue, Observation } from '@shiryo/model';
import { TOTAL_WORDS, wordsPattern } from '@shiryo/model';

const TOTAL = new RegExp(`^(?:${wordsPattern(TOTAL_WORDS)})$`, 'u');

export interface CheckInput {
  tableIndex: number;
  observations: Observation[];
  /** Label texts of a body row (stubs and 区分 cells), and of a column's header cells. */
  rowLabels: (row: number) => string[];
  colLabels: (col: number) => string[];
}

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.011, Math.abs(b) * 0.005);
const isTotal = (labels: string[]) => labels.some((l) => TOTAL.test(l.replace(/\s+/g, '')));
/** A rate of the total (`対計画比` of the 合計 row, a ratio) is no sum of the rates of its parts. */
const isRate = (o: Observation) => o.value_kind === 'achievement_rate' || o.unit === 'ratio';

function flag(o: Observation, message: string, tableIndex: number, issues: Issue[]): void {
  o.warnings.push(message);
  o.confidence = Math.min(o.confidence, 0.5);
  issues.push({
    code: 'CHECK_MISMATCH',
    severity: 'warn',
    stage: 'normalize',
    message,
    where: `table ${tableIndex} r${o.row}c${o.col}`,
  });
}

/** Run every check; returns the issues (observations are annotated in place). */
export function checkTable(input: CheckInput): Issue[] {
  const issues: Issue[] = [];
  // The observation of each cell's own number (not its subset or bracketed ratio).
  const cell = new Map<string, Observation>();
  for (const o of input.observations) {
    if (o.row === null || o.col === null || o.value_kind === 'subset') continue;
    const k = `${o.row},${o.col}`;
    if (!cell.has(k)) cell.set(k, o);
  }
  const at = (r: number, c: number) => cell.get(`${r},${c}`);
  const rows = [...new Set([...cell.values()].map((o) => o.row!))].sort((a, b) => a - b);
  const cols = [...new Set([...cell.values()].map((o) => o.col!))].sort((a, b) => a - b);

  // Total rows: the rows above it since the previous total.
  let groupStart = 0;
  for (const [i, r] of rows.entries()) {
    if (!isTotal(input.rowLabels(r))) continue;
    const parts = rows.slice(groupStart, i);
    groupStart = i + 1;
    for (const c of cols) {
      const total = at(r, c);
      const values = parts.map((p) => at(p, c)).filter((o): o is Observation => !!o && o.unit === total?.unit);
      if (!total || isRate(total) || values.length < 2) continue;
      const sum = values.reduce((s, o) => s + o.value, 0);
      if (!close(sum, total.value))
        flag(
          total,
          `total ${total.value} ≠ sum of the ${values.length} rows above (${Math.round(sum * 1000) / 1000})`,
          input.tableIndex,
          issues,
        );
    }
  }
  // Total columns: the columns left of it since the previous total column (that total included).
  let colStart = 0;
  for (const [j, c] of cols.entries()) {
    if (!isTotal(input.colLabels(c))) continue;
    const parts = cols.slice(colStart, j);
    colStart = j;
    for (const r of rows) {
      const total = at(r, c);
      const values = parts.map((p) => at(r, p)).filter((o): o is Observation => !!o && o.unit === total?.unit);
      if (!total || isRate(total) || values.length < 2) continue;
      const sum = values.reduce((s, o) => s + o.value, 0);
      if (!close(sum, total.value))
        flag(
          total,
          `total ${total.value} ≠ sum of the ${values.length} columns left of it (${Math.round(sum * 1000) / 1000})`,
          input.tableIndex,
          issues,
        );
    }
  }
  // Formula rows: tags `(A)` on rows, and `(E = A - B - C + D)` or `(A - E)` on another.
  const tags = new Map<string, number>();
  const formulas: { row: number; expr: string }[] = [];
  for (const r of rows) {
    const label = input.rowLabels(r).join(' ').normalize('NFKC');
    const f = /\(\s*(?:([A-Z])\s*=\s*)?([A-Z](?:\s*[+-]\s*[A-Z])+)\s*\)/.exec(label);
    if (f) {
      formulas.push({ row: r, expr: f[2]! });
      if (f[1]) tags.set(f[1], r);
      continue;
    }
    const t = /\(\s*([A-Z])\s*\)/.exec(label);
    if (t) tags.set(t[1]!, r);
  }
  for (const { row, expr } of formulas) {
    const terms = [...expr.replace(/\s+/g, '').matchAll(/([+-]?)([A-Z])/g)].map((m) => ({
      sign: m[1] === '-' ? -1 : 1,
      tag: m[2]!,
    }));
    for (const c of cols) {
      const target = at(row, c);
      if (!target) continue;
      let sum = 0;
      let complete = true;
      for (const { sign, tag } of terms) {
        const r = tags.get(tag);
        const o = r === undefined ? undefined : at(r, c);
        if (!o || o.unit !== target.unit) {
          complete = false;
          break;
        }
        sum += sign * o.value;
      }
      if (complete && !close(sum, target.value))
        flag(
          target,
          `formula ${expr} gives ${Math.round(sum * 1000) / 1000}, the table says ${target.value}`,
          input.tableIndex,
          issues,
        );
    }
  }
  return issues;
}
