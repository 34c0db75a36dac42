#!/usr/bin/env node
// How much of a table survives when its structure is lost: every fixture's tables written again the ways a table
// comes out of a PDF viewer or a web page, each version extracted → normalized → scored against the fixture's own
// expected observations. Versions:
//   spaced    a row per line, the non-empty cells separated by one space (PDF viewer copy)
//   cells     one non-empty cell per line (web-page copy of an HTML table)
//   aligned   cells padded to their column's width (wide characters count 2), two spaces apart (fixed-width export)
//   layout    `pdftotext -layout` of the PDF fixtures (needs poppler-utils)
//   raw       `pdftotext` (reading order) of the PDF fixtures
// Usage: pnpm build && node scripts/measure-linearized.mjs [--only VERSION] [--fixture SUBSTRING] [--keep DIR]
//        [--bench MB]   also time extractText on MB megabytes of all the versions and the sources, one after another
//                       (mixed prose and tables; CPU time, to compare runs on a busy machine)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
import { score } from '../tools/score.mjs';
import { rewrite, runs } from './lib/linearize.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const only = opt('only', '');
const fixtureFilter = opt('fixture', '');
const keep = opt('keep', '');
const benchMb = Number(opt('bench', 0));
const texts = [];
const root = new URL('..', import.meta.url).pathname;

const totals = {};
for (const name of readdirSync(join(root, 'fixtures')).sort()) {
  const dir = join(root, 'fixtures', name);
  const exp = join(dir, 'expected', 'observations.jsonl');
  if (!existsSync(exp) || (fixtureFilter && !name.includes(fixtureFilter))) continue;
  const expected = readFileSync(exp, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('//'))
    .map((l) => JSON.parse(l));
  const source = readdirSync(dir).find((f) => f.startsWith('source.'));
  if (!source) continue;
  const versions = {};
  if (source.endsWith('.pdf')) {
    for (const [v, flags] of [
      ['layout', ['-layout']],
      ['raw', []],
    ]) {
      if (!only || only === v)
        versions[v] = execFileSync('pdftotext', [...flags, join(dir, source), '-'], { encoding: 'utf8' });
    }
  } else {
    const text = readFileSync(join(dir, source), 'utf8');
    if (runs(text.split('\n')).length === 0) continue;
    for (const v of ['spaced', 'cells', 'aligned']) if (!only || only === v) versions[v] = rewrite(text, v);
  }
  if (!source.endsWith('.pdf')) texts.push(readFileSync(join(dir, source), 'utf8'));
  for (const [v, text] of Object.entries(versions)) {
    texts.push(text);
    if (keep) {
      mkdirSync(keep, { recursive: true });
      writeFileSync(join(keep, `${name}.${v}.txt`), text);
    }
    const path = `${name}.${v}.txt`;
    const doc = extractText(text, path);
    const norm = normalizeDocument(doc);
    const r = score(
      expected,
      norm.observations.map((o) => ({ document_sha256: doc.sha256, document_path: path, ...o })),
    );
    totals[v] ??= { expected: 0, actual: 0, matched: 0 };
    const t = totals[v];
    t.expected += r.expected;
    t.actual += r.actual;
    t.matched += r.matched;
    console.log(
      `${v.padEnd(8)} ${name.padEnd(34)} P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}  tables ${doc.tables.length}`,
    );
  }
}
for (const [v, t] of Object.entries(totals)) {
  const p = t.actual ? t.matched / t.actual : 0;
  const r = t.expected ? t.matched / t.expected : 0;
  console.log(
    `TOTAL ${v.padEnd(8)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)}  (${t.matched}/${t.expected})`,
  );
}

if (benchMb > 0) {
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < benchMb * 1024 * 1024; i++) text += `${texts[i % texts.length]}\n\n`;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const doc = extractText(text, 'bench.txt');
  const c = process.cpuUsage(c0);
  console.log(
    `BENCH ${benchMb} MB, ${text.split('\n').length} lines: wall ${(performance.now() - t0).toFixed(0)} ms, cpu ${((c.user + c.system) / 1000).toFixed(0)} ms, ${doc.tables.length} tables (${doc.tables.filter((t) => t.method === 'linearized' || t.method === 'aligned').length} linear), ${doc.blocks.length} blocks`,
  );
}
