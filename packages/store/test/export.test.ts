import { EXPORT_KEYS, Observation } from '@shiryo/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvField, openStore, type Store } from '../src/index.js';
import { makeDoc, makeNorm, OTHER_CITY, obs, tempDb } from './helpers.js';

let store: Store;
beforeEach(() => {
  store = openStore(tempDb());
});
afterEach(() => store.close());

const tricky = obs({
  section: '1) 共同生活援助, "GH"\n(再掲)',
  value: 1258,
  value_text: '1,258人',
  qualifier: 'gte',
  warnings: ['合計が合わない, 差 3', 'say "why"'],
  row: 2,
  col: 1,
});
const prose = obs({
  table_index: null,
  row: null,
  col: null,
  page: null,
  value_kind: 'target',
  value: 0.5,
  value_text: '0.5',
  fiscal_year: null,
  period_kind: null,
  period_start: null,
  period_end: null,
  confidence: 0.42,
});
const plain = obs({ row: 1, col: 2, value: 41 });

function exported(format: 'jsonl' | 'csv', filter?: Parameters<Store['exportObservations']>[2]): string {
  let text = '';
  const n = store.exportObservations(
    format,
    (c) => {
      text += c;
    },
    filter,
  );
  expect(n).toBe(format === 'csv' ? Math.max(0, parseCsv(text).length - 1) : text.split('\n').filter(Boolean).length);
  return text;
}

