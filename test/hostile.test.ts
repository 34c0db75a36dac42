/**
 * Hostile and broken inputs (issue 16): spans and sizes bounded where they are read, special files and folders
 * the walk meets, and the CLI's own writes. Every case names what it did before: a hang, a blow-up, a stack trace.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDocument, extractText } from '@shiryo/extractor';
import { ShiryoError } from '@shiryo/model';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
const ROOT_USER = process.getuid?.() === 0;
/** Permissions do not stop root: the CLI then runs as `nobody` so that an unreadable folder is unreadable. */
const AS_USER = ROOT_USER ? { uid: 65534, gid: 65534 } : {};

function shiryo(args: string[], opts: { user?: boolean; timeout?: number } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: opts.timeout ?? 120_000,
    ...(opts.user ? AS_USER : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** A temporary folder every user may write (the CLI may run as `nobody`). */
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'shiryo-hostile-'));
  chmodSync(d, 0o777);
  return d;
}

const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

describe('spans and sizes bounded where they are read', () => {
  it('a rowspan past the last row is clipped to the rows there are, and reported', () => {
    const doc = extractText(
      '<html><body><table><tr><th>区分</th><th>令和3年度</th></tr><tr><td rowspan="100000000">a</td><td>1</td></tr><tr><td>2</td></tr></table></body></html>',
      'rowspan.html',
    );
    const t = doc.tables[0]!;
    expect(t.nRows).toBe(3);
    expect(t.cells.find((c) => c.text === 'a')!.rowSpan).toBe(2);
    expect(doc.issues.map((i) => i.code)).toContain('HTML_ROWSPAN_CLIPPED');
  });

  it('a huge colspan is clipped to 64 columns (or the widest row’s cells) and reported (was: 1,000 columns, 43 s, 2 GB)', () => {
    const doc = extractText(
      '<html><body><table><tr><td colspan="100000000">a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table></body></html>',
      'colspan.html',
    );
    const t = doc.tables[0]!;
    expect(t.nCols).toBe(65);
    expect(t.cells.find((c) => c.text === 'a')!.colSpan).toBe(64);
    expect(doc.issues.find((i) => i.code === 'HTML_COLSPAN_CLIPPED')?.message).toMatch(
      /colspan=100000000 .* clipped to 64/,
    );
  });

  it('an ordinary colspan is kept, also one wider than the rows have cells', () => {
    const doc = extractText(
      '<html><body><table><tr><th>区分</th><th colspan="2">令和3年度</th></tr><tr><td>a</td><td>1</td><td>2</td></tr></table>' +
        '<table><tr><th>目標値</th><th colspan="3">考え方</th></tr><tr><td>なし</td><td colspan="3">整備を図る。</td></tr></table></body></html>',
      'ok.html',
    );
    expect(doc.tables[0]!.cells.find((c) => c.text === '令和3年度')!.colSpan).toBe(2);
    expect(doc.tables[1]!.cells.find((c) => c.text === '考え方')!.colSpan).toBe(3);
    expect(doc.issues.map((i) => i.code)).not.toContain('HTML_COLSPAN_CLIPPED');
  });

  it('a line of 300,000 characters is cut into blocks of at most 2,000, and reported (was: scanned whole)', () => {
    const numbers = Array.from({ length: 60_000 }, (_, i) => String(i % 1000)).join(' ');
    const doc = extractText(`見出し\n\n${numbers}\n`, 'numbers.txt');
    expect(numbers.length).toBeGreaterThan(200_000);
    expect(Math.max(...doc.blocks.map((b) => b.text.length))).toBeLessThanOrEqual(2000);
    const cut = doc.issues.find((i) => i.code === 'LINE_CUT');
    expect(cut?.where).toBe('line 3');
    // nothing lost: every number is in some block, in order
    expect(doc.blocks.slice(1).map((b) => b.text.replace(/\s+/g, ' ').trim())).toEqual(
      expect.arrayContaining([expect.stringMatching(/^0 1 2 3/)]),
    );
    expect(
      doc.blocks
        .slice(1)
        .map((b) => b.text)
        .join(' ')
        .split(/\s+/).length,
    ).toBe(60_000);
  });

  it('a TSV with 5,000 columns keeps its first 1,000, and says so (was: 35 s, 1.5 GB)', () => {
    const row = Array.from({ length: 5000 }, (_, i) => `c${i}`).join('\t');
    const doc = extractText(`${row}\n${row.replace(/c/g, '')}\n`, 'wide.tsv');
    expect(doc.tables[0]!.nCols).toBe(1000);
    expect(doc.issues.find((i) => i.code === 'TABLE_TOO_WIDE')?.message).toMatch(/5000 columns/);
  });

  it('HTML nested 10,000 deep is TOO_LARGE with its reason (was: INTERNAL, maximum call stack size exceeded)', () => {
    const html = `<html><body>${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}</body></html>`;
    let e: unknown;
    try {
      extractText(html, 'deep.html');
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(ShiryoError);
    expect((e as ShiryoError).code).toBe('TOO_LARGE');
    expect((e as ShiryoError).reason).toMatch(/nested more than 1000 deep/);
    // 200 deep is an ordinary document
    const ok = extractText(
      `<html><body>${'<div>'.repeat(200)}<p>本文</p>${'</div>'.repeat(200)}</body></html>`,
      'ok.html',
    );
    expect(ok.blocks.map((b) => b.text)).toEqual(['本文']);
  });

  it('a named pipe is refused by stat, never opened (was: blocked forever)', async () => {
    const dir = tmp();
    const fifo = join(dir, 'pipe.txt');
    const r = spawnSync('mkfifo', [fifo]);
    expect(r.status).toBe(0);
    await expect(extractDocument(fifo)).rejects.toMatchObject({ code: 'FILE_UNREADABLE', reason: /named pipe/ });
    await expect(extractDocument('/dev/zero')).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      reason: /character device/,
    });
  });
});

