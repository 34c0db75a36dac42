#!/usr/bin/env node
// Robustness run on real municipal PDFs: `pnpm realpdfs [dir]` ingests every PDF in `../shared/real-pdfs` (or `dir`,
// or $SHIRYO_REAL_PDFS) — read in place, never copied — into one temporary database, each file in its own child
// process (`shiryo ingest FILE`) so its peak RSS and time are its own, with a time limit per file
// ($REALPDFS_TIMEOUT seconds, default 600). Prints a markdown table per file: pages, seconds, peak RSS, tables,
// observations, issues by code, exit status; then the pages nothing explains.
//
// Exits 1 on a crash (a child killed by a signal, or an exit status other than 0/1 — 1 is a file shiryo refused
// with a typed error, which the table shows), a hang (time limit), or an unexplained zero: a page whose text holds
// numbers (REALPDFS_NUMBERS, default 8, of two digits or more) and that gave no table, no observation and no issue.
// Skips (exit 0, with a message) when the folder is absent. Needs `pnpm build`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url).pathname;
const dir = resolve(process.argv[2] ?? process.env.SHIRYO_REAL_PDFS ?? join(root, '..', 'shared', 'real-pdfs'));
const limitSec = Number(process.env.REALPDFS_TIMEOUT ?? 600);
const minNumbers = Number(process.env.REALPDFS_NUMBERS ?? 8);
const bin = join(root, 'packages', 'cli', 'bin', 'shiryo.mjs');

if (!existsSync(dir)) {
  console.log(`realpdfs: skipped: ${dir} is absent (real municipal PDFs are read in place from there)`);
  process.exit(0);
}
if (!existsSync(join(root, 'packages', 'cli', 'dist', 'main.js'))) {
  console.error('realpdfs: run `pnpm build` first');
  process.exit(2);
}
const files = readdirSync(dir)
  .filter((f) => /\.pdf$/i.test(f))
  .sort();
if (files.length === 0) {
  console.log(`realpdfs: skipped: no PDF in ${dir}`);
  process.exit(0);
}

const require = createRequire(join(root, 'packages', 'store', 'package.json'));
const Database = require('better-sqlite3');
const work = mkdtempSync(join(tmpdir(), 'shiryo-realpdfs-'));
const db = join(work, 'real.sqlite');
// Preloaded into each child: its own peak RSS (getrusage maxrss, KiB) written at exit.
const probe = join(work, 'probe.cjs');
writeFileSync(
  probe,
  `process.on('exit', () => require('fs').writeFileSync(process.env.REALPDFS_RSS_FILE, String(process.resourceUsage().maxRSS)));\n`,
);

/** One child `shiryo ingest`: exit code or signal, seconds, peak RSS in MB (null when it died before saying). */
function ingest(file, n) {
  const rssFile = join(work, `rss-${n}`);
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--require', probe, bin, 'ingest', file, '--db', db, '-q', '--no-summary'], {
      env: { ...process.env, REALPDFS_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, limitSec * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const secs = (performance.now() - t0) / 1000;
      const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : null;
      done({ code, signal, hung, secs, rss, stderr });
    });
  });
}

/** Numbers of two digits or more in a page's text (page numbers and furniture are usually single). */
const numbersIn = (text) => (text.match(/[0-9０-９][0-9０-９,，.．]*[0-9０-９]/g) ?? []).length;

