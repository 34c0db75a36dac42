/**
 * The corpus of broken inputs (test/corpus/, written by scripts/make-broken-corpus.mjs) ingested in one batch,
 * with files named the awkward ways (made here: git keeps a newline in a name badly). Each broken file is one
 * `✗ path: CODE` line and an issue row; readable damage is a partial result with issues; the batch goes on and
 * every good file is stored.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');

/** What each broken file of the corpus fails with. */
const FAILS: Record<string, string> = {
  'zero-bytes.txt': 'EMPTY_DOCUMENT',
  'only-whitespace.txt': 'EMPTY_DOCUMENT',
  'binary.txt': 'DECODE_FAILED',
  'png-named.txt': 'UNSUPPORTED_MEDIA',
  'invalid-utf8.txt': 'DECODE_FAILED',
  'nul-bytes.txt': 'DECODE_FAILED',
  'utf16le-nobom.txt': 'DECODE_FAILED',
  'truncated.pdf': 'PDF_CORRUPT',
  'header-only.pdf': 'PDF_CORRUPT',
  'html-named.pdf': 'UNSUPPORTED_MEDIA',
  'binary-named.pdf': 'UNSUPPORTED_MEDIA',
  'encrypted-user-password.pdf': 'PDF_ENCRYPTED',
};

/** The good text files: the city their text names; each holds one table of 2 services × 2 years. */
const GOOD_TEXT: Record<string, string> = {
  'good-utf8.txt': '所沢市',
  'good-utf8-bom.txt': '所沢市',
  'good-sjis.txt': '川越市',
  'good-eucjp.txt': '熊谷市',
  'good-utf16le-bom.txt': '草加市',
  'good-utf16be-bom.txt': '越谷市',
  'good-mixed-eol.txt': '狭山市',
};

/** Damaged but readable: stored, with what was wrong said. */
const PARTIAL = ['corrupt-xref.pdf', 'encrypted-owner-only.pdf', 'unterminated.html', 'good.pdf'];

const ODD_NAMES = ['with space.txt', `quote'"s.txt`, 'new\nline.txt', '-leading-dash.txt', '資料 ①（案）.txt'];

describe('the broken-input corpus', () => {
  it('is all there (scripts/make-broken-corpus.mjs)', () => {
    for (const f of [...Object.keys(FAILS), ...Object.keys(GOOD_TEXT), ...PARTIAL])
      expect(() => readFileSync(join(ROOT, 'test/corpus', f)), f).not.toThrow();
  });

  it('one batch: every broken file a typed failure and an issue row, every good one stored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiryo-corpus-'));
    const docs = join(dir, 'docs');
    cpSync(join(ROOT, 'test/corpus'), docs, { recursive: true });
    const good = readFileSync(join(docs, 'good-utf8.txt'), 'utf8');
    ODD_NAMES.forEach((name, i) => {
      writeFileSync(join(docs, name), good.replace('120', String(200 + i)));
    });
    const db = join(dir, 'x.db');
    const r = spawnSync(process.execPath, [BIN, 'ingest', docs, '--db', db, '--no-summary'], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(r.signal).toBeNull();
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.status).toBe(0);
    const nFiles = Object.keys(FAILS).length + Object.keys(GOOD_TEXT).length + PARTIAL.length + ODD_NAMES.length;
    const nFailed = Object.keys(FAILS).length;
    expect(r.stderr).toContain(
      `ingested ${nFiles - nFailed}/${nFiles} files into ${db} (inserted ${nFiles - nFailed}, replaced 0, updated 0, unchanged 0, failed ${nFailed})`,
    );
    for (const [f, code] of Object.entries(FAILS)) expect(r.stderr).toContain(`✗ ${join(docs, f)}: ${code}: `);

    const sql = new Database(db, { readonly: true });
    try {
      const failures = sql.prepare('SELECT path, code FROM issues WHERE document_id IS NULL ORDER BY path').all() as {
        path: string;
        code: string;
      }[];
      expect(Object.fromEntries(failures.map((f) => [f.path.slice(docs.length + 1), f.code]))).toEqual(FAILS);

      const stored = sql
        .prepare(
          `SELECT p.path, d.municipality_name AS city,
             (SELECT count(*) FROM observations o WHERE o.document_id = d.id) AS n
           FROM document_paths p JOIN documents d ON d.id = p.document_id`,
        )
        .all() as { path: string; city: string | null; n: number }[];
      const byName = new Map(stored.map((s) => [s.path.slice(docs.length + 1), s]));
      for (const [f, city] of Object.entries(GOOD_TEXT)) {
        expect(byName.get(f), f).toMatchObject({ city, n: 4 });
      }
      for (const f of [...PARTIAL, ...ODD_NAMES]) expect(byName.has(f), f).toBe(true);
      for (const f of ODD_NAMES) expect(byName.get(f), f).toMatchObject({ city: '所沢市', n: 4 });
      // good-utf8.txt and good-utf8-bom.txt differ by their BOM only: two documents with the same numbers
      expect(sql.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: byName.size });

      // partial results say what was wrong
      const docIssues = (f: string) =>
        (
          sql
            .prepare(
              `SELECT i.code FROM issues i JOIN document_paths p ON p.document_id = i.document_id WHERE p.path = ?`,
            )
            .all(join(docs, f)) as { code: string }[]
        ).map((i) => i.code);
      expect(docIssues('corrupt-xref.pdf')).toContain('PDF_TRUNCATED');
      expect(docIssues('unterminated.html')).toContain('MUNICIPALITY_NOT_FOUND');
    } finally {
      sql.close();
    }
  }, 200_000);
});
