/** A document is its bytes; the paths it was seen at and the metadata given for it are facts of their own. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openStore, type Store } from '../src/index.js';
import { CITY, countOf, makeDoc, makeNorm, OTHER_CITY, obs, snapshot, tempDb } from './helpers.js';

let store: Store;
beforeEach(() => {
  store = openStore(tempDb());
});
afterEach(() => store.close());

const twoObs = () => [obs(), obs({ value_kind: 'actual', value: 41, value_text: '41', col: 2 })];
const paths = () =>
  store.db.prepare('SELECT path, document_id, municipality_code FROM document_paths ORDER BY path').all();
const obsCities = () =>
  store.db
    .prepare('SELECT DISTINCT municipality_code, municipality_name, prefecture FROM observations ORDER BY 1')
    .all();

describe('metadata of stored bytes', () => {
  it('a city given for stored bytes whose city was unknown: updated in place, observations included', () => {
    const doc = makeDoc('/plans/a.tsv');
    const first = store.ingestDocument(doc, makeNorm(twoObs(), null));
    expect(obsCities()).toEqual([{ municipality_code: null, municipality_name: null, prefecture: null }]);
    const r = store.ingestDocument(doc, makeNorm(twoObs(), OTHER_CITY, 'option'));
    expect(r).toEqual({ status: 'updated', documentId: first.documentId });
    expect(
      store.db.prepare('SELECT municipality_code, municipality_name, municipality_source FROM documents').all(),
    ).toEqual([{ municipality_code: '112089', municipality_name: '所沢市', municipality_source: 'option' }]);
    expect(obsCities()).toEqual([{ municipality_code: '112089', municipality_name: '所沢市', prefecture: '埼玉県' }]);
    // one document, its rows once: nothing left of the first reading, nothing doubled
    expect(store.stats()).toMatchObject({ documents: 1, pages: 1, tables: 1, cells: 4, blocks: 2, observations: 2 });
    const hits = store.db.prepare("SELECT rowid FROM blocks_fts WHERE blocks_fts MATCH 'グループホーム'").all();
    expect(hits).toHaveLength(1);
  });

  it('the same city from another source is new metadata too; the same reading is unchanged', () => {
    const doc = makeDoc('/plans/a.tsv');
    store.ingestDocument(doc, makeNorm(twoObs(), CITY, 'text'));
    expect(store.ingestDocument(doc, makeNorm(twoObs(), CITY, 'text')).status).toBe('unchanged');
    expect(store.ingestDocument(doc, makeNorm(twoObs(), CITY, 'path')).status).toBe('updated');
    expect(store.db.prepare('SELECT municipality_source FROM documents').pluck().get()).toBe('path');
  });

  it('plan and date given from outside are stored with the plan source', () => {
    const doc = makeDoc('/plans/a.tsv');
    store.ingestDocument(doc, makeNorm(twoObs()));
    const row = () => store.db.prepare('SELECT plan, plan_source, document_date FROM documents').get();
    expect(row()).toEqual({ plan: '第6期障害福祉計画', plan_source: 'text', document_date: null });
    const r = store.ingestDocument(doc, makeNorm(twoObs()), { planGiven: true, documentDate: '2024-03-15' });
    expect(r.status).toBe('updated');
    expect(row()).toEqual({ plan: '第6期障害福祉計画', plan_source: 'manifest', document_date: '2024-03-15' });
  });

  it('force reads stored bytes anew: same document id, rows rewritten', () => {
    const doc = makeDoc('/plans/a.tsv');
    const first = store.ingestDocument(doc, makeNorm(twoObs()));
    const ids = () => store.db.prepare('SELECT id FROM observations ORDER BY id').pluck().all() as number[];
    const before = ids();
    const r = store.ingestDocument(doc, makeNorm([obs({ value: 46, value_text: '46' })]), { force: true });
    expect(r).toEqual({ status: 'updated', documentId: first.documentId });
    expect(store.db.prepare('SELECT value FROM observations').pluck().all()).toEqual([46]);
    expect(Math.min(...ids())).toBeGreaterThan(Math.max(...before));
    expect(store.db.prepare('SELECT n_observations FROM documents').pluck().get()).toBe(1);
  });

  it('an update that fails leaves the stored reading exactly as it was', () => {
    const doc = makeDoc('/plans/a.tsv');
    store.ingestDocument(doc, makeNorm(twoObs(), null));
    const before = snapshot(store.db);
    expect(() =>
      store.ingestDocument(doc, makeNorm(twoObs(), OTHER_CITY, 'option'), { failAfterObservations: 1 }),
    ).toThrow(/STORE_FAILED/);
    expect(snapshot(store.db)).toEqual(before);
  });
});

describe('document_paths', () => {
  it('records every path the bytes were seen at, with the city each path names', () => {
    const a = makeDoc('/docs/所沢市/a.tsv');
    const r = store.ingestDocument(a, makeNorm(twoObs(), OTHER_CITY, 'path'), { pathMunicipalityCode: '112089' });
    const copy = { ...a, path: '/docs/copy/a.tsv' };
    expect(
      store.ingestDocument(copy, makeNorm(twoObs(), OTHER_CITY, 'path'), { pathMunicipalityCode: null }).status,
    ).toBe('unchanged');
    expect(paths()).toEqual([
      { path: '/docs/copy/a.tsv', document_id: r.documentId, municipality_code: null },
      { path: '/docs/所沢市/a.tsv', document_id: r.documentId, municipality_code: '112089' },
    ]);
    expect(store.storedDocument(a.sha256)).toMatchObject({
      id: r.documentId,
      path: '/docs/所沢市/a.tsv',
      municipality_source: 'path',
      paths: [
        { path: '/docs/所沢市/a.tsv', municipality_code: '112089' },
        { path: '/docs/copy/a.tsv', municipality_code: null },
      ],
    });
    expect(store.storedDocument('0'.repeat(64))).toBeNull();
    expect(countOf(store.db, 'documents')).toBe(1);
  });

  it('a path whose city was not read keeps the one recorded', () => {
    const a = makeDoc('/docs/所沢市/a.tsv');
    store.ingestDocument(a, makeNorm(twoObs()), { pathMunicipalityCode: '112089' });
    store.ingestDocument(a, makeNorm(twoObs()));
    expect(paths()).toEqual([expect.objectContaining({ municipality_code: '112089' })]);
  });

  it('new bytes at a path: a version seen nowhere else is dropped; one seen elsewhere only loses the path', () => {
    const old = makeDoc('/docs/a.tsv', 'old');
    const kept = store.ingestDocument(old, makeNorm(twoObs()));
    store.ingestDocument({ ...old, path: '/backup/a.tsv' }, makeNorm(twoObs()));
    const r = store.ingestDocument(makeDoc('/docs/a.tsv', 'new'), makeNorm(twoObs()));
    expect(r.status).toBe('replaced');
    expect(store.db.prepare('SELECT id, path FROM documents ORDER BY id').all()).toEqual([
      { id: kept.documentId, path: '/backup/a.tsv' },
      { id: r.documentId, path: '/docs/a.tsv' },
    ]);
    // and once the backup too holds other bytes, the old version is seen nowhere: dropped
    store.ingestDocument(makeDoc('/backup/a.tsv', 'other'), makeNorm(twoObs()));
    expect(store.db.prepare('SELECT id FROM documents WHERE id = ?').get(kept.documentId)).toBeUndefined();
    expect(countOf(store.db, 'document_paths')).toBe(2);
  });

  it('recordPath: stored bytes seen again without reading them; null when not stored', () => {
    const a = makeDoc('/docs/a.tsv');
    const first = store.ingestDocument(a, makeNorm(twoObs()));
    const before = snapshot(store.db);
    expect(store.recordPath(a.sha256, '/docs/a.tsv', null)).toEqual({
      status: 'unchanged',
      documentId: first.documentId,
    });
    expect(store.recordPath(a.sha256, '/other/府中市/a.tsv', null)?.status).toBe('unchanged');
    expect(snapshot(store.db)).toEqual(before);
    expect(paths()).toHaveLength(2);
    expect(store.recordPath('f'.repeat(64), '/docs/x.tsv', null)).toBeNull();
    store.ingestDocument(makeDoc('/docs/b.tsv', 'v1'), makeNorm(twoObs()));
    expect(store.recordPath(a.sha256, '/docs/b.tsv', null)?.status).toBe('replaced');
    expect(countOf(store.db, 'documents')).toBe(1);
  });
});

describe('documents without a municipality', () => {
  it('are listed with every path and the reasons their issues give', () => {
    const norm = makeNorm(twoObs(), null);
    norm.issues.push({
      code: 'MUNICIPALITY_NOT_FOUND',
      severity: 'warn',
      stage: 'normalize',
      message: 'no municipality',
      where: null,
    });
    const r = store.ingestDocument(makeDoc('/docs/a.tsv'), norm);
    store.ingestDocument(makeDoc('/docs/b.tsv'), makeNorm(twoObs()));
    store.recordPath(makeDoc('/docs/a.tsv').sha256, '/copy/a.tsv');
    expect(store.documentsWithoutMunicipality()).toEqual([
      {
        id: r.documentId,
        path: '/docs/a.tsv',
        paths: ['/docs/a.tsv', '/copy/a.tsv'],
        observations: 2,
        reasons: ['MUNICIPALITY_NOT_FOUND: no municipality'],
      },
    ]);
  });
});

describe('migration 003', () => {
  it('carries every stored document over with its path; sources and dates unrecorded', () => {
    const file = tempDb();
    mkdirSync(dirname(file), { recursive: true });
    const raw = new Database(file);
    raw.exec('CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.slice(0, 2)) {
      raw.exec(m.sql);
      raw.prepare('INSERT INTO migrations VALUES (?, ?, ?)').run(m.id, m.name, '2025-01-01T00:00:00Z');
    }
    raw.pragma('user_version = 2');
    raw
      .prepare(`INSERT INTO documents (sha256, path, media_type, bytes, municipality_code, status, n_pages, n_tables,
          n_blocks, n_observations, ingested_at)
        VALUES ('ab', '/old/a.txt', 'text/plain', 1, '112127', 'ok', 1, 0, 0, 0, '2025-01-02T00:00:00Z')`)
      .run();
    raw.close();
    const s = openStore(file);
    try {
      expect(s.db.prepare('SELECT * FROM document_paths').all()).toEqual([
        { path: '/old/a.txt', document_id: 1, municipality_code: null, seen_at: '2025-01-02T00:00:00Z' },
      ]);
      expect(s.db.prepare('SELECT municipality_source, plan_source, document_date FROM documents').get()).toEqual({
        municipality_source: null,
        plan_source: null,
        document_date: null,
      });
      expect(s.summary()[0]?.sources).toEqual({ unrecorded: 1 });
      expect(() => s.db.prepare("UPDATE documents SET municipality_source = 'guess'").run()).toThrow(/CHECK/);
    } finally {
      s.close();
    }
  });
});
