#!/usr/bin/env node
// Precision per confidence band, and the confident wrong observations, on the sets the confidence model may be
// judged on without looking at the held-out corpus: the tuned corpus at given seeds, the fixtures, and the fixtures
// rewritten as linearized text (scripts/measure-linearized.mjs --keep DIR: layouts the rules were not written for).
//
//   node scripts/confidence-sets.mjs --seeds 1,7 [--docs 240] [--linearized DIR] --out /tmp/sets.json   (collect)
//   --linearize-corpus DIR  also every tuned text document (tsv, md, txt with tables) of the seeds rewritten as
//                           linearized text (spaced, cells, aligned; scripts/lib/linearize.mjs) under DIR, with its truth:
//                           the corpus's own documents in layouts the rules were not written for
//   node scripts/confidence-sets.mjs --in /tmp/sets.json[,/tmp/more.json] [--errors N] [--min 0.9]       (report)
//
// Collecting reads each document as the CLI does (kuromoji tokens, the municipality of its path) with no confidence
// model, so the observations keep their readers' confidence; the report assigns confidence with the model and the
// evidence of the code built now (`assignConfidence`), so a change of evidence is measured on the same readings
// without reading the documents again. Needs `pnpm build` (and SHIRYO_REAL_PDFS for the real-PDF fixtures).
// NEVER the held-out part: it measures generality.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIDENCE_BANDS, confidenceBandIndex } from '@shiryo/model';
import {
  assignConfidence,
  CONFIDENCE_MODEL,
  confidenceContext,
  confidenceFeatures,
  loadTokenizer,
  tokenMatcher,
} from '@shiryo/normalizer';
import { judgeDocument, knownTruthDocuments, ROOT, readJsonl, tableShape } from './lib/known-truth.mjs';
import { rewrite, runs } from './lib/linearize.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const NONE = { trainedOn: 'none', intercept: 0, weights: {}, calibration: [] };

/** The fixtures' linearized versions kept by measure-linearized.mjs --keep DIR, each with its fixture's truth. */
function linearizedDocuments(dir) {
  const out = [];
  for (const f of readdirSync(dir).sort()) {
    const m = /^(.+)\.(spaced|cells|aligned|layout|raw)\.txt$/.exec(f);
    if (!m) continue;
    const exp = join(ROOT, 'fixtures', m[1], 'expected', 'observations.jsonl');
    if (!existsSync(exp)) continue;
    out.push({
      name: `linearized ${m[2]} ${m[1]}`,
      seed: null,
      axes: { linearized: m[2] },
      path: join(dir, f),
      expected: readJsonl(exp),
      meta: null,
    });
  }
  return out;
}

/** Tuned corpus text documents rewritten as linearized text under `dir` (the folders kept: the city of a path). */
function linearizedCorpus(docs, dir) {
  const out = [];
  for (const d of docs) {
    if (d.seed === null || !/\.(tsv|md|txt)$/.test(d.path)) continue;
    const text = readFileSync(d.path, 'utf8');
    if (runs(text.split('\n')).length === 0) continue;
    const rel = join(`seed-${d.seed}`, d.path.slice(d.path.lastIndexOf('/docs/') + 6));
    for (const v of ['spaced', 'cells', 'aligned']) {
      const path = join(dir, rel.replace(/\.(tsv|md|txt)$/, `.${v}.txt`));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, rewrite(text, v));
      out.push({
        ...d,
        name: `linearized-corpus ${v} ${d.name.split(' ').slice(1).join(' ')}`,
        seed: null,
        axes: { ...d.axes, linearized: v },
        path,
      });
    }
  }
  return out;
}

