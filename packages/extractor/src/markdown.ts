/**
 * Markdown pipe tables (`| a | b |` followed by a `|---|---|` separator) → tables, method `markdown`.
 * The rows above the separator are the header — one in GitHub's dialect, up to MAX_HEAD_ROWS in MultiMarkdown's,
 * where a cell closed by two or more pipes with nothing between them (`| 訪問介護 || 訪問看護 ||`) spans as many
 * columns (its text repeated over them, as a converter repeats a merged cell) — with the header-like rows right
 * under it (a converter writes only the first row of a two- or three-level header above the separator); `\|` is a
 * literal pipe. A table wider than MAX_TABLE_COLS keeps its first columns (`nCols` says how wide it was).
 */
import type { Table } from '@shiryo/model';
import type { SourceLine } from './blocks.js';
import { tableFromRows } from './draft.js';
import { MAX_TABLE_COLS } from './limits.js';
import { markdownHeaderRows } from './repairs/header.js';
import { applyRepairs, SHAPE_REPAIRS } from './repairs/index.js';

export const MD_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** Cells of one pipe row: outer pipes dropped, `\|` kept as a pipe. */
export function splitPipeRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}

/** Header rows MultiMarkdown may write above the separator. */
const MAX_HEAD_ROWS = 3;

/**
 * The cells of a header row, a MultiMarkdown span (`||`: a cell with nothing at all between its pipes, not even a
 * blank) repeating the cell before it.
 */
function splitHeadRow(line: string): string[] {
  const out: string[] = [];
  for (const c of splitPipeRow(line)) out.push(c === '' && out.length > 0 && out.at(-1)!.trim() ? out.at(-1)! : c);
  return out;
}

/** How many header rows stand above the separator of a table starting at `i` (0: no table starts there). */
function headRowsAt(lines: readonly string[], i: number): number {
  const a = lines[i];
  if (a === undefined || !a.includes('|')) return 0;
  for (let k = 1; k <= MAX_HEAD_ROWS; k++) {
    const b = lines[i + k];
    if (b === undefined) return 0;
    if (b.includes('-') && MD_SEPARATOR.test(b))
      return k === 1 && !a.trim().startsWith('|') && !b.includes('|') ? 0 : k;
    // (more than one header row: each a pipe row of its own, `|` first)
    if (!a.trim().startsWith('|') || !b.trim().startsWith('|')) return 0;
  }
  return 0;
}

/** Does a markdown table start at `i` (one to three pipe rows followed by a separator)? */
export function markdownTableAt(lines: string[], i: number): boolean {
  return headRowsAt(lines, i) > 0;
}

/** Read the markdown table starting at `start`; returns it and the index of the first line after it. */
export function readMarkdownTable(lines: SourceLine[], start: number): { table: Table; next: number; nCols: number } {
  const nHead = Math.max(
    1,
    headRowsAt(
      lines.slice(start, start + MAX_HEAD_ROWS + 1).map((l) => l.text),
      0,
    ),
  );
  const rows: string[][] = [];
  for (let h = 0; h < nHead; h++)
    rows.push(nHead > 1 ? splitHeadRow(lines[start + h]!.text) : splitPipeRow(lines[start + h]!.text));
  let i = start + nHead + 1;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!text.trim() || !text.includes('|')) break;
    rows.push(splitPipeRow(text));
  }
  const nCols = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const raw = rows.map((r, ri) =>
    r.slice(0, MAX_TABLE_COLS).map((orig) => ({ orig, role: ri < nHead ? ('header' as const) : ('body' as const) })),
  );
  let table = tableFromRows(raw, 'markdown', lines[start]!.line);
  table = { ...table, headerRows: Math.max(nHead, markdownHeaderRows(table)) };
  return { table: applyRepairs(table, SHAPE_REPAIRS), next: i, nCols };
}
