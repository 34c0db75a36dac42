#!/usr/bin/env node
// National scale: build a synthetic shiryo database the size of Japan through the store's own code (openStore,
// migrations, Store.bulkLoad: the rows Store.ingestDocument of each document would write, many documents per
// transaction, the observations' query indexes and the plan_vs_actual groups built once at the end), then time the
// README's researcher queries and `shiryo compare` on it. Needs `pnpm build`.
//
//   node scripts/bench-national.mjs [--cities 1741] [--years 10] [--indicators 300] [--runs 20] [--db FILE] [--keep]
//     --ingest-path   build through Store.ingestDocument, one transaction per document (as `shiryo ingest` writes)
//     --check         build --cities both ways (two files) and check that every table and every query's answer
//                     agree; prints the differences and exits 1 when there are any
//
// The database is a throwaway: the bulk build runs with `journal_mode = OFF`, `synchronous = OFF` and a 1 GB page
// cache (a crash leaves a broken file), then sets WAL again and runs ANALYZE.
// Rows = cities × years × indicators × 3 value kinds (plan, actual, achievement_rate): 1,741 × 10 × 300 × 3 ≈ 15.7 M.
import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { catalog, municipalities } from '../packages/normalizer/dist/index.js';
import { openStore } from '../packages/store/dist/index.js';