describe('the walk and the CLI on a hostile tree', () => {
  it('a pipe, a device, two symlink loops and an unreadable folder: each skipped with a reason, the rest stored', () => {
    const dir = tmp();
    const w = join(dir, 'w');
    mkdirSync(join(w, 'sub'), { recursive: true });
    mkdirSync(join(w, 'locked'));
    const doc =
      '<html><body><table><tr><th>区分</th><th>令和3年度</th></tr><tr><td>居宅介護</td><td>12</td></tr></table></body></html>';
    writeFileSync(join(w, 'sub', 'b.html'), doc);
    writeFileSync(join(w, 'locked', 'c.html'), doc.replace('12', '13'));
    symlinkSync('..', join(w, 'sub', 'loop'));
    symlinkSync('../sub', join(w, 'sub', 'loop2'));
    expect(spawnSync('mkfifo', [join(w, 'pipe.txt')]).status).toBe(0);
    chmodSync(join(w, 'locked'), 0o000);
    chmodSync(w, 0o777);
    const db = join(dir, 'x.db');
    const r = shiryo(['ingest', w, '/dev/null', '--db', db, '--no-summary'], { user: true, timeout: 90_000 });
    chmodSync(join(w, 'locked'), 0o755);
    expect(r.signal).toBeNull(); // not killed by the timeout: nothing blocked
    expect(r.code).toBe(0);
    noStack(r.stderr);
    expect(r.stderr).toMatch(/✗ \S*w\/locked: FILE_UNREADABLE: folder not read: permission denied/);
    expect(r.stderr).toMatch(/✗ \S*w\/pipe\.txt: FILE_UNREADABLE: a named pipe \(FIFO\)/);
    expect(r.stderr).toMatch(/✗ \/dev\/null: FILE_UNREADABLE: a character device/);
    // the loops are not followed: b.html once
    expect(r.stderr.match(/b\.html/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/ingested 1\/3 files .*failed 2; 1 not read\)/);
    const sql = new Database(db, { readonly: true });
    try {
      expect(sql.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 1 });
      const issues = sql.prepare('SELECT path, code FROM issues ORDER BY path').all() as {
        path: string;
        code: string;
      }[];
      expect(issues.filter((i) => i.code === 'FILE_UNREADABLE').map((i) => i.path.split('/').pop())).toEqual(
        expect.arrayContaining(['locked', 'pipe.txt', 'null']),
      );
    } finally {
      sql.close();
    }
  }, 150_000);

  it('export to a missing folder and a database in a read-only folder: one clear line, no stack trace', () => {
    const dir = tmp();
    const db = join(dir, 'ok.db');
    const doc = join(dir, 'a.html');
    writeFileSync(doc, '<table><tr><th>区分</th><th>令和3年度</th></tr><tr><td>居宅介護</td><td>12</td></tr></table>');
    const ok = shiryo(['ingest', doc, '--db', db, '-q', '--no-summary']);
    expect(ok.code).toBe(0);
    const ex = shiryo(['export', '--db', db, '--format', 'csv', '--out', join(dir, 'missing/dir/x.csv')]);
    expect(ex.code).toBe(1);
    expect(ex.stderr.trim()).toBe(
      `shiryo export: cannot write ${join(dir, 'missing/dir/x.csv')}: the folder ${join(dir, 'missing/dir')} does not exist`,
    );
    const ro = join(dir, 'ro');
    mkdirSync(ro, { mode: 0o555 });
    chmodSync(ro, 0o555);
    const w = shiryo(['ingest', doc, '--db', join(ro, 'x.db')], { user: true });
    expect(w.code).toBe(1);
    noStack(w.stderr);
    expect(w.stderr.trim().split('\n')).toHaveLength(1);
    expect(w.stderr).toMatch(/STORE_FAILED: cannot open or create the database/);
    const sub = shiryo(['ingest', doc, '--db', join(ro, 'a/x.db')], { user: true });
    expect(sub.code).toBe(1);
    expect(sub.stderr.trim()).toMatch(/STORE_FAILED: cannot create its folder .*: permission denied$/);
  }, 150_000);

  it('tables --svg never writes through a symbolic link it finds in DIR', () => {
    const dir = tmp();
    const pdf = join(dir, 'x.pdf');
    copyFileSync(join(ROOT, 'fixtures/pdf-ruled-services/source.pdf'), pdf);
    const out = join(dir, 'svg');
    mkdirSync(out);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(out, 'x-p1.svg'));
    const r = shiryo(['tables', pdf, '--svg', out]);
    expect(r.code).toBe(1);
    noStack(r.stderr);
    expect(r.stderr).toMatch(/x-p1\.svg is a symbolic link: not written through/);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    // an ordinary run writes its pages
    const fresh = join(dir, 'svg2');
    const ok = shiryo(['tables', pdf, '--svg', fresh]);
    expect(ok.code).toBe(0);
    expect(existsSync(join(fresh, 'x-p1.svg'))).toBe(true);
  }, 150_000);
});

