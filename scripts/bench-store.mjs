#!/usr/bin/env node
// Store: observations loaded per second in one transaction (Store.ingestDocument: prepared statements, one
// transaction per document) against a bare prepared INSERT of the same rows into the same table without its
// secondary indexes (the floor SQLite sets here), alternating, medians; and the re-ingest of an unchanged document
// (time, and whether anything was written: total_changes() and the WAL's size). Needs `pnpm build`.
//
//   node scripts/bench-store.mjs [--rows 200000] [--runs 3]
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openStore } from '../packages/store/dist/index.js';

const { values: a } = parseArgs({
  options: { rows: { type: 'string', default: '200000' }, runs: { type: 'string', default: '3' } },
});
const N = Number(a.rows);
const runs = Number(a.runs);
const KINDS = ['plan', 'actual', 'achievement_rate'];
const observations = Array.from({ length: N }, (_, i) => ({
  municipality_code: '011002',
  municipality_name: '札幌市',
  prefecture: '北海道',
  plan: 'shogai',
  plan_period: '2024-2026',
  section: null,
  indicator_id: `service.indicator_${i % 300}`,
  indicator_label: `指標${i % 300}`,
  subgroup: null,
  measure: null,
  unit: 'person/month',
  unit_text: '人/月',
  period_kind: 'fy',
  fiscal_year: 2015 + (Math.floor(i / 3) % 10),
  period_start: null,
  period_end: null,
  value_kind: KINDS[i % 3],
  value: i,
  value_text: String(i),
  qualifier: null,
  page: 1 + Math.floor(i / 500),
  table_index: Math.floor(i / 100),
  row: i % 100,
  col: i % 7,
  confidence: 0.89,
  warnings: i % 50 === 0 ? ['sum of the rows differs from the total row'] : [],
  rules: ['table.cell'],
  subset_of_kind: null,
}));
const doc = {
  sha256: 'b'.repeat(64),
  path: '/bench/one.pdf',
  mediaType: 'application/pdf',
  bytes: 1,
  pages: [],
  tables: [],
  blocks: [],
  meta: {},
  issues: [],
};
const norm = { title: 'bench', municipality: null, plan: 'shogai', planPeriod: '2024-2026', observations, issues: [] };
const COLS = Object.keys(observations[0]);
const file = join(tmpdir(), `shiryo-bench-store-${process.pid}.sqlite`);
const clean = () => {
  for (const x of ['', '-wal', '-shm']) rmSync(file + x, { force: true });
};

/** Wall and CPU seconds of fn(store) on a fresh file. */
function timed(fn) {
  clean();
  const store = openStore(file);
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(store);
    const c = process.cpuUsage(c0);
    return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
  } finally {
    store.close();
  }
}
const VARIANTS = {
  'Store.ingestDocument (schema with its indexes)': (s) => s.ingestDocument(doc, norm),
  'bare prepared INSERT, no secondary index (floor)': (s) => {
    for (const r of s.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations'")
      .all())
      if (!r.name.startsWith('sqlite_')) s.db.exec(`DROP INDEX ${r.name}`);
    s.db.exec(`INSERT INTO documents (id, sha256, path, media_type, bytes, status, n_pages, n_tables, n_blocks,
      n_observations, ingested_at) VALUES (1, 'x', 'x', 'application/pdf', 1, 'ok', 0, 0, 0, 0, '')`);
    const st = s.db.prepare(
      `INSERT INTO observations (document_id, ${COLS.join(', ')}) VALUES (?${', ?'.repeat(COLS.length)})`,
    );
    s.db.transaction(() => {
      for (const o of observations) st.run(1, ...COLS.map((k) => (Array.isArray(o[k]) ? JSON.stringify(o[k]) : o[k])));
    })();
  },
};
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const results = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, []]));
for (let i = 0; i < runs; i++) for (const [k, fn] of Object.entries(VARIANTS)) results[k].push(timed(fn));
console.log(`## store: ${N} observations in one document (one transaction), ${runs} runs alternating, medians`);
console.log('| load | wall s | CPU s | rows/s (wall) | rows/s (CPU) |');
console.log('|---|---:|---:|---:|---:|');
for (const [k, r] of Object.entries(results)) {
  const wall = median(r.map((x) => x.wall));
  const cpu = median(r.map((x) => x.cpu));
  console.log(`| ${k} | ${wall.toFixed(2)} | ${cpu.toFixed(2)} | ${Math.round(N / wall)} | ${Math.round(N / cpu)} |`);
}

// Re-ingest of the unchanged document: the same bytes and metadata, so nothing is rewritten.
clean();
const store = openStore(file);
store.ingestDocument(doc, norm);
store.db.pragma('wal_checkpoint(TRUNCATE)');
const changes = () => store.db.prepare('SELECT total_changes() AS n').get().n;
const times = [];
const c0 = changes();
const w0 = statSync(`${file}-wal`).size;
let status = '';
for (let i = 0; i < 21; i++) {
  const t0 = performance.now();
  status = store.ingestDocument(doc, norm).status;
  if (i > 0) times.push(performance.now() - t0);
}
console.log(`\n## re-ingest of an unchanged document (${N} observations), 20 runs`);
console.log('| status | p50 ms | max ms | rows changed | WAL bytes written |');
console.log('|---|---:|---:|---:|---:|');
console.log(
  `| ${status} | ${median(times).toFixed(2)} | ${Math.max(...times).toFixed(2)} | ${changes() - c0} | ${statSync(`${file}-wal`).size - w0} |`,
);
store.close();
clean();
