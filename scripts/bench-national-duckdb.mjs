#!/usr/bin/env node
// The reference a researcher would pick instead of SQLite for all-Japan reads: DuckDB (@duckdb/node-api, in the
// workspace's devDependencies) on the Parquet export of the national database (issue 17). Times README queries 1
// and 2 the way bench-national.mjs times them on SQLite — one indicator across every city, rows read into
// JavaScript — (a) on the Parquet file as it is and (b) on a DuckDB table loaded from it once (load time printed).
//
//   node scripts/bench-national.mjs --keep --db /tmp/japan.sqlite          # build (about 6 minutes idle)
//   shiryo export --db /tmp/japan.sqlite --format parquet --out /tmp/japan.parquet
//   node scripts/bench-national-duckdb.mjs --parquet /tmp/japan.parquet [--runs 20] [--threads 2]
//
// README 2 reads the `plan_vs_actual` view in SQLite; the export holds observations, not its groups, so here it is
// the same answer written over observations (plan and actual of a city × subgroup × measure × unit × year, when
// each kind has one value, restatements left out): the query a DuckDB user would write.
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';

const { values: a } = parseArgs({
  options: {
    parquet: { type: 'string' },
    runs: { type: 'string', default: '20' },
    threads: { type: 'string', default: '2' },
  },
});
if (!a.parquet) {
  console.error('usage: bench-national-duckdb.mjs --parquet FILE [--runs N] [--threads N]');
  process.exit(2);
}
const runs = Number(a.runs);
const file = a.parquet.replaceAll("'", "''");
const instance = await DuckDBInstance.create(':memory:', { threads: a.threads });
const duck = await instance.connect();

const quantile = (xs, q) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const readme1 = (from) => `SELECT municipality_name, fiscal_year, unit, max(value) AS users FROM ${from}
  WHERE indicator_id = $1 AND value_kind = 'actual' AND confidence >= 0.8
  GROUP BY municipality_name, fiscal_year, unit ORDER BY municipality_name, fiscal_year, unit`;
const readme2 = (from) => `WITH g AS (
  SELECT municipality_name, subgroup, measure, unit, fiscal_year,
    min(value) FILTER (value_kind = 'plan') AS plan_min, max(value) FILTER (value_kind = 'plan') AS plan_max,
    min(value) FILTER (value_kind = 'actual') AS actual_min, max(value) FILTER (value_kind = 'actual') AS actual_max
  FROM ${from}
  WHERE indicator_id = $1 AND NOT restatement AND fiscal_year IS NOT NULL AND municipality_code IS NOT NULL
  GROUP BY municipality_code, municipality_name, subgroup, measure, unit, fiscal_year)
SELECT municipality_name, subgroup, measure, unit, fiscal_year, plan_min AS plan, actual_min AS actual,
  CASE WHEN plan_min > 0 THEN round(100.0 * actual_min / plan_min, 1) END AS computed_rate,
  actual_min < plan_min AS shortfall
FROM g WHERE plan_min = plan_max AND actual_min = actual_max
ORDER BY municipality_name, subgroup, unit, fiscal_year`;

const t0 = performance.now();
const ids = (
  await duck.runAndReadAll(`SELECT DISTINCT indicator_id FROM '${file}' WHERE indicator_id IS NOT NULL ORDER BY 1`)
)
  .getRows()
  .map((r) => r[0]);
const tIds = performance.now() - t0;
const l0 = performance.now();
await duck.run(`CREATE TABLE obs AS SELECT * FROM '${file}'`);
const tLoad = performance.now() - l0;
const [[nRows]] = (await duck.runAndReadAll('SELECT count(*) FROM obs')).getRows();

console.log(
  `## DuckDB on ${a.parquet} (${(statSync(a.parquet).size / 1e6).toFixed(0)} MB, ${nRows} observations), ${a.threads} threads, ${runs} runs each (another indicator each run), load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(
  `first scan (distinct indicators of the file): ${tIds.toFixed(0)} ms; loading it into a DuckDB table: ${(tLoad / 1000).toFixed(1)} s`,
);
console.log('| query | read from | rows | p50 ms | p95 ms | max ms | p50 CPU ms | p95 CPU ms |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const [name, sql] of [
  ['README 1: one indicator, actuals by city × year × unit', readme1],
  ['README 2: one indicator, plan and actual (over observations)', readme2],
]) {
  for (const [where, from] of [
    ['Parquet file', `'${file}'`],
    ['DuckDB table', 'obs'],
  ]) {
    const prepared = await duck.prepare(sql(from));
    const times = [];
    const cpus = [];
    let n = 0;
    for (let i = 0; i < runs + 1; i++) {
      prepared.bindVarchar(1, ids[(i * 7919) % ids.length]);
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      // rows into JavaScript values, as better-sqlite3's .all() gives them on the SQLite side
      const rows = (await prepared.runAndReadAll()).getRows();
      const w = performance.now() - w0;
      const c = process.cpuUsage(c0);
      n = rows.length;
      if (i > 0) {
        // (the first run warms the caches)
        times.push(w);
        cpus.push((c.user + c.system) / 1000);
      }
    }
    console.log(
      `| ${name} | ${where} | ${n} | ${quantile(times, 0.5).toFixed(1)} | ${quantile(times, 0.95).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${quantile(cpus, 0.5).toFixed(1)} | ${quantile(cpus, 0.95).toFixed(1)} |`,
    );
  }
}
duck.closeSync();
instance.closeSync();
