/**
 * A text export (.txt, .md, .tsv) → document items in order: TSV runs, markdown pipe tables, raw `<table>`
 * blocks, and prose blocks between them.
 */
import { groupToBlocks, type SourceLine } from './blocks.js';
import { cycleTable, findCycle } from './cycled.js';
import type { DocIssue, DocItem, KeySource } from './draft.js';
import { drawnTableEnd, readDrawnTable } from './drawn.js';
import { htmlToPieces } from './html.js';
import { cutLine, lineCutIssue, MAX_LINE_CHARS, MAX_TABLE_COLS } from './limits.js';
import { findGroupTables, findRunTables } from './linear/index.js';
import { isPageFurniture, pageNumberLine, parseSpacedLine } from './linear/spaced.js';
import { markdownTableAt, readMarkdownTable } from './markdown.js';
import { cleanMarkdownLine } from './mdclean.js';
import { lineFinder, piecesToItems } from './pieces.js';
import { applyRepairs, SHAPE_REPAIRS } from './repairs/index.js';
import { readTsvRun, tooWide } from './tsv.js';

const HR = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/;
const HTML_TABLE_START = /^\s*<table[\s>]/i;

/** Lines from `start` up to the one that closes the `<table>` opened there. */
function htmlTableEnd(lines: SourceLine[], start: number): number {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    depth += (lines[i]!.text.match(/<table[\s>]/gi) ?? []).length;
    depth -= (lines[i]!.text.match(/<\/table\s*>/gi) ?? []).length;
    if (depth <= 0) return i + 1;
  }
  return lines.length;
}

/** A group of consecutive non-blank prose lines → blocks, and the tables linear readers find among them. */
function groupItems(group: SourceLine[], keys: KeySource): DocItem[] {
  const out: DocItem[] = [];
  let at = 0;
  for (const f of findGroupTables(group)) {
    out.push(...groupToBlocks(group.slice(at, f.start)));
    out.push({ kind: 'table', key: keys(), table: f.table, issues: f.issues, confidence: f.confidence });
    at = f.end;
  }
  out.push(...groupToBlocks(group.slice(at)));
  return out;
}

/**
 * A run of prose lines (blank lines and page breaks included) → items: the tables the run readers find across it
 * (space-aligned columns, a cell per line), and between them groups of consecutive non-blank lines.
 */
function runItems(run: SourceLine[], keys: KeySource): DocItem[] {
  const items: DocItem[] = [];
  let group: SourceLine[] = [];
  const flush = () => {
    // Columns written a line each in turn (cycled.ts) are a table inside the paragraph lines.
    const cycle = group.length ? findCycle(group) : null;
    if (cycle) {
      items.push(...groupItems(group.slice(0, cycle.start), keys));
      const table = applyRepairs(cycleTable(group, cycle), SHAPE_REPAIRS);
      items.push({ kind: 'table', key: keys(), table, issues: [] });
      items.push(...groupItems(group.slice(cycle.end), keys));
    } else if (group.length) items.push(...groupItems(group, keys));
    group = [];
  };
  const lines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const l = run[i]!;
      // a page break between two rows of a table copied a row per line: its furniture and blank lines go on in the
      // group, the reader leaves them out (spaced.ts, isPageFurniture)
      if (!l.text.trim() && group.length > 0) {
        let j = i;
        while (
          j < to &&
          j - i <= 8 &&
          (!run[j]!.text.trim() || pageNumberLine(run[j]!) || !parseSpacedLine(run[j]!).values.length)
        )
          j++;
        if (j < to && isPageFurniture(run.slice(i, j), group.at(-1), run[j])) {
          group.push(...run.slice(i, j).filter((x) => x.text.trim()));
          i = j - 1;
          continue;
        }
      }
      if (!l.text.trim() || HR.test(l.text)) flush();
      else {
        // a form feed (pdftotext's page break) starts a new group: a page's footer is not the next one's header
        if (l.text.includes('\f')) flush();
        group.push(l);
      }
    }
    flush();
  };
  let at = 0;
  for (const f of findRunTables(run)) {
    lines(at, f.start);
    items.push({ kind: 'table', key: keys(), table: f.table, issues: f.issues, confidence: f.confidence });
    at = f.end;
  }
  lines(at, run.length);
  return items;
}

/**
 * Source lines of a text; a prose line over MAX_LINE_CHARS (not a TSV or pipe-table row) is cut into pieces with
 * blank lines between them, each a block of its own, and reported.
 */
function sourceLines(text: string, issues: DocIssue[]): SourceLine[] {
  const lines: SourceLine[] = [];
  text.split('\n').forEach((t, i) => {
    const line = i + 1;
    if (t.length <= MAX_LINE_CHARS || t.includes('\t') || t.trimStart().startsWith('|')) {
      lines.push({ text: cleanMarkdownLine(t), line });
      return;
    }
    const pieces = cutLine(t);
    issues.push(lineCutIssue(line, t.length, pieces.length));
    pieces.forEach((p, k) => {
      if (k > 0) lines.push({ text: '', line });
      lines.push({ text: cleanMarkdownLine(p), line });
    });
  });
  return lines;
}

/** A text export → items; what the limits cut is added to `issues`. */
export function readTextDocument(text: string, keys: KeySource, issues: DocIssue[] = []): DocItem[] {
  const lines = sourceLines(text, issues);
  const raw = lines.map((l) => l.text);
  const items: DocItem[] = [];
  let run: SourceLine[] = [];
  const flush = () => {
    if (run.length) items.push(...runItems(run, keys));
    run = [];
  };
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.text.includes('\t')) {
      flush();
      let j = i;
      while (j < lines.length && lines[j]!.text.includes('\t')) j++;
      items.push(...readTsvRun(lines.slice(i, j), keys));
      i = j;
    } else if (!l.text.trim() || HR.test(l.text)) {
      run.push(l);
      i++;
    } else if (drawnTableEnd(raw, i) > i) {
      // a table ruled with characters (box drawing, a pandoc grid table): drawn.ts
      flush();
      const end = drawnTableEnd(raw, i);
      const { table, nCols } = readDrawnTable(lines, i, end);
      if (table.cells.some((c) => c.text))
        items.push({ kind: 'table', key: keys(), table, issues: nCols > MAX_TABLE_COLS ? [tooWide(nCols)] : [] });
      i = end;
    } else if (markdownTableAt(raw, i)) {
      flush();
      const { table, next, nCols } = readMarkdownTable(lines, i);
      if (table.cells.some((c) => c.text))
        items.push({ kind: 'table', key: keys(), table, issues: nCols > MAX_TABLE_COLS ? [tooWide(nCols)] : [] });
      i = next;
    } else if (HTML_TABLE_START.test(l.text)) {
      flush();
      const end = htmlTableEnd(lines, i);
      const html = raw.slice(i, end).join('\n');
      const at = lineFinder(html);
      items.push(...piecesToItems(htmlToPieces(html, keys), (offset) => l.line + at(offset) - 1));
      i = end;
    } else {
      run.push(l);
      i++;
    }
  }
  flush();
  return items;
}