const { values: a } = parseArgs({
  options: {
    cities: { type: 'string', default: '1741' },
    years: { type: 'string', default: '10' },
    indicators: { type: 'string', default: '300' },
    runs: { type: 'string', default: '20' },
    db: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    'ingest-path': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});
const nCities = Number(a.cities);
const nYears = Number(a.years);
const nIndicators = Number(a.indicators);
const runs = Number(a.runs);
const file = a.db ?? join(tmpdir(), `shiryo-national-${nCities}.sqlite`);
const KINDS = ['plan', 'actual', 'achievement_rate'];
const FIRST_YEAR = 2015;

// A deterministic generator (mulberry32), so two runs build the same file.
let seed = 17;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const cities = municipalities()
  // (1,718 cities, towns and villages and Tokyo's 23 special wards; not the wards of the designated cities)
  .filter((m) => !/市.+区$/.test(m.name) && !m.code.slice(2).startsWith('000'))
  .slice(0, nCities);
if (cities.length < nCities) throw new Error(`only ${cities.length} municipalities in the code list`);
const cat = catalog();
const indicators = Array.from({ length: nIndicators }, (_, i) => {
  const e = cat[i];
  if (e) return { id: e.id, label: e.label, plan: e.plan, unit: e.units[0] ?? 'person' };
  return { id: `synthetic.indicator_${i}`, label: `合成指標${i}`, plan: i % 2 ? 'kaigo' : 'shogai', unit: 'person' };
});
const byPlan = {
  shogai: indicators.filter((x) => x.plan === 'shogai'),
  kaigo: indicators.filter((x) => x.plan !== 'shogai'),
};

/** The observations of one city's plan document. */
function observationsOf(city, plan) {
  const out = [];
  for (const [k, ind] of byPlan[plan].entries()) {
    const base = 20 + Math.floor(rand() * 400);
    for (let y = 0; y < nYears; y++) {
      const fy = FIRST_YEAR + y;
      const planned = base + y * 3;
      const actual = Math.round(planned * (0.8 + rand() * 0.4));
      const rate = Math.round((1000 * actual) / planned) / 10;
      for (const kind of KINDS) {
        const value = kind === 'plan' ? planned : kind === 'actual' ? actual : rate;
        const r = rand();
        const confidence = r < 0.6 ? 0.89 : r < 0.85 ? 1 : r < 0.95 ? 0.79 : r < 0.98 ? 0.5 : 0.26;
        out.push({
          municipality_code: city.code,
          municipality_name: city.name,
          prefecture: city.prefecture,
          plan,
          plan_period: '2024-2026',
          section: null,
          indicator_id: ind.id,
          indicator_label: ind.label,
          subgroup: null,
          measure: null,
          unit: kind === 'achievement_rate' ? 'percent' : ind.unit,
          unit_text: kind === 'achievement_rate' ? '%' : '人',
          period_kind: 'fy',
          fiscal_year: fy,
          period_start: `${fy}-04-01`,
          period_end: `${fy + 1}-03-31`,
          value_kind: kind,
          value,
          value_text: String(value),
          qualifier: null,
          page: 1 + Math.floor(k / 10),
          table_index: Math.floor(k / 5),
          row: 2 + (k % 5),
          col: 1 + y * 3 + KINDS.indexOf(kind),
          confidence,
          warnings: rand() < 0.02 ? ['sum of the rows differs from the total row'] : [],
          rules: ['table.cell', 'period.header'],
          subset_of_kind: null,
        });
      }
    }
  }
  return out;
}

function documentOf(city, plan) {
  const path = `/national/${city.prefecture}/${city.code}-${plan}.pdf`;
  return {
    doc: {
      sha256: createHash('sha256').update(path).digest('hex'),
      path,
      mediaType: 'application/pdf',
      bytes: 1_000_000,
      pages: [],
      tables: [],
      blocks: [],
      meta: {},
      issues: [],
    },
    norm: {
      title: `${city.name} ${plan === 'shogai' ? '障害福祉計画' : '介護保険事業計画'}`,
      municipality: city,
      municipalitySource: 'path',
      plan,
      planPeriod: '2024-2026',
      observations: observationsOf(city, plan),
      issues: [],
    },
  };
}

const mb = (bytes) => (bytes / 1e6).toFixed(0);
const sizeOf = (f) => ['', '-wal', '-shm'].reduce((s, x) => s + (existsSync(f + x) ? statSync(f + x).size : 0), 0);
const fileSize = () => sizeOf(file);
const remove = (f) => {
  for (const x of ['', '-wal', '-shm']) rmSync(f + x, { force: true });
};

/** Every document of the build, in order, generated as it is taken (the same rows on every call). */
function* documents(counter) {
  seed = 17;
  for (const [i, city] of cities.entries()) {
    for (const plan of ['shogai', 'kaigo']) {
      // (CPU time: on a loaded machine the wall time of generating is mostly waiting)
      const g0 = process.cpuUsage();
      const item = documentOf(city, plan);
      const g = process.cpuUsage(g0);
      counter.generate += (g.user + g.system) / 1000;
      counter.rows += item.norm.observations.length;
      yield item;
    }
    if ((i + 1) % 100 === 0)
      process.stderr.write(
        `  ${i + 1}/${cities.length} cities, ${counter.rows} rows, ${((performance.now() - counter.t0) / 1000).toFixed(0)} s\n`,
      );
  }
}

/** Build the database at `f` (bulk, or through ingestDocument one document at a time); its figures. */
function build(f, ingestPath) {
  remove(f);
  const store = openStore(f);
  store.upsertMunicipalities(municipalities());
  store.upsertCatalog(
    indicators.map((x) => ({ id: x.id, label: x.label, plan: x.plan, units: [x.unit], aliases: [] })),
  );
  const counter = { rows: 0, generate: 0, t0: performance.now() };
  const cpu0 = process.cpuUsage();
  if (ingestPath) {
    for (const { doc, norm } of documents(counter)) store.ingestDocument(doc, norm);
  } else {
    // (a throwaway file: no journal, no fsync, a page cache of 1 GB while it loads)
    // (better-sqlite3 opens connections in SQLite's defensive mode, which refuses journal_mode = OFF silently)
    store.db.unsafeMode(true);
    const mode = store.db.pragma('journal_mode = OFF', { simple: true });
    if (mode !== 'off') throw new Error(`journal_mode stayed ${mode}`);
    store.db.pragma('synchronous = OFF');
    store.db.pragma('cache_size = -1000000');
    store.bulkLoad(documents(counter));
  }
  const tIngest = (performance.now() - counter.t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuIngest = (cpu.user + cpu.system) / 1e6;
  const a0 = performance.now();
  store.db.exec('ANALYZE');
  const tAnalyze = (performance.now() - a0) / 1000;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  // (opened again as shiryo opens it: WAL; the journal mode is kept in the file)
  if (!ingestPath) openStore(f).close();
  const generate = counter.generate / 1000;
  return { rows: counter.rows, tIngest, cpuIngest, generate, tAnalyze, bytes: sizeOf(f) };
}

const printBuild = (how, b) => {
  console.log(
    `## build (${how}): ${cities.length} cities × ${nYears} years × ${nIndicators} indicators × ${KINDS.length} kinds, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    '| rows | documents | build s (wall) | build s (CPU) | of which generating rows (CPU s) | rows/s (CPU, store only) | ANALYZE s (wall) | file MB |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${b.rows} | ${cities.length * 2} | ${b.tIngest.toFixed(1)} | ${b.cpuIngest.toFixed(1)} | ${b.generate.toFixed(1)} | ${Math.round(b.rows / (b.cpuIngest - b.generate))} | ${b.tAnalyze.toFixed(1)} | ${mb(b.bytes)} |`,
  );
};

// ---- queries ----
const ids = indicators.map((x) => x.id);
const pick = (list, i) => list[(i * 7919) % list.length];
/** The queries, on an open store. */
const queriesOf = (store) => {
  return [
    {
      name: 'README 1: one indicator, actuals by city × year × unit (observations_flat)',
      sql: `SELECT municipality_name, fiscal_year, unit, max(value) AS users FROM observations_flat
      WHERE indicator_id = ? AND value_kind = 'actual' AND confidence >= 0.8
      GROUP BY municipality_name, fiscal_year, unit ORDER BY municipality_name, fiscal_year, unit`,
      args: (i) => [pick(ids, i)],
    },
    {
      name: 'README 2: plan_vs_actual, one indicator, plan and actual',
      sql: `SELECT municipality_name, subgroup, measure, unit, fiscal_year, plan, actual, computed_rate, shortfall
      FROM plan_vs_actual WHERE indicator_id = ? AND plan IS NOT NULL AND actual IS NOT NULL
      ORDER BY municipality_name, subgroup, unit, fiscal_year`,
      args: (i) => [pick(ids, i)],
    },
    {
      // (the same statements, rows as arrays: what `shiryo query` reads, without better-sqlite3's object per row)
      name: 'README 1, rows as arrays (as `shiryo query` reads them)',
      sql: `SELECT municipality_name, fiscal_year, unit, max(value) AS users FROM observations_flat
      WHERE indicator_id = ? AND value_kind = 'actual' AND confidence >= 0.8
      GROUP BY municipality_name, fiscal_year, unit ORDER BY municipality_name, fiscal_year, unit`,
      args: (i) => [pick(ids, i)],
      raw: true,
    },
    {
      name: 'README 2, rows as arrays (as `shiryo query` reads them)',
      sql: `SELECT municipality_name, subgroup, measure, unit, fiscal_year, plan, actual, computed_rate, shortfall
      FROM plan_vs_actual WHERE indicator_id = ? AND plan IS NOT NULL AND actual IS NOT NULL
      ORDER BY municipality_name, subgroup, unit, fiscal_year`,
      args: (i) => [pick(ids, i)],
      raw: true,
    },
    {
      name: 'README 3: doubted numbers per city, top 5 (doubted_by_municipality, migration 013)',
      sql: `SELECT municipality_name, doubted FROM doubted_by_municipality
      ORDER BY doubted DESC, municipality_name LIMIT 5`,
      args: () => [],
    },
    {
      // (the same answer counted from every doubted observation, as README 3 read before 013: seconds at 15 M,
      // so 3 runs)
      name: 'README 3 as before 013: count(*) of observations_flat per city',
      sql: `SELECT municipality_name, count(*) AS doubted FROM observations_flat
      WHERE confidence < 0.6 OR warnings <> '[]' GROUP BY municipality_name ORDER BY doubted DESC, municipality_name LIMIT 5`,
      args: () => [],
      runs: 3,
    },
    {
      name: 'README 4: first 3 doubted numbers by document',
      sql: `SELECT municipality_name, table_index, row, col, indicator_label, value_text, warnings FROM observations_flat
      WHERE confidence < 0.6 OR warnings <> '[]' ORDER BY document_path, table_index, row, col LIMIT 3`,
      args: () => [],
    },
    {
      name: 'compare --indicator ID --kind actual (store.planVsActual)',
      run: (i) => store.planVsActual({ indicatorIds: [pick(ids, i)], kind: 'actual' }),
    },
    {
      // (what the table of `shiryo compare` reads unless --limit says otherwise: 1,000 rows and one to know of more)
      name: 'compare --indicator ID --kind actual, the table (limit 1,001)',
      run: (i) => store.planVsActual({ indicatorIds: [pick(ids, i)], kind: 'actual', limit: 1001 }),
    },
    {
      name: 'compare --indicator ID --municipality CODE',
      run: (i) => store.planVsActual({ indicatorIds: [pick(ids, i)], municipality: pick(cities, i).code }),
    },
    {
      name: 'compare --indicator ID --year FY --kind actual',
      run: (i) =>
        store.planVsActual({ indicatorIds: [pick(ids, i)], fiscalYear: FIRST_YEAR + (i % nYears), kind: 'actual' }),
    },
    {
      name: 'one city, one indicator, every year and kind (observations)',
      sql: `SELECT fiscal_year, value_kind, value FROM observations WHERE municipality_code = ? AND indicator_id = ?
      ORDER BY fiscal_year, value_kind`,
      args: (i) => [pick(cities, i).code, pick(ids, i)],
    },
  ];
};

/** Every table's rows (times left out; the groups as a set: their rowids follow the order they were built in). */
function tableDump(db) {
  const out = {};
  for (const t of [
    'documents',
    'document_paths',
    'observations',
    'plan_vs_actual_groups',
    'doubted_counts',
    'search_items',
    'issues',
  ]) {
    const rows = db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();
    for (const r of rows) {
      delete r.ingested_at;
      delete r.seen_at;
      delete r.created_at;
    }
    const lines = rows.map((r) => JSON.stringify(r));
    out[t] = t === 'plan_vs_actual_groups' ? lines.sort() : lines;
  }
  out.schema = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all()
    .map((r) => JSON.stringify(r));
  return out;
}

if (a.check) {
  const files = [`${file}.ingest`, `${file}.bulk`];
  const builds = files.map((f, i) => build(f, i === 0));
  printBuild('Store.ingestDocument', builds[0]);
  printBuild('Store.bulkLoad', builds[1]);
  const stores = files.map((f) => openStore(f, { readonly: true }));
  let differences = 0;
  const [da, db] = stores.map((s) => tableDump(s.db));
  for (const t of Object.keys(da)) {
    const same = da[t].length === db[t].length && da[t].every((x, i) => x === db[t][i]);
    console.log(`${same ? 'same' : 'DIFFERENT'}: ${t} (${da[t].length} / ${db[t].length} rows)`);
    if (!same) differences++;
  }
  const [qa, qb] = stores.map(queriesOf);
  for (const [n, q] of qa.entries()) {
    for (let i = 0; i < 5; i++) {
      const answer = (x, s) => JSON.stringify(x.sql ? s.db.prepare(x.sql).all(...x.args(i)) : x.run(i));
      const [ra, rb] = [answer(q, stores[0]), answer(qb[n], stores[1])];
      if (ra !== rb) {
        console.log(`DIFFERENT: ${q.name}, run ${i}`);
        differences++;
      }
    }
    console.log(`answers compared: ${q.name} (5 runs)`);
  }
  for (const s of stores) s.close();
  if (!a.keep) for (const f of files) remove(f);
  console.log(differences ? `${differences} differences` : 'the two builds agree');
  process.exit(differences ? 1 : 0);
}

if (!a['no-build'])
  printBuild(a['ingest-path'] ? 'Store.ingestDocument' : 'Store.bulkLoad', build(file, a['ingest-path']));

if (a['no-build']) {
  // (a file an older shiryo built gets the migrations it lacks: timed, as a user's file would on first opening)
  const m0 = performance.now();
  const c0 = process.cpuUsage();
  const rw = openStore(file);
  const c = process.cpuUsage(c0);
  rw.close();
  console.log(
    `opened read-write (migrations applied if any): ${((performance.now() - m0) / 1000).toFixed(1)} s wall, ${((c.user + c.system) / 1e6).toFixed(1)} s CPU`,
  );
}
const store = openStore(file, { readonly: true });
const db = store.db;
const QUERIES = queriesOf(store);
const quantile = (xs, q) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
console.log(
  `\n## queries on ${file} (${mb(fileSize())} MB), ${runs} runs each (another indicator/city each run), load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
// SQLite only: the same query wrapped in count(*), so no row becomes a JavaScript object (better-sqlite3 builds one
// object per row: at ~17,000 rows that is most of the time of .all()).
console.log(
  '| query | rows | p50 ms | p95 ms | max ms | p50 CPU ms | p95 CPU ms | SQLite only: p50 CPU ms | p95 CPU ms |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const q of QUERIES) {
  const st = q.sql ? db.prepare(q.sql).raw(Boolean(q.raw)) : null;
  const counted = q.sql ? db.prepare(`SELECT count(*) FROM (${q.sql})`).pluck() : null;
  const times = [];
  const cpus = [];
  const engine = [];
  let n = 0;
  for (let i = 0; i < (q.runs ?? runs) + 1; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const rows = st ? st.all(...q.args(i)) : q.run(i);
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (counted) {
      const e0 = process.cpuUsage();
      counted.get(...q.args(i));
      const e = process.cpuUsage(e0);
      if (i > 0) engine.push((e.user + e.system) / 1000);
    }
    if (i > 0) {
      // (the first run warms the page cache)
      times.push(t);
      cpus.push((c.user + c.system) / 1000);
    }
    n = rows.length;
  }
  const sqliteOnly = engine.length
    ? `${quantile(engine, 0.5).toFixed(1)} | ${quantile(engine, 0.95).toFixed(1)}`
    : '— | —';
  console.log(
    `| ${q.name} | ${n} | ${quantile(times, 0.5).toFixed(1)} | ${quantile(times, 0.95).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${quantile(cpus, 0.5).toFixed(1)} | ${quantile(cpus, 0.95).toFixed(1)} | ${sqliteOnly} |`,
  );
}
if (a.explain) {
  for (const q of QUERIES.filter((x) => x.sql)) {
    console.log(`\n${q.name}\n\`\`\``);
    for (const r of db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.args(0)))
      console.log(`${r.id} ${r.parent} ${r.detail}`);
    console.log('```');
  }
}
store.close();
if (!a.keep && !a.db) for (const x of ['', '-wal', '-shm']) rmSync(file + x, { force: true });
