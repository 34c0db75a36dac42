/**
 * The export contract as Apache Parquet: the same columns, in the same order, as the JSONL export, each typed —
 * text as UTF-8 strings, `fiscal_year`/`page`/`table_index`/`row`/`col` as INT32, `value`/`confidence` as DOUBLE,
 * `restatement` as BOOLEAN, `warnings` and `rules` as lists of strings (JSONL's arrays); NULL where JSONL has null.
 * Written by hyparquet-writer (pure JavaScript, no native build), in row groups of `ROW_GROUP` rows so that memory
 * stays bounded whatever the number of observations.
 */
import { closeSync, writeSync } from 'node:fs';
import { EXPORT_KEYS, type ExportKey } from '@shiryo/model';
import type Database from 'better-sqlite3';
import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { selectSql } from './export.js';
import type { ExportFilter } from './types.js';

const ROW_GROUP = 50_000;
const INTS = new Set<ExportKey>(['fiscal_year', 'page', 'table_index', 'row', 'col']);
const DOUBLES = new Set<ExportKey>(['value', 'confidence']);
const LISTS = new Set<ExportKey>(['warnings', 'rules']);
const BOOLEANS = new Set<ExportKey>(['restatement']);

/** The Parquet schema of the export contract (a flat list, the root first, as Parquet's footer holds it). */
export function parquetSchema(): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: 'root', num_children: EXPORT_KEYS.length }];
  for (const k of EXPORT_KEYS) {
    if (LISTS.has(k)) {
      // the three-level LIST of the Parquet spec: <k> (LIST) / list (repeated) / element
      schema.push(
        { name: k, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      );
    } else if (INTS.has(k)) schema.push({ name: k, type: 'INT32', repetition_type: 'OPTIONAL' });
    else if (DOUBLES.has(k)) schema.push({ name: k, type: 'DOUBLE', repetition_type: 'OPTIONAL' });
    else if (BOOLEANS.has(k)) schema.push({ name: k, type: 'BOOLEAN', repetition_type: 'OPTIONAL' });
    else schema.push({ name: k, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' });
  }
  return schema;
}

/** A hyparquet Writer that appends to an open file descriptor, flushing every ~1 MB, and closes it at the end. */
function fdWriter(fd: number): ByteWriter {
  const writer = new ByteWriter();
  const chunk = 1 << 20;
  const flush = () => {
    const bytes = new Uint8Array(writer.buffer, 0, writer.index);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    writer.index = 0;
  };
  const ensure = writer.ensure.bind(writer);
  writer.ensure = (size: number) => {
    if (writer.index > chunk) flush();
    ensure(size);
  };
  writer.finish = () => {
    flush();
    closeSync(fd);
  };
  return writer;
}

/**
 * Write every observation (or those matching `filter`) to the open file `fd` as Parquet, and close it. Returns the
 * number of observations written. Rows are read one at a time and written a row group at a time.
 */
export function exportParquet(db: Database.Database, fd: number, filter: ExportFilter = {}): number {
  const { sql, params } = selectSql(filter);
  const writer = new ParquetWriter({
    writer: fdWriter(fd),
    schema: parquetSchema(),
    createdBy: 'shiryo (hyparquet-writer)',
    kvMetadata: [{ key: 'shiryo.export_contract', value: EXPORT_KEYS.join(',') }],
  });
  let columns: unknown[][] = EXPORT_KEYS.map(() => []);
  let rows = 0;
  let n = 0;
  const flush = () => {
    if (rows === 0) return;
    writer.write({
      columnData: EXPORT_KEYS.map((name, i) => ({ name, data: columns[i]! as never[] })),
      rowGroupSize: rows,
    });
    columns = EXPORT_KEYS.map(() => []);
    rows = 0;
  };
  try {
    for (const values of db
      .prepare(sql)
      .raw(true)
      .iterate(...params) as Iterable<unknown[]>) {
      EXPORT_KEYS.forEach((k, i) => {
        const v = values[i];
        columns[i]!.push(
          v === null || v === undefined
            ? null
            : LISTS.has(k)
              ? (JSON.parse(String(v)) as string[] | null)
              : BOOLEANS.has(k)
                ? v === 1
                : v,
        );
      });
      rows++;
      n++;
      if (rows >= ROW_GROUP) flush();
    }
    flush();
    writer.finish();
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed by the writer's finish
    }
    throw e;
  }
  return n;
}
