/**
 * Spreadsheet inputs (issue 14 item 9): a CSV in Shift_JIS and an XLSX workbook are read as tables (before, the CSV
 * was read as plain text with no table, the workbook refused as a ZIP archive, and a folder walk skipped both).
 * The documents are test/sheets/ (scripts/make-sheet-layouts.mjs); expectations typed by hand from their cells.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvToTsv, parseCsv } from '@shiryo/extractor';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
let db: string;
let ingestOut: string;

beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), 'shiryo-sheets-')), 'x.sqlite');
  // the folder, walked: both files are picked by their extension
  const r = spawnSync(process.execPath, [BIN, 'ingest', join(ROOT, 'test/sheets'), '--db', db, '--no-summary'], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  ingestOut = r.stderr;
}, 120_000);

const rows = (sql: string) => {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).raw(true).all() as unknown[][];
  } finally {
    conn.close();
  }
};

describe('CSV', () => {
  it('parses RFC 4180: quoted commas, doubled quotes, line breaks in quotes, CRLF', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n"f\ng",,h\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['f\ng', '', 'h'],
    ]);
    expect(csvToTsv('\ufeff区分,"1,204"\r\n"改行\nあり",2\r\n')).toBe('区分\t1,204\n改行 あり\t2\n');
  });

  it('a Shift_JIS CSV: decoded, its table read with units from the unit column and kinds and years from the headers', () => {
    expect(
      rows("SELECT media_type, encoding, municipality_name, n_tables FROM documents WHERE path LIKE '%.csv'"),
    ).toEqual([['text/csv', 'SJIS', '所沢市', 1]]);
    expect(
      rows(`SELECT indicator_label, fiscal_year, value_kind, value, unit FROM observations_flat
        WHERE document_path LIKE '%.csv' ORDER BY row, col`),
    ).toEqual([
      ['共同生活援助', 2021, 'plan', 410, 'person/month'],
      ['共同生活援助', 2021, 'actual', 428, 'person/month'],
      ['共同生活援助', 2022, 'plan', 430, 'person/month'],
      ['共同生活援助', 2022, 'actual', 446, 'person/month'],
      ['就労継続支援(B型)', 2021, 'plan', 1204, 'person_day/month'],
      ['就労継続支援(B型)', 2021, 'actual', 1150, 'person_day/month'],
      ['就労継続支援(B型)', 2022, 'plan', 1250, 'person_day/month'],
      ['就労継続支援(B型)', 2022, 'actual', 1198, 'person_day/month'],
      ['計画相談支援, サービス利用支援', 2021, 'plan', 300, 'person/month'],
      ['計画相談支援, サービス利用支援', 2021, 'actual', 288, 'person/month'],
      ['計画相談支援, サービス利用支援', 2022, 'plan', 310, 'person/month'],
      ['計画相談支援, サービス利用支援', 2022, 'actual', 305, 'person/month'],
    ]);
  });
});

describe('XLSX', () => {
  it('every sheet in order: merged year headers over 計画/実績, a formula result, a percentage as shown', () => {
    expect(ingestOut).toContain('熊谷市_実績.xlsx');
    expect(
      rows(
        "SELECT media_type, municipality_name, n_tables, json_extract(meta, '$.sheets') FROM documents WHERE path LIKE '%.xlsx'",
      ),
    ).toEqual([
      [
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        '熊谷市',
        2,
        '居住系サービス / 達成率 / 空',
      ],
    ]);
    expect(
      rows(`SELECT table_index, indicator_label, fiscal_year, value_kind, value, unit, value_text FROM observations_flat
        WHERE document_path LIKE '%.xlsx' AND value_kind <> 'achievement_rate' ORDER BY table_index, row, col`),
    ).toEqual([
      [0, '共同生活援助', 2021, 'plan', 260, 'person/month', '260'],
      [0, '共同生活援助', 2021, 'actual', 271, 'person/month', '271'],
      [0, '共同生活援助', 2022, 'plan', 280, 'person/month', '280'],
      [0, '共同生活援助', 2022, 'actual', 296, 'person/month', '296'], // =C4+25, its cached result
      [0, '施設入所支援', 2021, 'plan', 150, 'person/month', '150'],
      [0, '施設入所支援', 2021, 'actual', 148, 'person/month', '148'],
      [0, '施設入所支援', 2022, 'plan', 148, 'person/month', '148'],
      [0, '施設入所支援', 2022, 'actual', 145, 'person/month', '145'],
    ]);
    // 271/260 and 296/280 formatted 0.0%: 104.2 and 105.7 percent, as the sheet shows them; the sheet's title
    // `共同生活援助の達成率` names the indicator (共同生活援助) and the kind (達成率: value_kind), as a caption's
    // `…の計画値と実績値` does, so the rates join the plan and actual rows of sheet 1 under one label
    expect(
      rows(`SELECT table_index, indicator_label, fiscal_year, value, unit, value_text FROM observations_flat
        WHERE document_path LIKE '%.xlsx' AND value_kind = 'achievement_rate' ORDER BY col`),
    ).toEqual([
      [1, '共同生活援助', 2021, 104.2, 'percent', '104.2%'],
      [1, '共同生活援助', 2022, 105.7, 'percent', '105.7%'],
    ]);
    // the sheet name is a block of its own, the sheet's title line another
    expect(
      rows(
        "SELECT text FROM blocks b JOIN documents d ON d.id = b.document_id WHERE d.path LIKE '%.xlsx' ORDER BY seq",
      ).flat(),
    ).toEqual(['居住系サービス', '共同生活援助の見込量と実績(単位:人/月)', '達成率', '共同生活援助の達成率', '空']);
  });
});
