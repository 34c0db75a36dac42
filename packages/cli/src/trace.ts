/**
 * `shiryo trace <observation_id>`: where one stored number came from — the observation, the cell it was read from
 * with the header cells above it and the row's label cells, the rules that made it (with what each does), the
 * statement it restates, and the source lines of its page (the text exports' line numbers; a PDF's page text).
 */
import { allRules } from '@shiryo/normalizer';
import { openStore } from '@shiryo/store';
import type Database from 'better-sqlite3';

const EXIT = { OK: 0, ALL_FAILED: 1, USAGE: 2 } as const;
const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(s);

interface CellRow {
  row: number;
  col: number;
  row_span: number;
  col_span: number;
  role: string;
  text: string;
  orig: string;
  bbox: string | null;
}

export interface Trace {
  observation: Record<string, unknown>;
  table: Record<string, unknown> | null;
  cell: CellRow | null;
  /** Header cells over the cell's column, top to bottom. */
  column_headers: string[];
  /** The row's label (stub) cells, left to right. */
  row_labels: string[];
  rules: { id: string; summary: string | null }[];
  /** The first statement of the same fact in the document, when this observation restates it. */
  restates: Record<string, unknown> | null;
  /** Source lines: the line read (`at`) with a line either side, numbered as in the page's text. */
  source: { page: number | null; lines: { line: number; text: string; at: boolean }[] };
}

