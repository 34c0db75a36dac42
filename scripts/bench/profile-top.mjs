#!/usr/bin/env node
// Summarize a V8 .cpuprofile (node --cpu-prof): self time by function and by file (package), top N.
// Usage: node scripts/bench/profile-top.mjs FILE.cpuprofile [N=15]
import { readFileSync } from 'node:fs';

const prof = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const n = Number(process.argv[3] ?? 15);
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++)
  self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((s, x) => s + x, 0);
const where = (cf) => {
  const u = cf.url.replace(/^file:\/\//, '');
  const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1];
  const p = /packages\/([^/]+)\/(?:dist|src)\/(.*)$/.exec(u);
  if (p) return `@shiryo/${p[1]}/${p[2]}`;
  return u || `(${cf.functionName || 'native'})`;
};
const fn = new Map();
const file = new Map();
for (const [id, t] of self) {
  const cf = byId.get(id).callFrame;
  const f = where(cf);
  const k = `${cf.functionName || '(anonymous)'}  ${f}:${cf.lineNumber + 1}`;
  fn.set(k, (fn.get(k) ?? 0) + t);
  const pkg = f.replace(/^(@shiryo\/[^/]+\/.*)$/, '$1');
  file.set(pkg, (file.get(pkg) ?? 0) + t);
}
const show = (title, m) => {
  console.log(`\n${title} (total ${(total / 1e6).toFixed(2)} s of samples)`);
  for (const [k, t] of [...m].sort((x, y) => y[1] - x[1]).slice(0, n))
    console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1e3).toFixed(0).padStart(6)} ms  ${k}`);
};
show('self time by file', file);
show('self time by function', fn);
