/**
 * Markdown pipe tables (`| a | b |` followed by a `|---|---|` separator) → tables, method `markdown`.
 * The row above the separator is the header, with the header-like rows right under it (a converter writes only the
 * first row of a two- or three-level header above the separator); `\|` is a literal pipe. A table wider than
 * MAX_TABLE_COLS keeps its first columns (`nCols` says how wide it was).
 */
import type { Table } from '@shiryo/model';
import type { SourceLine } from './blocks.js';
import { tableFromRows } from './draft.js';
import { MAX_TABLE_COLS } from './limits.js';
import { markdownHeaderRows } from './repairs/header.js';
import { applyRepairs, SHAPE_REPAIRS } from './repairs/index.js';

export const MD_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Cells of one pipe row: outer pipes dropped, `\|` kept as a pipe. */
export function splitPipeRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}

/** Does a markdown table start at `i` (a pipe row followed by a separator)? */
export function markdownTableAt(lines: string[], i: number): boolean {
  const a = lines[i];
  const b = lines[i + 1];
  return (
    a !== undefined &&
    b !== undefined &&
    a.includes('|') &&
    b.includes('-') &&
    MD_SEPARATOR.test(b) &&
    (a.trim().startsWith('|') || b.includes('|'))
  );
}

/** Read the markdown table starting at `start`; returns it and the index of the first line after it. */
export function readMarkdownTable(lines: SourceLine[], start: number): { table: Table; next: number; nCols: number } {
  const header = splitPipeRow(lines[start]!.text);
  const rows: string[][] = [header];
  let i = start + 2;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!text.trim() || !text.includes('|')) break;
    rows.push(splitPipeRow(text));
  }
  const nCols = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const raw = rows.map((r, ri) =>
    r.slice(0, MAX_TABLE_COLS).map((orig) => ({ orig, role: ri === 0 ? ('header' as const) : ('body' as const) })),
  );
  let table = tableFromRows(raw, 'markdown', lines[start]!.line);
  table = { ...table, headerRows: markdownHeaderRows(table) };
  return { table: applyRepairs(table, SHAPE_REPAIRS), next: i, nCols };
}
