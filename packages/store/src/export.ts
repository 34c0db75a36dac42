import { EXPORT_KEYS } from '@shiryo/model';
import type Database from 'better-sqlite3';
import { csvRecord } from './csv.js';
import type { ExportFilter, ExportFormat } from './types.js';

/** The keys stored as JSON arrays: an array in JSONL, joined with `; ` in CSV. */
const ARRAYS = new Set([EXPORT_KEYS.indexOf('warnings'), EXPORT_KEYS.indexOf('rules')]);
/** Stored as 0/1: `true`/`false` in JSONL and CSV (pandas and R read both as booleans). */
const BOOLEANS = new Set([EXPORT_KEYS.indexOf('restatement')]);
const CHUNK = 64 * 1024;

export function selectSql(filter: ExportFilter): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const which: string[] = [];
  if (filter.indicatorIds?.length) {
    which.push(`indicator_id IN (${filter.indicatorIds.map(() => '?').join(', ')})`);
    params.push(...filter.indicatorIds);
  }
  if (filter.labels?.length) {
    which.push(`(indicator_id IS NULL AND indicator_label IN (${filter.labels.map(() => '?').join(', ')}))`);
    params.push(...filter.labels);
  }
  if (which.length) where.push(`(${which.join(' OR ')})`);
  if (filter.fiscalYear !== undefined) {
    where.push('fiscal_year = ?');
    params.push(filter.fiscalYear);
  }
  if (filter.valueKind) {
    where.push('value_kind = ?');
    params.push(filter.valueKind);
  }
  if (filter.minConfidence !== undefined) {
    where.push('confidence >= ?');
    params.push(filter.minConfidence);
  }
  if (filter.municipality) {
    where.push('(municipality_code = ? OR municipality_name = ?)');
    params.push(filter.municipality, filter.municipality);
  }
  if (filter.documentPath) {
    where.push('document_path = ?');
    params.push(filter.documentPath);
  }
  const cols = EXPORT_KEYS.map((k) => `"${k}"`).join(', ');
  const sql = `SELECT ${cols} FROM observations_flat ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY document_path, table_index, row, col, observation_id`;
  return { sql, params };
}

function jsonLine(values: unknown[]): string {
  const o: Record<string, unknown> = {};
  EXPORT_KEYS.forEach((k, i) => {
    o[k] = ARRAYS.has(i) ? JSON.parse(String(values[i])) : BOOLEANS.has(i) ? values[i] === 1 : values[i];
  });
  return `${JSON.stringify(o)}\n`;
}

function csvLine(values: unknown[]): string {
  return csvRecord(
    values.map((v, i) => {
      if (ARRAYS.has(i)) return (JSON.parse(String(v)) as string[]).join('; ');
      if (BOOLEANS.has(i)) return v === 1 ? 'true' : 'false';
      return v === null || v === undefined ? '' : String(v);
    }),
  );
}

/**
 * Stream every observation (or those matching `filter`) in the export contract: JSONL with exactly `EXPORT_KEYS`
 * in order, or CSV with a header of the same keys. Rows are read one at a time and written in chunks of ~64 kB.
 * Returns the number of observations written.
 */
export function exportObservations(
  db: Database.Database,
  format: ExportFormat,
  write: (chunk: string) => void,
  filter: ExportFilter = {},
): number {
  const { sql, params } = selectSql(filter);
  const line = format === 'csv' ? csvLine : jsonLine;
  let buf = format === 'csv' ? csvRecord(EXPORT_KEYS) : '';
  let n = 0;
  for (const values of db
    .prepare(sql)
    .raw(true)
    .iterate(...params) as Iterable<unknown[]>) {
    buf += line(values);
    n++;
    if (buf.length >= CHUNK) {
      write(buf);
      buf = '';
    }
  }
  if (buf) write(buf);
  return n;
}
