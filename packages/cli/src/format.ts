/** Rows for people and for programs: aligned text tables (CJK counted as two columns), CSV, JSON. */
import { csvRecord } from '@shiryo/store';

export type Row = Record<string, unknown>;

/** A value as text: numbers as JavaScript writes them (`436`, not `436.0`), null and undefined as ''. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return `<${v.length} bytes>`;
  return String(v);
}

/** Display width: full-width and CJK characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/**
 * An aligned text table: a header, a rule of dashes, one line per row; columns two spaces apart, numbers
 * right-aligned (a column is numeric when every non-empty value in it is a number).
 */
export function textTable(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const text = rows.map((r) => r.map(cellText));
  const numeric = columns.map(
    (_, i) => rows.some((r) => r[i] != null) && rows.every((r) => r[i] == null || typeof r[i] === 'number'),
  );
  const widths = columns.map((c, i) => Math.max(displayWidth(c), ...text.map((t) => displayWidth(t[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - displayWidth(s));
    return numeric[i] ? fill + s : s + fill;
  };
  const line = (cells: readonly string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].map((l) => `${l}\n`).join('');
}

export function csvText(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return csvRecord(columns) + rows.map((r) => csvRecord(r.map(cellText))).join('');
}

/** A JSON array of objects, one row per line (as sqlite-utils writes it). */
export function jsonText(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return '[]\n';
  const objects = rows.map((r) =>
    JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, typeof r[i] === 'bigint' ? Number(r[i]) : r[i]]))),
  );
  return `[${objects.join(',\n ')}]\n`;
}

export type OutputFormat = 'table' | 'csv' | 'json';

export function formatRows(
  format: OutputFormat,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): string {
  if (format === 'csv') return csvText(columns, rows);
  if (format === 'json') return jsonText(columns, rows);
  return textTable(columns, rows);
}

/** `n thing` or `n things`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
