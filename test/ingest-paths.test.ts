/**
 * Which files `shiryo ingest` stores: the `.shiryoignore` files above a folder given alone (as git reads the
 * .gitignore files above a path, up to the top of its work tree), a path named on the command line, and manifests
 * met in a walk (a list of files, never a document).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ancestorRules, expandPaths } from '../packages/cli/src/walk.js';
import { ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
/** Spawned without blocking the test worker (a sync spawn of several seconds starves vitest's RPC). */
function shiryo(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', fail).on('close', (code) => done({ code, stdout, stderr }));
  });
}
const DOC = (city: string) =>
  `${city} 第7期障害福祉計画\n\n1) 短期入所\n\n\tR6年度 (見込)\tR5実績\n利用者数(人/月)\t12\t9\n`;

const base = mkdtempSync(join(tmpdir(), 'shiryo-ingest-paths-'));
let n = 0;
function tree(files: Record<string, string>): string {
  const root = join(base, `t${n++}`);
  for (const [p, text] of Object.entries(files)) {
    const f = join(root, p);
    mkdirSync(join(f, '..'), { recursive: true });
    if (p.endsWith('/')) mkdirSync(f, { recursive: true });
    else writeFileSync(f, text);
  }
  return root;
}
/** The paths stored in the database, relative to `root`, sorted. */
function stored(db: string, root: string): string[] {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT path FROM document_paths').all() as { path: string }[])
      .map((r) => relative(root, r.path))
      .sort();
  } finally {
    d.close();
  }
}

describe('ingest a folder alone: the .shiryoignore files above it count', () => {
  // repo/ is the top of a git work tree (it holds .git); above it, outer/ has an ignore file of its own
  const files = {
    '.shiryoignore': '*.txt\n', // above the work tree: not read, as git does not read a .gitignore above it
    'repo/.git/': '',
    'repo/.shiryoignore': '# drafts and old versions\ndraft*\nsub/old/\n',
    'repo/sub/.shiryoignore': '*.bak.md\n',
    'repo/sub/a.txt': DOC('所沢市'),
    'repo/sub/draft-b.txt': DOC('所沢市'),
    'repo/sub/c.bak.md': DOC('所沢市'),
    'repo/sub/old/d.txt': DOC('所沢市'),
    'repo/sub/deeper/draft-e.txt': DOC('所沢市'),
    'repo/sub/deeper/f.md': DOC('所沢市'),
  };

  it('ingest repo/sub alone stores what ingest repo stores under it: the parent patterns hold', async () => {
    const root = tree(files);
    const db1 = join(root, 'whole.db');
    const db2 = join(root, 'sub.db');
    expect((await shiryo('ingest', join(root, 'repo'), '--db', db1, '-q')).code).toBe(0);
    expect((await shiryo('ingest', join(root, 'repo/sub'), '--db', db2, '-q')).code).toBe(0);
    // draft* (repo/.shiryoignore, not anchored: any name), sub/old/ (anchored at repo/), *.bak.md (sub's own)
    const kept = ['repo/sub/a.txt', 'repo/sub/deeper/f.md'];
    expect(stored(db1, root)).toEqual(kept);
    expect(stored(db2, root)).toEqual(kept);
  });

  it('the walk alone: rules above a folder stop at the top of its work tree (.git), as git does', () => {
    const root = tree(files);
    const rel = (fs: string[]) => fs.map((f) => relative(root, f)).sort();
    expect(rel(expandPaths([join(root, 'repo/sub/deeper')]).files)).toEqual(['repo/sub/deeper/f.md']);
    // the outer *.txt is not read: a.txt is kept
    expect(rel(expandPaths([join(root, 'repo/sub')]).files)).toContain('repo/sub/a.txt');
    // repo itself holds .git: nothing above it is read
    expect(ancestorRules(join(root, 'repo'))).toEqual([]);
    expect(ancestorRules(join(root, 'repo/sub')).map((r) => r.base)).toEqual([join(root, 'repo'), join(root, 'repo')]);
  });

  it('outside a git work tree, every folder up to the filesystem root is read', () => {
    const root = tree({ '.shiryoignore': 'skip-*\n', 'x/y/keep.txt': DOC('所沢市'), 'x/y/skip-me.txt': DOC('所沢市') });
    const fs = expandPaths([join(root, 'x/y')]).files.map((f) => relative(root, f));
    expect(fs).toEqual(['x/y/keep.txt']);
  });

  it('a path named on the command line is ingested even when a pattern matches it (a folder: what is under it is matched)', async () => {
    const root = tree(files);
    const db = join(root, 'named.db');
    const r = await shiryo(
      'ingest',
      join(root, 'repo/sub/draft-b.txt'),
      join(root, 'repo/sub/old'),
      join(root, 'repo/sub/deeper'),
      '--db',
      db,
      '-q',
    );
    expect(r.code, r.stderr).toBe(0);
    // draft-b.txt named: stored; old/ named: walked (d.txt); deeper/ walked with draft* still applying to draft-e.txt
    expect(stored(db, root)).toEqual(['repo/sub/deeper/f.md', 'repo/sub/draft-b.txt', 'repo/sub/old/d.txt']);
  });
});

describe('a manifest is a list of files, never a document', () => {
  const MANIFEST = 'path,municipality,plan\n.,所沢市,第7期障害福祉計画\n';

  it('--manifest inside the folder it lists: the manifest is not stored, the documents are', async () => {
    const root = tree({ 'docs/files.csv': MANIFEST, 'docs/a.txt': DOC(''), 'docs/b.md': DOC('') });
    const db = join(root, 'm.db');
    const r = await shiryo('ingest', '--manifest', join(root, 'docs/files.csv'), '--db', db, '-q');
    expect(r.code, r.stderr).toBe(0);
    expect(stored(db, root)).toEqual(['docs/a.txt', 'docs/b.md']);
    // and given as a path too (the folder, and the manifest itself): still not a document
    const db2 = join(root, 'm2.db');
    const r2 = await shiryo(
      'ingest',
      join(root, 'docs'),
      join(root, 'docs/files.csv'),
      '--manifest',
      join(root, 'docs/files.csv'),
      '--db',
      db2,
      '-q',
    );
    expect(r2.code, r2.stderr).toBe(0);
    expect(stored(db2, root)).toEqual(['docs/a.txt', 'docs/b.md']);
  });

  it('a manifest met in a walk without --manifest: skipped with a line saying so; a data CSV is read', async () => {
    const root = tree({
      'docs/other-name.csv': `\uFEFF"Path",Municipality\n"a.txt",所沢市\n`,
      'docs/a.txt': DOC('所沢市'),
      'docs/data.csv': '区分,R5実績,R6見込\n短期入所 利用者数(人/月),9,12\n',
    });
    const db = join(root, 'w.db');
    const r = await shiryo('ingest', join(root, 'docs'), '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(stored(db, root)).toEqual(['docs/a.txt', 'docs/data.csv']);
    expect(r.stderr).toContain(
      `shiryo ingest: ${join(root, 'docs/other-name.csv')} is a manifest (its first line names path, municipality), not a document: not ingested; give it with --manifest to use it\n`,
    );
  });
});
