import { ShiryoError } from '@shiryo/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/index.js';
import { countOf, makeDoc, makeNorm, obs, snapshot, tempDb } from './helpers.js';

let store: Store;
beforeEach(() => {
  store = openStore(tempDb());
});
afterEach(() => store.close());

const twoObs = () => [obs(), obs({ value_kind: 'actual', value: 41, value_text: '41', col: 2 })];

describe('ingestDocument', () => {
  it('inserts the document with its pages, tables, cells, blocks, observations and issues', () => {
    const doc = makeDoc('/plans/a.tsv');
    const r = store.ingestDocument(doc, makeNorm(twoObs()));
    expect(r.status).toBe('inserted');
    const row = store.db.prepare('SELECT * FROM documents WHERE id = ?').get(r.documentId) as Record<string, unknown>;
    expect(row).toMatchObject({
      sha256: doc.sha256,
      path: '/plans/a.tsv',
      media_type: 'text/tab-separated-values',
      encoding: 'UTF8',
      bytes: 1234,
      municipality_code: '112127',
      plan_period: '2021-2023',
      status: 'ok',
      n_tables: 1,
      n_observations: 2,
    });
    const s = store.stats();
    expect(s).toMatchObject({ documents: 1, pages: 1, tables: 1, cells: 4, blocks: 2, observations: 2, issues: 1 });
    const t = store.db.prepare('SELECT * FROM tables').get() as Record<string, unknown>;
    expect(t).toMatchObject({
      method: 'tsv',
      n_rows: 2,
      n_cols: 2,
      header_rows: 1,
      unit_hint: '人/月',
      quality_score: 0.9,
    });
    expect(JSON.parse(String(t.repairs))).toEqual(['joinSplitHeaderWords']);
    const o = store.db.prepare('SELECT warnings, value, fiscal_year FROM observations ORDER BY id').all();
    expect(o).toEqual([
      { warnings: '[]', value: 45, fiscal_year: 2021 },
      { warnings: '[]', value: 41, fiscal_year: 2021 },
    ]);
    expect(store.listIssues({ documentPath: '/plans/a.tsv' })[0]).toMatchObject({
      code: 'TOTAL_MISMATCH',
      where: 'table 0 r1c1',
      document_id: r.documentId,
      stage: 'normalize',
    });
  });

  it('marks a document with error issues as partial', () => {
    const norm = makeNorm(twoObs());
    norm.issues.push({ code: 'TABLE_UNREADABLE', severity: 'error', stage: 'extract', message: 'x', where: null });
    store.ingestDocument(makeDoc('/plans/a.tsv'), norm);
    expect(store.db.prepare('SELECT status FROM documents').pluck().get()).toBe('partial');
  });

  it('same bytes twice → unchanged, nothing written', () => {
    const doc = makeDoc('/plans/a.tsv');
    const first = store.ingestDocument(doc, makeNorm(twoObs()));
    const before = snapshot(store.db);
    const again = store.ingestDocument(doc, makeNorm(twoObs()));
    expect(again).toEqual({ status: 'unchanged', documentId: first.documentId });
    expect(snapshot(store.db)).toEqual(before);
  });

  it('same path, new bytes → replaced: old rows gone (cascade), new present', () => {
    const first = store.ingestDocument(makeDoc('/plans/a.tsv', 'v1'), makeNorm(twoObs()));
    store.recordFailure('/plans/a.tsv', new ShiryoError('DECODE_FAILED', '/plans/a.tsv', 'bad bytes'));
    const v2 = makeDoc('/plans/a.tsv', 'v2');
    const r = store.ingestDocument(v2, makeNorm([obs({ value: 99, value_text: '99' })]));
    expect(r.status).toBe('replaced');
    expect(r.documentId).not.toBe(first.documentId);
    expect(store.db.prepare('SELECT sha256 FROM documents').pluck().all()).toEqual([v2.sha256]);
    expect(store.db.prepare('SELECT value FROM observations').pluck().all()).toEqual([99]);
    for (const t of ['pages', 'tables', 'blocks', 'observations', 'issues'])
      expect(store.db.prepare(`SELECT count(*) FROM ${t} WHERE document_id = ?`).pluck().get(first.documentId)).toBe(0);
    expect(countOf(store.db, 'cells')).toBe(4);
    // the failure recorded for the old file is superseded by the stored new version
    expect(store.listIssues({ failuresOnly: true })).toEqual([]);
    // the FTS index follows the cascade
    const hits = store.db.prepare("SELECT text FROM blocks_fts WHERE blocks_fts MATCH '整備を進め' ").pluck().all();
    expect(hits).toEqual(['グループホームの整備を進めます(v2)']);
  });

  it('a failure mid-document rolls everything back and throws STORE_FAILED', () => {
    store.ingestDocument(makeDoc('/plans/a.tsv'), makeNorm(twoObs()));
    const before = snapshot(store.db);
    let err: unknown;
    try {
      store.ingestDocument(makeDoc('/plans/b.tsv'), makeNorm(twoObs(), undefined), { failAfterObservations: 1 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ShiryoError);
    expect(err).toMatchObject({ code: 'STORE_FAILED', file: '/plans/b.tsv' });
    expect(snapshot(store.db)).toEqual(before);
  });

  it('a replacement that fails keeps the old version intact', () => {
    store.ingestDocument(makeDoc('/plans/a.tsv', 'v1'), makeNorm(twoObs()));
    const before = snapshot(store.db);
    expect(() =>
      store.ingestDocument(makeDoc('/plans/a.tsv', 'v2'), makeNorm([obs({ value: 99 })]), {
        beforeCommit: () => {
          throw new Error('disk full');
        },
      }),
    ).toThrow(/STORE_FAILED: disk full/);
    expect(snapshot(store.db)).toEqual(before);
    // and the store is still usable afterwards
    expect(store.ingestDocument(makeDoc('/plans/a.tsv', 'v2'), makeNorm([obs({ value: 99 })])).status).toBe('replaced');
  });

  it('failAfterObservations: 0 fails before the first observation', () => {
    expect(() =>
      store.ingestDocument(makeDoc('/plans/a.tsv'), makeNorm(twoObs()), { failAfterObservations: 0 }),
    ).toThrow(ShiryoError);
    expect(store.stats()).toMatchObject({ documents: 0, pages: 0, tables: 0, cells: 0, blocks: 0, observations: 0 });
  });

  it('the same bytes under a new path stay one document; a stale older version at that path is dropped', () => {
    const a = makeDoc('/plans/a.tsv', 'v1');
    const r1 = store.ingestDocument(a, makeNorm(twoObs()));
    expect(store.ingestDocument({ ...a, path: '/copy/a.tsv' }, makeNorm(twoObs())).status).toBe('unchanged');
    store.ingestDocument(makeDoc('/plans/b.tsv', 'old'), makeNorm(twoObs()));
    const r = store.ingestDocument({ ...a, path: '/plans/b.tsv' }, makeNorm(twoObs()));
    expect(r).toEqual({ status: 'replaced', documentId: r1.documentId });
    expect(store.db.prepare('SELECT path FROM documents').pluck().all()).toEqual(['/plans/a.tsv']);
  });
});

describe('recordFailure', () => {
  it('adds one issues row without a document and leaves stored documents alone', () => {
    store.ingestDocument(makeDoc('/plans/a.tsv'), makeNorm(twoObs()));
    const before = snapshot(store.db);
    store.recordFailure(
      '/plans/bad.txt',
      new ShiryoError('DECODE_FAILED', '/plans/bad.txt', 'not text'),
      'ab'.repeat(32),
    );
    const after = snapshot(store.db);
    expect(after.issues).toHaveLength(before.issues!.length + 1);
    expect({ ...after, issues: before.issues }).toEqual(before);
    expect(store.listIssues({ failuresOnly: true })).toEqual([
      expect.objectContaining({
        document_id: null,
        path: '/plans/bad.txt',
        sha256: 'ab'.repeat(32),
        code: 'DECODE_FAILED',
        severity: 'error',
        stage: 'read',
        message: 'not text',
        where: null,
      }),
    ]);
    store.recordFailure('/plans/x.txt', new ShiryoError('STORE_FAILED', '/plans/x.txt', 'locked'));
    expect(store.listIssues({ code: 'STORE_FAILED' })[0]?.stage).toBe('store');
    expect(store.stats().failures).toBe(2);
  });
});

describe('re-runs write nothing new', () => {
  it('the same failure at a path is one row, kept as it was; another failure there replaces it', () => {
    const bad = () => new ShiryoError('DECODE_FAILED', '/plans/bad.txt', 'not text');
    const id = store.recordFailure('/plans/bad.txt', bad(), 'ab'.repeat(32));
    const row = store.listIssues({ failuresOnly: true });
    expect(store.recordFailure('/plans/bad.txt', bad(), 'ab'.repeat(32))).toBe(id);
    expect(store.listIssues({ failuresOnly: true })).toEqual(row);
    // the file changed and fails otherwise: still one row for the path, saying the new failure
    expect(
      store.recordFailure('/plans/bad.txt', new ShiryoError('EMPTY_DOCUMENT', '/plans/bad.txt', 'empty'), null),
    ).toBe(id);
    expect(store.listIssues({ failuresOnly: true })).toEqual([
      expect.objectContaining({ id, path: '/plans/bad.txt', code: 'EMPTY_DOCUMENT', message: 'empty', sha256: null }),
    ]);
    // another path is another row
    store.recordFailure('/plans/other.txt', bad());
    expect(store.stats().failures).toBe(2);
  });

  it('reference data already stored is not written again; a changed entry is, aliases made to match', () => {
    const city = { code: '112089', name: '所沢市', prefecture: '埼玉県', kana: 'ところざわし' };
    const entry = { id: 'service.x', label: 'X', plan: 'shogai', units: ['person'], aliases: ['a', 'b'] };
    expect(store.upsertMunicipalities([city])).toBe(1);
    expect(store.upsertCatalog([entry])).toBe(1);
    const before = snapshot(store.db);
    expect(store.upsertMunicipalities([city])).toBe(0);
    expect(store.upsertCatalog([entry])).toBe(0);
    expect(store.upsertCatalog([{ ...entry, aliases: ['b', 'a'] }])).toBe(0);
    expect(snapshot(store.db)).toEqual(before);
    expect(store.upsertCatalog([{ ...entry, aliases: ['b', 'c'] }])).toBe(1);
    expect(store.db.prepare('SELECT alias FROM indicator_aliases ORDER BY alias').pluck().all()).toEqual(['b', 'c']);
    expect(store.upsertMunicipalities([{ ...city, kana: '' }])).toBe(1);
    expect(store.db.prepare('SELECT kana FROM municipalities').pluck().get()).toBeNull();
  });
});