const covers = (c: CellRow, r: number, col: number) =>
  c.row <= r && r < c.row + c.row_span && c.col <= col && col < c.col + c.col_span;

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * The page line the number was read from: among the lines holding its text as written (else the cell's text), the
 * one that also holds the row's label, nearest to where the table's row would be (`tables.line` + row); for prose,
 * the block's line.
 */
function sourceLine(pageText: string, wanted: string, label: string | undefined, near: number | null): number | null {
  const lines = pageText.split('\n');
  const w = fold(wanted);
  const l = label ? fold(label) : '';
  let best: { i: number; score: number } | null = null;
  lines.forEach((text, i) => {
    const t = fold(text);
    if (!w || !t.includes(w)) return;
    const score = (l && t.includes(l) ? 0 : 10_000) + (near === null ? i : Math.abs(i + 1 - near));
    if (!best || score < best.score) best = { i, score };
  });
  return best === null ? null : (best as { i: number }).i + 1;
}

export function traceObservation(db: Database.Database, id: number): Trace | null {
  const o = db.prepare('SELECT * FROM observations_flat WHERE observation_id = ?').get(id) as
    | Record<string, unknown>
    | undefined;
  if (!o) return null;
  const documentId = o.document_id as number;
  const tableIndex = o.table_index as number | null;
  const row = o.row as number | null;
  const col = o.col as number | null;
  let table: Record<string, unknown> | null = null;
  let cell: CellRow | null = null;
  const columnHeaders: string[] = [];
  const rowLabels: string[] = [];
  if (tableIndex !== null) {
    table = (db
      .prepare(`SELECT id, table_index, page, line, method, n_rows, n_cols, header_rows, caption, unit_hint,
          quality_score, repairs FROM tables WHERE document_id = ? AND table_index = ?`)
      .get(documentId, tableIndex) ?? null) as Record<string, unknown> | null;
    if (table && row !== null && col !== null) {
      const cells = db
        .prepare(
          'SELECT row, col, row_span, col_span, role, text, orig, bbox FROM cells WHERE table_id = ? ORDER BY row, col',
        )
        .all(table.id) as CellRow[];
      cell = cells.find((c) => covers(c, row, col)) ?? null;
      const headerRows = table.header_rows as number;
      for (let r = 0; r < headerRows; r++) {
        const h = cells.find((c) => covers(c, r, col));
        if (h?.text && !columnHeaders.includes(h.text)) columnHeaders.push(h.text);
      }
      for (const c of cells)
        if (c.role === 'stub' && c.col < col && covers(c, row, c.col) && c.text && !rowLabels.includes(c.text))
          rowLabels.push(c.text);
    }
  }
  const descriptions = new Map(allRules().map((r) => [r.id, r.summary]));
  const ruleIds = JSON.parse(String(o.rules ?? '[]')) as string[];
  const rules = ruleIds.map((r) => ({ id: r, summary: descriptions.get(r) ?? null }));
  const restatesId = o.restates as number | null;
  const restates = restatesId
    ? ((db
        .prepare(`SELECT observation_id, table_index, row, col, page, indicator_label, value_text
          FROM observations_flat WHERE observation_id = ?`)
        .get(restatesId) ?? null) as Record<string, unknown> | null)
    : null;
  const page = (o.page as number | null) ?? (table?.page as number | undefined) ?? null;
  const pageText =
    page === null
      ? undefined
      : (db.prepare('SELECT text FROM pages WHERE document_id = ? AND page = ?').pluck().get(documentId, page) as
          | string
          | undefined);
  const lines: Trace['source']['lines'] = [];
  if (pageText !== undefined) {
    let near: number | null = null;
    if (table?.line != null && row !== null) near = (table.line as number) + row;
    else if (tableIndex === null) {
      // prose: the line of the first block on the page holding the value as written
      const b = db
        .prepare(`SELECT line FROM blocks WHERE document_id = ? AND page = ? AND instr(text, ?) > 0 AND line IS NOT NULL
            ORDER BY seq LIMIT 1`)
        .pluck()
        .get(documentId, page, String(o.value_text)) as number | undefined;
      near = b ?? null;
    }
    const at = sourceLine(pageText, cell?.orig || String(o.value_text), rowLabels[0], near);
    if (at !== null) {
      const all = pageText.split('\n');
      for (let l = Math.max(1, at - 1); l <= Math.min(all.length, at + 1); l++)
        lines.push({ line: l, text: all[l - 1] ?? '', at: l === at });
    }
  }
  return {
    observation: o,
    table,
    cell,
    column_headers: columnHeaders,
    row_labels: rowLabels,
    rules,
    restates,
    source: { page, lines },
  };
}

function show(t: Trace): string {
  const o = t.observation;
  const s: string[] = [];
  const val = `${o.value}${o.unit ? ` ${o.unit}` : ''}`;
  s.push(
    `observation ${o.observation_id}: ${o.indicator_label}${o.subgroup ? ` [${o.subgroup}]` : ''}${o.measure ? ` ${o.measure}` : ''} FY${o.fiscal_year ?? '?'} ${o.value_kind} ${val} «${o.value_text}» confidence ${o.confidence}`,
  );
  s.push(
    `  indicator_id ${o.indicator_id ?? '(none)'}; ${o.municipality_name ?? '(no city)'}${o.municipality_code ? ` ${o.municipality_code}` : ''}; period ${o.period_kind ?? '?'} ${o.period_start ?? ''}${o.period_end ? `…${o.period_end}` : ''}`,
  );
  s.push(`document ${o.document_path}, page ${t.source.page ?? '?'}`);
  if (t.table) {
    const tb = t.table;
    s.push(
      `table ${tb.table_index} (${tb.method}, ${tb.n_rows}×${tb.n_cols}, ${tb.header_rows} header rows, quality ${tb.quality_score}${tb.caption ? `, caption «${tb.caption}»` : ''}${tb.unit_hint ? `, unit ${tb.unit_hint}` : ''}${tb.repairs !== '[]' ? `, repairs ${tb.repairs}` : ''})`,
    );
    if (t.cell)
      s.push(
        `cell r${o.row}c${o.col} (${t.cell.role}${t.cell.row_span > 1 || t.cell.col_span > 1 ? `, spans ${t.cell.row_span}×${t.cell.col_span}` : ''}): «${t.cell.text}»${t.cell.orig !== t.cell.text ? ` (as written «${t.cell.orig}»)` : ''}`,
      );
    s.push(`  column headers: ${t.column_headers.length ? t.column_headers.join(' › ') : '(none)'}`);
    s.push(`  row labels:     ${t.row_labels.length ? t.row_labels.join(' › ') : '(none)'}`);
  } else s.push('read from prose (no table)');
  if (o.section) s.push(`section: ${o.section}`);
  s.push('rules:');
  for (const r of t.rules) s.push(`  ${r.id}${r.summary ? ` — ${r.summary}` : ''}`);
  const warnings = JSON.parse(String(o.warnings ?? '[]')) as string[];
  if (warnings.length) s.push(`warnings: ${warnings.join('; ')}`);
  if (t.restates)
    s.push(
      `restates observation ${t.restates.observation_id} (${t.restates.table_index === null ? 'prose' : `table ${t.restates.table_index} r${t.restates.row}c${t.restates.col}`}, «${t.restates.value_text}»): counted once`,
    );
  if (t.source.lines.length) {
    s.push(`source (page ${t.source.page}):`);
    const width = String(t.source.lines.at(-1)?.line ?? '').length;
    for (const l of t.source.lines) s.push(`${l.at ? '>' : ' '} ${String(l.line).padStart(width)} | ${l.text}`);
  }
  return `${s.join('\n')}\n`;
}

/** `shiryo trace <observation_id> --db F [--json]`. Exit 1 when no observation has the id. */
export function traceCommand(idText: string, o: { db: string; json?: boolean }): number {
  if (!/^\d+$/.test(idText)) {
    err(`shiryo trace: ${idText} is not an observation id (observations_flat.observation_id, a whole number)\n`);
    return EXIT.USAGE;
  }
  const store = openStore(o.db, { readonly: true, migrateOlder: true });
  try {
    const t = traceObservation(store.db, Number(idText));
    if (!t) {
      err(`shiryo trace: ${o.db} holds no observation ${idText}\n`);
      return EXIT.ALL_FAILED;
    }
    out(o.json ? `${JSON.stringify(t, null, 2)}\n` : show(t));
    return EXIT.OK;
  } finally {
    store.close();
  }
}
