/**
 * Two `ingest`s on one database at once (some files the same, some not) while a reader exports in a loop: WAL and
 * the busy timeout keep SQLITE_BUSY from the user, and every document is stored exactly once.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', fail).on('close', (code) => done({ code, stderr }));
  });
}

describe('two writers and a reader on one database', () => {
  it('no SQLITE_BUSY reaches the user; each document stored once, each path once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiryo-concurrent-'));
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    const good = readFileSync(join(ROOT, 'test/corpus/good-utf8.txt'), 'utf8');
    const files = Array.from({ length: 9 }, (_, i) => {
      const f = join(docs, `doc${i}.txt`);
      writeFileSync(f, good.replace('120', String(300 + i)));
      return f;
    });
    const db = join(dir, 'x.db');
    expect((await run(['ingest', files[0]!, '--db', db, '-q', '--no-summary'])).code).toBe(0);
    // A: doc1–doc6, B: doc4–doc8 (doc4–doc6 by both), one file at a time each
    const a = run(['ingest', ...files.slice(1, 7), '--db', db, '--jobs', '1', '--no-summary']);
    const b = run(['ingest', ...files.slice(4), '--db', db, '--jobs', '1', '--no-summary']);
    let writing = true;
    const reads: { code: number | null; stderr: string }[] = [];
    const reader = (async () => {
      while (writing) reads.push(await run(['export', '--db', db, '--format', 'csv']));
    })();
    const [ra, rb] = await Promise.all([a, b]);
    writing = false;
    await reader;
    for (const r of [ra, rb, ...reads]) {
      expect(r.stderr).not.toMatch(/SQLITE_BUSY|database is locked|^\s+at /m);
      expect(r.code).toBe(0);
    }
    expect(reads.length).toBeGreaterThan(0);
    const sql = new Database(db, { readonly: true });
    try {
      expect(sql.prepare('SELECT count(*) AS n, count(DISTINCT sha256) AS d FROM documents').get()).toEqual({
        n: 9,
        d: 9,
      });
      expect(sql.prepare('SELECT count(*) AS n, count(DISTINCT path) AS d FROM document_paths').get()).toEqual({
        n: 9,
        d: 9,
      });
      // each document's 4 numbers once
      expect(sql.prepare('SELECT count(*) AS n FROM observations').get()).toEqual({ n: 36 });
      expect(sql.prepare("SELECT count(*) AS n FROM issues WHERE severity = 'error'").get()).toEqual({ n: 0 });
      expect(sql.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      sql.close();
    }
  }, 240_000);
});
