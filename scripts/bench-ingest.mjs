#!/usr/bin/env node
// Benchmark: ingest N variants of the fixture documents (each with different bytes) into a fresh SQLite file and
// print throughput and peak memory. Usage: pnpm bench [copies=20] [jobs=2]. Needs `pnpm build` first.
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureIngest } from './bench-measure.mjs';

const copies = Number(process.argv[2] ?? 20);
const jobs = String(process.argv[3] ?? 2);
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'shiryo-bench-'));
const sources = readdirSync(join(root, 'fixtures'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(root, 'fixtures', d.name, 'source.txt'))
  .filter((f) => existsSync(f));
let bytes = 0;
for (let i = 0; i < copies; i++) {
  const sub = join(dir, `copy${i}`);
  mkdirSync(sub);
  for (const [k, s] of sources.entries()) {
    const f = join(sub, `${k}.txt`);
    copyFileSync(s, f);
    appendFileSync(f, `\n\n(copy ${i})\n`);
    bytes += statSync(f).size;
  }
}
const { code, secs, peak } = await measureIngest(dir, join(dir, 'bench.sqlite'), ['--jobs', jobs]);
const files = copies * sources.length;
console.log('| files | MB | jobs | seconds | files/s | MB/s | peak RSS MB | exit |');
console.log('|---|---|---|---|---|---|---|---|');
console.log(
  `| ${files} | ${(bytes / 1e6).toFixed(1)} | ${jobs} | ${secs.toFixed(2)} | ${(files / secs).toFixed(1)} | ${(bytes / 1e6 / secs).toFixed(2)} | ${(peak / 1e6).toFixed(0)} | ${code} |`,
);