/** A strict RFC 4180 reader, to check what the writer produced. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  expect(quoted).toBe(false);
  expect(field).toBe('');
  return rows;
}

describe('exportObservations', () => {
  it('JSONL: exactly EXPORT_KEYS in order, values round-trip, stable order', () => {
    const doc = makeDoc('/plans/a.tsv');
    store.ingestDocument(doc, makeNorm([tricky, prose, plain]));
    const rows = exported('jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const r of rows) expect(Object.keys(r)).toEqual([...EXPORT_KEYS]);
    const back = rows.map((r) => {
      // (the canonical names and the restatement flag the store derives at ingest are not part of the observation given)
      const { document_sha256, document_path, subgroup_canonical: _s, measure_canonical: _m, restatement, ...o } = r;
      expect(restatement).toBe(false);
      expect([document_sha256, document_path]).toEqual([doc.sha256, doc.path]);
      return Observation.parse(o);
    });
    // order: table_index (null first), row, col
    expect(back).toEqual([prose, plain, tricky]);
    expect(rows[2]!.warnings).toEqual(['合計が合わない, 差 3', 'say "why"']);
    expect(rows[0]!.fiscal_year).toBeNull();
    expect(typeof rows[0]!.value).toBe('number');
  });

  it('CSV: header of EXPORT_KEYS, RFC 4180 quoting of commas, quotes and newlines, warnings joined by "; "', () => {
    store.ingestDocument(makeDoc('/plans/a.tsv'), makeNorm([tricky]));
    const text = exported('csv');
    expect(text.split('\n')[0]).toBe(EXPORT_KEYS.join(','));
    const [header, row] = parseCsv(text);
    expect(header).toEqual([...EXPORT_KEYS]);
    const rec = Object.fromEntries(header!.map((k, i) => [k, row![i]]));
    expect(rec.section).toBe('1) 共同生活援助, "GH"\n(再掲)');
    expect(rec.value_text).toBe('1,258人');
    expect(rec.value).toBe('1258');
    expect(rec.subgroup).toBe('');
    expect(rec.warnings).toBe('合計が合わない, 差 3; say "why"');
    expect(text).toContain('"1) 共同生活援助, ""GH""\n(再掲)"');
  });

  it('a subset exports the kind of the figure it is part of: subset_of_kind, the key before the canonical names; null for other kinds', () => {
    const at = EXPORT_KEYS.indexOf('subset_of_kind');
    expect(EXPORT_KEYS.slice(at)).toEqual(['subset_of_kind', 'subgroup_canonical', 'measure_canonical', 'restatement']);
    const part = obs({ value_kind: 'subset', subset_of_kind: 'actual', subgroup: '精神障害者', value: 12, col: 3 });
    // A kind given for a number that is no subset is not stored: only subsets are parts of another figure.
    const whole = obs({ value_kind: 'actual', subset_of_kind: 'plan', value: 41, col: 2 });
    store.ingestDocument(makeDoc('/plans/a.tsv'), makeNorm([whole, part]));
    const rows = exported('jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r.value_kind, r.value, r.subset_of_kind])).toEqual([
      ['actual', 41, null],
      ['subset', 12, 'actual'],
    ]);
    const [header, ...csv] = parseCsv(exported('csv'));
    expect(header![at]).toBe('subset_of_kind');
    expect(csv.map((r) => r[at])).toEqual(['', 'actual']);
  });

  it('csvField quotes only when needed', () => {
    expect(csvField('abc')).toBe('abc');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('filters by municipality code or name and by document path', () => {
    store.ingestDocument(makeDoc('/plans/a.tsv'), makeNorm([plain]));
    store.ingestDocument(makeDoc('/plans/b.tsv'), makeNorm([plain, tricky], OTHER_CITY));
    const count = (f: Parameters<Store['exportObservations']>[2]) =>
      exported('jsonl', f).split('\n').filter(Boolean).length;
    expect(count(undefined)).toBe(3);
    expect(count({ municipality: OTHER_CITY.code })).toBe(2);
    expect(count({ municipality: '東松山市' })).toBe(1);
    expect(count({ documentPath: '/plans/a.tsv' })).toBe(1);
    expect(count({ municipality: undefined })).toBe(3);
    expect(exported('csv', { municipality: 'nowhere' })).toBe(`${EXPORT_KEYS.join(',')}\n`);
  });

  it('filters by indicator (ids, or labels without an id), fiscal year, kind and least confidence', () => {
    store.ingestDocument(
      makeDoc('/plans/a.tsv'),
      makeNorm([
        obs({ col: 1 }), // service.kyodo_seikatsu_enjo, FY2021 plan, confidence 0.9
        obs({ col: 2, value_kind: 'actual', value: 41, confidence: 0.5 }),
        obs({ col: 3, fiscal_year: 2022, value: 50 }),
        obs({ col: 4, indicator_id: null, indicator_label: '独自事業', value: 3 }),
        obs({ col: 5, indicator_id: 'service.kyotaku_kaigo', indicator_label: '居宅介護', value: 7 }),
      ]),
    );
    const values = (f: Parameters<Store['exportObservations']>[2]) =>
      exported('jsonl', f)
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).value as number);
    expect(values({})).toEqual([45, 41, 50, 3, 7]);
    expect(values({ indicatorIds: ['service.kyodo_seikatsu_enjo'] })).toEqual([45, 41, 50]);
    expect(values({ indicatorIds: ['service.kyodo_seikatsu_enjo'], labels: ['独自事業'] })).toEqual([45, 41, 50, 3]);
    expect(values({ labels: ['独自事業'] })).toEqual([3]);
    expect(values({ fiscalYear: 2022 })).toEqual([50]);
    expect(values({ valueKind: 'actual' })).toEqual([41]);
    expect(values({ minConfidence: 0.6 })).toEqual([45, 50, 3, 7]);
    expect(values({ indicatorIds: ['service.kyodo_seikatsu_enjo'], fiscalYear: 2021, minConfidence: 0.6 })).toEqual([
      45,
    ]);
  });

  it('writes large exports in chunks', () => {
    const many = Array.from({ length: 2000 }, (_, i) => obs({ row: i, value: i, value_text: String(i) }));
    store.ingestDocument(makeDoc('/plans/a.tsv'), makeNorm(many));
    const chunks: string[] = [];
    store.exportObservations('jsonl', (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(1);
    const lines = chunks.join('').trim().split('\n');
    expect(lines).toHaveLength(2000);
    expect(lines.map((l) => JSON.parse(l).value)).toEqual(many.map((o) => o.value));
  });
});