describe('--timeout per document', () => {
  it('a file that takes too long is one TIMEOUT line and an issue row; the batch goes on', () => {
    const dir = tmp();
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    // ~5 MB of short lines: seconds to extract, far over a 1 s timeout
    writeFileSync(join(docs, 'slow.txt'), '居宅介護 12人 令和3年度\n'.repeat(150_000));
    copyFileSync(join(ROOT, 'test/corpus/good-sjis.txt'), join(docs, 'good.txt'));
    const db = join(dir, 'x.db');
    const t0 = Date.now();
    const r = shiryo(['ingest', docs, '--db', db, '--timeout', '1', '--no-summary']);
    expect(r.code).toBe(0);
    noStack(r.stderr);
    expect(r.stderr).toContain(`✗ ${join(docs, 'slow.txt')}: TIMEOUT: extraction took longer than 1 s: stopped`);
    expect(r.stderr).toMatch(/inserted +\S*good\.txt \(川越市 112011/);
    expect(r.stderr).toMatch(/ingested 1\/2 files .*failed 1\)/);
    // the stopped extraction did not run on: the command ends well before it would have
    expect(Date.now() - t0).toBeLessThan(60_000);
    const sql = new Database(db, { readonly: true });
    try {
      expect(sql.prepare('SELECT path, code, stage FROM issues WHERE document_id IS NULL').all()).toEqual([
        { path: join(docs, 'slow.txt'), code: 'TIMEOUT', stage: 'extract' },
      ]);
      expect(sql.prepare('SELECT count(*) AS n FROM observations').get()).toEqual({ n: 4 });
    } finally {
      sql.close();
    }
  }, 150_000);

  it('--timeout must be a positive number of seconds', () => {
    const r = shiryo(['ingest', 'x.txt', '--db', join(tmp(), 'x.db'), '--timeout', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must be a number of seconds > 0/);
  });
});
