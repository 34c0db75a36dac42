/** Small hand-made documents for the store tests, validated by the model's zod schemas. */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtractedDocument, type MunicipalitySource, NormalizedDocument, type Observation } from '@shiryo/model';
import type Database from 'better-sqlite3';

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'shiryo-store-')), 'nested', 'dir', 'test.sqlite');
}

export const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

export const CITY = { code: '112127', name: '東松山市', prefecture: '埼玉県', kana: 'ひがしまつやまし' };
export const OTHER_CITY = { code: '112089', name: '所沢市', prefecture: '埼玉県', kana: 'ところざわし' };

const cell = (row: number, col: number, text: string, role: 'header' | 'stub' | 'body' = 'body') => ({
  row,
  col,
  rowSpan: 1,
  colSpan: 1,
  text,
  orig: text,
  role,
});

/** A one-table text export: 共同生活援助 plan/actual for R3. `version` changes the bytes. */
export function makeDoc(path: string, version = 'v1'): ExtractedDocument {
  return ExtractedDocument.parse({
    sha256: sha(`${path}\n${version}`),
    path,
    mediaType: 'text/tab-separated-values',
    encoding: 'UTF8',
    bytes: 1234,
    pages: [
      { index: 1, width: 595, height: 842, spans: [], rulings: [], lines: ['第6期障害福祉計画', '共同生活援助'] },
    ],
    tables: [
      {
        page: 1,
        index: 0,
        seq: 2,
        line: 3,
        method: 'tsv',
        cells: [
          cell(0, 0, '区分', 'header'),
          cell(0, 1, 'R3計画', 'header'),
          cell(1, 0, '共同生活援助', 'stub'),
          cell(1, 1, '45'),
        ],
        nRows: 2,
        nCols: 2,
        headerRows: 1,
        caption: '共同生活援助の見込量',
        unitHint: '人/月',
        quality: { score: 0.9, emptyRatio: 0, repairs: ['joinSplitHeaderWords'] },
      },
    ],
    blocks: [
      { kind: 'heading', text: '第6期障害福祉計画', orig: '第６期障害福祉計画', level: 1, page: 1, seq: 0, line: 1 },
      {
        kind: 'paragraph',
        text: `グループホームの整備を進めます(${version})`,
        orig: 'グループホームの整備を進めます',
        page: 1,
        seq: 1,
      },
    ],
    meta: { generator: 'test' },
  });
}

export function obs(partial: Partial<Observation> = {}): Observation {
  return {
    municipality_code: CITY.code,
    municipality_name: CITY.name,
    prefecture: CITY.prefecture,
    plan: '第6期障害福祉計画',
    plan_period: '2021-2023',
    section: '共同生活援助',
    indicator_id: 'service.kyodo_seikatsu_enjo',
    indicator_label: '共同生活援助',
    subgroup: null,
    measure: '利用者数',
    unit: 'person/month',
    unit_text: '人/月',
    period_kind: 'fy',
    fiscal_year: 2021,
    period_start: '2021-04-01',
    period_end: '2022-03-31',
    value_kind: 'plan',
    value: 45,
    value_text: '45',
    qualifier: null,
    page: 1,
    table_index: 0,
    row: 1,
    col: 1,
    confidence: 0.9,
    warnings: [],
    rules: ['kind.column', 'period.column'],
    subset_of_kind: null,
    ...partial,
  };
}

export function makeNorm(
  observations: Observation[],
  city: typeof CITY | null = CITY,
  source: MunicipalitySource | null = city ? 'text' : null,
): NormalizedDocument {
  return NormalizedDocument.parse({
    title: '東松山市障害者計画',
    municipality: city,
    municipalitySource: source,
    plan: '第6期障害福祉計画',
    planPeriod: '2021-2023',
    observations: observations.map((o) => ({
      ...o,
      municipality_code: city?.code ?? null,
      municipality_name: city?.name ?? null,
      prefecture: city?.prefecture ?? null,
    })),
    issues: [
      {
        code: 'TOTAL_MISMATCH',
        severity: 'warn',
        stage: 'normalize',
        message: '合計が合いません',
        where: 'table 0 r1c1',
      },
    ],
  });
}

const TABLES = [
  'documents',
  'pages',
  'tables',
  'cells',
  'blocks',
  'observations',
  'issues',
  'indicators',
  'municipalities',
];

/** Every row of every data table (and the FTS index's view of the blocks), to compare before and after. */
export function snapshot(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();
  out.fts = db.prepare("SELECT rowid FROM blocks_fts WHERE blocks_fts MATCH 'グループホーム' ORDER BY rowid").all();
  return out;
}

export const countOf = (db: Database.Database, table: string): number =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
