#!/usr/bin/env node
// National scale: build a synthetic shiryo database the size of Japan through the store's own code (openStore,
// migrations, Store.ingestDocument: one transaction per document), then time the README's researcher queries and
// `shiryo compare` on it. Needs `pnpm build`.
//
//   node scripts/bench-national.mjs [--cities 1741] [--years 10] [--indicators 300] [--runs 20] [--db FILE] [--keep]
//
// Rows = cities × years × indicators × 3 value kinds (plan, actual, achievement_rate): 1,741 × 10 × 300 × 3 ≈ 15.7 M.
// Every city has two documents (障害福祉計画, 介護保険事業計画), each holding half the indicators. Confidence and
// warnings are spread like a real run's (most numbers sure, a few percent doubted), so the README's "doubted"
// queries have something to find. Prints the build (seconds, rows/s, file size) and a table of query timings
// (median and 95th percentile of --runs runs, each run on another indicator or city), and `EXPLAIN QUERY PLAN`.
import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  .filter((m) => !/区$/.test(m.name) && !m.code.slice(2).startsWith('000'))
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
const fileSize = () =>
  ['', '-wal', '-shm'].reduce((s, x) => s + (existsSync(file + x) ? statSync(file + x).size : 0), 0);

if (!a['no-build']) {
  for (const x of ['', '-wal', '-shm']) rmSync(file + x, { force: true });
  const store = openStore(file);
  store.upsertMunicipalities(municipalities());
  store.upsertCatalog(
    indicators.map((x) => ({ id: x.id, label: x.label, plan: x.plan, units: [x.unit], aliases: [] })),
  );
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let rows = 0;
  let generate = 0;
  for (const [i, city] of cities.entries()) {
    for (const plan of ['shogai', 'kaigo']) {
      const g0 = performance.now();
      const { doc, norm } = documentOf(city, plan);
      generate += performance.now() - g0;
      store.ingestDocument(doc, norm);
      rows += norm.observations.length;
    }
    if ((i + 1) % 100 === 0)
      process.stderr.write(
        `  ${i + 1}/${cities.length} cities, ${rows} rows, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
      );
  }
  const tIngest = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuIngest = (cpu.user + cpu.system) / 1e6;
  const a0 = performance.now();
  store.db.exec('ANALYZE');
  const tAnalyze = (performance.now() - a0) / 1000;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  console.log(
    `## build: ${cities.length} cities × ${nYears} years × ${nIndicators} indicators × ${KINDS.length} kinds`,
  );
  console.log(
    '| rows | documents | ingest s (wall) | ingest s (CPU) | of which generating rows | rows/s (wall) | rows/s (CPU) | ANALYZE s | file MB |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${rows} | ${cities.length * 2} | ${tIngest.toFixed(1)} | ${cpuIngest.toFixed(1)} | ${(generate / 1000).toFixed(1)} | ${Math.round(rows / (tIngest - generate / 1000))} | ${Math.round(rows / (cpuIngest - generate / 1000))} | ${tAnalyze.toFixed(1)} | ${mb(fileSize())} |`,
  );
}

// ---- queries ----
const store = openStore(file, { readonly: true });
const db = store.db;
const ids = indicators.map((x) => x.id);
const pick = (list, i) => list[(i * 7919) % list.length];
const QUERIES = [
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
    name: 'README 3: doubted numbers per city, top 5',
    sql: `SELECT municipality_name, count(*) AS doubted FROM observations_flat
      WHERE confidence < 0.6 OR warnings <> '[]' GROUP BY municipality_name ORDER BY doubted DESC, municipality_name LIMIT 5`,
    args: () => [],
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

const quantile = (xs, q) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
console.log(`\n## queries on ${file} (${mb(fileSize())} MB), ${runs} runs each (another indicator/city each run)`);
// SQLite only: the same query wrapped in count(*), so no row becomes a JavaScript object (better-sqlite3 builds one
// object per row: at ~17,000 rows that is most of the time of .all()).
console.log(
  '| query | rows | p50 ms | p95 ms | max ms | p50 CPU ms | p95 CPU ms | SQLite only: p50 CPU ms | p95 CPU ms |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const q of QUERIES) {
  const st = q.sql ? db.prepare(q.sql) : null;
  const counted = q.sql ? db.prepare(`SELECT count(*) FROM (${q.sql})`).pluck() : null;
  const times = [];
  const cpus = [];
  const engine = [];
  let n = 0;
  for (let i = 0; i < runs + 1; i++) {
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
