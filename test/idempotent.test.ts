/**
 * Idempotent re-runs (issue 16): ingesting the same folder twice gives byte-identical exports, no new rows and no
 * write at all (reference data and failure rows included: a second connection's `PRAGMA data_version` would see any
 * commit); a run killed part-way and resumed gives the same database, row for row, as one never interrupted.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
const DIR = mkdtempSync(join(tmpdir(), 'shiryo-idem-'));
const DOCS = join(DIR, 'docs');

/** Good documents of several kinds, and files that fail (their failure rows must not pile up). */
const FILES: [string, string][] = [
  ['fixtures/family-shifted-row/source.txt', 'a-shifted.txt'],
  ['fixtures/family-side-by-side/source.txt', 'b-side.txt'],
  ['fixtures/family-vertical-text/source.txt', 'c-vertical.txt'],
  ['test/corpus/zero-bytes.txt', 'd-empty.txt'],
  ['test/corpus/good-sjis.txt', 'e-sjis.txt'],
  ['test/corpus/binary.txt', 'f-binary.txt'],
  ['test/corpus/unterminated.html', 'g-unterminated.html'],
  ['test/corpus/truncated.pdf', 'h-truncated.pdf'],
  ['fixtures/family-split-header-words/source.txt', 'i-split.txt'],
  ['test/corpus/good-eucjp.txt', 'j-eucjp.txt'],
];
const N_FAILING = 3;

const args = (db: string, extra: string[] = []) => [
  BIN,
  'ingest',
  DOCS,
  '--db',
  db,
  '--jobs',
  '1',
  '-q',
  '--no-summary',
  ...extra,
];
/** The CLI in a child process, awaited (a synchronous spawn would stall vitest's worker for its whole run). */
function node(argv: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', fail).on('close', (status) => done({ status, stdout, stderr }));
  });
}
const ingest = (db: string) => node(args(db));
const exported = async (db: string, format: string) =>
  (await node([BIN, 'export', '--db', db, '--format', format])).stdout;

/** Every row of every table (rowids included), times left out when asked. */
function dump(file: string, withoutTimes = false): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => {
        let rows: Record<string, unknown>[];
        try {
          rows = db.prepare(`SELECT rowid AS _rowid, * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[];
        } catch {
          rows = db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[];
        }
        if (withoutTimes)
          rows = rows.map((r) =>
            Object.fromEntries(Object.entries(r).filter(([k]) => !/(_at|^created|^seen)$/.test(k))),
          );
        return [t, rows];
      }),
    );
  } finally {
    db.close();
  }
}

beforeAll(() => {
  mkdirSync(DOCS);
  for (const [from, to] of FILES) copyFileSync(join(ROOT, from), join(DOCS, to));
});

describe('re-running ingest', () => {
  it('the same folder twice: byte-identical exports, no new row, nothing written', async () => {
    const db = join(DIR, 'twice.db');
    const first = await ingest(db);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr.match(/✗ /g)).toHaveLength(N_FAILING);
    const jsonl = await exported(db, 'jsonl');
    const csv = await exported(db, 'csv');
    expect(jsonl.split('\n').filter(Boolean).length).toBeGreaterThan(20);
    const before = dump(db);
    expect(before.issues!.filter((i) => (i as { document_id: unknown }).document_id === null)).toHaveLength(N_FAILING);

    // a reader kept open across the re-run: its data_version changes if the re-run commits anything
    const watch = new Database(db, { readonly: true });
    try {
      const v0 = watch.pragma('data_version', { simple: true });
      const second = await ingest(db);
      expect(second.status, second.stderr).toBe(0);
      expect(second.stderr.match(/✗ /g)).toHaveLength(N_FAILING);
      expect(watch.pragma('data_version', { simple: true }), 'the re-run wrote to the database').toBe(v0);
    } finally {
      watch.close();
    }
    expect(await exported(db, 'jsonl')).toBe(jsonl);
    expect(await exported(db, 'csv')).toBe(csv);
    expect(dump(db)).toEqual(before);
  }, 300_000);

  it('a run killed after some documents, then resumed, gives the database an uninterrupted run gives', async () => {
    const whole = join(DIR, 'whole.db');
    expect((await ingest(whole)).status).toBe(0);

    const db = join(DIR, 'resumed.db');
    // kill once two documents are stored (the run goes file by file, in name order)
    const killed = await new Promise<string | null>((done) => {
      const child = spawn(process.execPath, args(db), { stdio: 'ignore' });
      const poll = setInterval(() => {
        try {
          const r = new Database(db, { readonly: true, fileMustExist: true });
          const n = r.prepare('SELECT count(*) FROM documents').pluck().get() as number;
          r.close();
          if (n >= 2) child.kill('SIGKILL');
        } catch {
          // not made yet, or the schema not yet there
        }
      }, 20);
      child.on('close', (_code, signal) => {
        clearInterval(poll);
        done(signal);
      });
    });
    expect(killed).toBe('SIGKILL');
    const part = dump(db, true);
    expect(part.documents!.length).toBeGreaterThanOrEqual(2);
    expect(part.documents!.length).toBeLessThan(7);

    const resumed = await ingest(db);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(dump(db, true)).toEqual(dump(whole, true));
    expect(await exported(db, 'jsonl')).toBe(await exported(whole, 'jsonl'));
  }, 300_000);
});