async function collect() {
  const seeds = String(opt('seeds', '')).split(',').filter(Boolean).map(Number);
  const tokens = tokenMatcher(await loadTokenizer());
  const known = knownTruthDocuments({
    seeds,
    docs: Number(opt('docs', 240)),
    withFixtures: !args.includes('--no-fixtures'),
    prefix: 'shiryo-sets',
  });
  const list = [
    ...known,
    ...(opt('linearize-corpus', null) ? linearizedCorpus(known, opt('linearize-corpus')) : []),
    ...(opt('linearized', null) ? linearizedDocuments(opt('linearized')) : []),
  ];
  const out = [];
  for (const d of list) {
    const judged = await judgeDocument(d, { tokens, confidence: NONE });
    if (!judged) continue;
    const { doc, norm, verdicts } = judged;
    out.push({
      doc: d.name,
      seed: d.seed ?? null,
      axes: d.axes ?? { fixture: d.path.endsWith('.pdf') ? 'pdf' : 'text' },
      tables: doc.tables.map(tableShape),
      observations: norm.observations.map((o) => {
        const v = verdicts.get(o);
        return { ...o, right: v ? v.right : null, ...(v?.why ? { why: v.why } : {}) };
      }),
    });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  writeFileSync(opt('out', '/tmp/sets.json'), JSON.stringify(out));
  return out;
}

const data = opt('in', null)
  ? opt('in')
      .split(',')
      .flatMap((f) => JSON.parse(readFileSync(f, 'utf8')))
  : await collect();
const groupOf = (d) => {
  const [what, how] = d.doc.split(' ');
  if (what === 'corpus') return `tuned seed ${how}`;
  if (what === 'fixture') return 'fixtures';
  if (what === 'linearized-corpus') return `lin. corpus ${d.doc.split(' ')[2]} ${how}`;
  return `lin. fixtures ${how}`;
};
const groups = new Map();
for (const d of data) {
  // (confidence as the CLI would give it now: the readers' confidence the document kept, then the model)
  const obs = d.observations.map((o) => ({ ...o }));
  assignConfidence(obs, new Map(d.tables.map((t) => [t.index, t])), CONFIDENCE_MODEL);
  const context = confidenceContext(obs);
  const tables = new Map(d.tables.map((t) => [t.index, t]));
  const g = groupOf(d);
  if (!groups.has(g)) groups.set(g, []);
  for (const o of obs)
    if (o.right !== null)
      groups.get(g).push({ ...o, doc: d.doc, features: confidenceFeatures(o, tables.get(o.table_index), context) });
}
const min = Number(opt('min', 0.9));
const all = [];
for (const [g, rows] of [...groups].sort()) {
  const cells = CONFIDENCE_BANDS.map((_, i) => {
    const rs = rows.filter((o) => confidenceBandIndex(o.confidence) === i);
    const right = rs.filter((o) => o.right).length;
    return `${String(rs.length).padStart(6)} ${rs.length ? (right / rs.length).toFixed(3) : '  —  '}`;
  });
  console.log(`${g.padEnd(20)} ${CONFIDENCE_BANDS.map((b, i) => `${b.name} ${cells[i]}`).join('   ')}`);
  all.push(...rows.map((o) => ({ ...o, group: g })));
}
const nErr = Number(opt('errors', 0));
if (nErr) {
  const bad = all.filter((o) => o.confidence >= min && !o.right);
  console.log(`\nconfidently wrong (>= ${min}): ${bad.length}`);
  for (const o of bad.slice(0, nErr))
    console.log(
      `${o.group} | ${o.doc.replace(/^\S+ /, '')} t${o.table_index ?? 'p'} r${o.row} c${o.col} ${o.confidence} «${o.indicator_label}»/${o.subgroup ?? ''}/${o.measure ?? ''} FY${o.fiscal_year} ${o.value_kind} ${o.value} ${o.unit ?? ''} | ${(o.why ?? ['no expected row with this value']).join('; ')} | ${o.rules.join(' ')}`,
    );
}
const feat = opt('feature', null);
if (feat) {
  // (what a piece of evidence marks: its rows in the top band and their precision, per set)
  for (const [g, rows] of [...groups].sort()) {
    const rs = rows.filter((o) => o.features.includes(feat));
    const top = rs.filter((o) => o.confidence >= min);
    console.log(
      `${feat} ${g.padEnd(20)} rows ${rs.length} right ${rs.filter((o) => o.right).length}; >= ${min}: ${top.length} right ${top.filter((o) => o.right).length}`,
    );
  }
}