function facts(file) {
  const sql = new Database(db, { readonly: true });
  try {
    const doc = sql
      .prepare(
        `SELECT d.id, d.n_pages, d.n_tables, d.n_observations FROM documents d
         JOIN document_paths p ON p.document_id = d.id WHERE p.path = ?`,
      )
      .get(file);
    const issueRows = doc
      ? sql.prepare('SELECT code, "where" FROM issues WHERE document_id = ?').all(doc.id)
      : sql.prepare('SELECT code, "where" FROM issues WHERE path = ? AND document_id IS NULL').all(file);
    const issues = {};
    for (const r of issueRows) issues[r.code] = (issues[r.code] ?? 0) + 1;
    const unexplained = [];
    if (doc) {
      const documentWide = issueRows.some((r) => !r.where);
      const withIssue = new Set(issueRows.map((r) => /page (\d+)/.exec(r.where ?? '')?.[1]).filter(Boolean));
      const withTable = new Set(
        sql.prepare('SELECT DISTINCT page FROM tables WHERE document_id = ?').pluck().all(doc.id).map(String),
      );
      const withObs = new Set(
        sql
          .prepare('SELECT DISTINCT page FROM observations WHERE document_id = ? AND page IS NOT NULL')
          .pluck()
          .all(doc.id)
          .map(String),
      );
      for (const p of sql.prepare('SELECT page, text FROM pages WHERE document_id = ?').all(doc.id)) {
        const k = String(p.page);
        if (withTable.has(k) || withObs.has(k) || withIssue.has(k)) continue;
        const n = numbersIn(p.text ?? '');
        if (n >= minNumbers) unexplained.push({ page: p.page, numbers: n, documentWide });
      }
    }
    return { doc, issues, unexplained };
  } finally {
    sql.close();
  }
}

const rows = [];
let failed = 0;
try {
  for (const [n, name] of files.entries()) {
    const file = join(dir, name);
    process.stderr.write(`realpdfs: ${n + 1}/${files.length} ${name}\n`);
    const r = await ingest(file, n);
    const f = facts(file);
    const crash = r.signal !== null || (r.code !== 0 && r.code !== 1);
    const status = r.hung
      ? `HANG (>${limitSec} s)`
      : crash
        ? `CRASH (${r.signal ?? `exit ${r.code}`})`
        : r.code === 0
          ? 'ok'
          : `refused: ${(/✗ [^:]+: ([A-Z_]+)/.exec(r.stderr)?.[1] ?? 'exit 1').trim()}`;
    const bad = r.hung || crash || f.unexplained.length > 0;
    if (bad) failed++;
    rows.push({ name, r, f, status: bad && !r.hung && !crash ? `${status}; UNEXPLAINED` : status });
    if (crash) process.stderr.write(r.stderr.slice(-2000));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const issuesText = (issues) =>
  Object.entries(issues)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([c, k]) => `${c} ${k}`)
    .join(', ') || '—';
console.log(`Real PDFs in ${dir}, Node ${process.version}, time limit ${limitSec} s a file\n`);
console.log('| file | pages | seconds | peak RSS MB | tables | observations | issues by code | exit |');
console.log('|---|--:|--:|--:|--:|--:|---|---|');
for (const { name, r, f, status } of rows) {
  const d = f.doc;
  console.log(
    `| ${basename(name)} | ${d?.n_pages ?? '—'} | ${r.secs.toFixed(1)} | ${r.rss === null ? '—' : r.rss.toFixed(0)} | ${d?.n_tables ?? '—'} | ${d?.n_observations ?? '—'} | ${issuesText(f.issues)} | ${status} |`,
  );
}
const unexplained = rows.filter((x) => x.f.unexplained.length > 0);
if (unexplained.length) {
  console.log(`\nUnexplained zeros (a page with ${minNumbers}+ numbers, no table, no observation, no issue):`);
  for (const { name, f } of unexplained)
    console.log(`- ${name}: pages ${f.unexplained.map((u) => `${u.page} (${u.numbers} numbers)`).join(', ')}`);
}
const peak = Math.max(...rows.map((x) => x.r.rss ?? 0));
console.log(
  `\n${rows.length} files, ${rows.reduce((a, x) => a + (x.f.doc?.n_pages ?? 0), 0)} pages, ${rows.reduce((a, x) => a + x.r.secs, 0).toFixed(0)} s, highest peak RSS ${peak.toFixed(0)} MB; ${failed ? `${failed} FAILED` : 'no crash, hang or unexplained zero'}`,
);
process.exit(failed ? 1 : 0);
