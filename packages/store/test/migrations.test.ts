import { existsSync } from 'node:fs';
import { ShiryoError } from '@shiryo/model';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, openStore, SCHEMA_VERSION } from '../src/index.js';
import { tempDb } from './helpers.js';

describe('openStore and migrations', () => {
  it('creates parent directories, uses WAL and foreign keys, records every migration', () => {
    const file = tempDb();
    const store = openStore(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(store.migrations().map((m) => [m.id, m.name])).toEqual(MIGRATIONS.map((m) => [m.id, m.name]));
      const names = store.db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").pluck().all();
      for (const n of [
        'documents',
        'pages',
        'tables',
        'cells',
        'blocks',
        'blocks_fts',
        'observations',
        'indicators',
        'indicator_aliases',
        'municipalities',
        'issues',
        'migrations',
        'observations_flat',
        'city_comparison',
        'documents_summary',
      ])
        expect(names).toContain(n);
    } finally {
      store.close();
    }
  });

  it('is idempotent on reopen: nothing applied twice', () => {
    const file = tempDb();
    const first = openStore(file);
    const applied = first.migrations();
    first.close();
    const again = openStore(file);
    try {
      expect(again.migrations()).toEqual(applied);
      expect(again.db.prepare('SELECT count(*) FROM migrations').pluck().get()).toBe(MIGRATIONS.length);
    } finally {
      again.close();
    }
  });

  it('opens read-only without writing, and refuses a file that does not exist', () => {
    const file = tempDb();
    openStore(file).close();
    const ro = openStore(file, { readonly: true });
    try {
      expect(ro.readonly).toBe(true);
      expect(ro.stats().documents).toBe(0);
    } finally {
      ro.close();
    }
    const missing = `${file}.nope`;
    expect(() => openStore(missing, { readonly: true })).toThrow(ShiryoError);
    expect(() => openStore(missing, { readonly: true })).toThrow(/FILE_NOT_FOUND/);
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a database written by a newer schema', () => {
    const file = tempDb();
    openStore(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openStore(file)).toThrow(/STORE_FAILED.*newer/);
  });
});
