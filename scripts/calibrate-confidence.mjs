#!/usr/bin/env node
// Fit the confidence model (packages/normalizer/src/confidence.ts) on documents whose truth is known: the tuned part
// of the generated corpus (fresh seeds, never the reporting seed 1) and the fixtures with hand-checked expectations.
//
//   node scripts/calibrate-confidence.mjs [--seeds 101,102] [--calibration-seeds 103] [--docs 480] [--write]
//
// Needs `pnpm build`. Each document is read as the CLI reads it (kuromoji tokens, the municipality of its path); each
// observation is labelled right or wrong by tools/score.mjs (right = matched to an expected observation); its
// features are its evidence (confidenceFeatures). A logistic model (L2-regularised, fitted by gradient descent,
// deterministic) gives a score, fitted on --seeds; an isotonic regression (pool-adjacent-violators) maps scores to the
// precision measured on OTHER documents (--calibration-seeds and the fixtures), so the map is not fitted on the rows
// the model was. With --by-family those other documents are other FAMILIES: every row (--seeds, --calibration-seeds and the fixtures)
// is scored by a model fitted without its family (the value of one axis of a corpus document, --family-axis: its
// domain — the vocabulary of its labels — by default, or its format, orientation…; a fixture's source type: text,
// pdf), so evidence that only holds inside the family it was learnt on does not lift a
// score into the top band (cross-fitted calibration, as CalibratedClassifierCV does with folds — here the folds are
// families, the way a new city's document is unseen); the model written is fitted on all rows. Measured on
// 2026-12-07 (docs/confidence.md): by domain it did NOT hold better on the held-out corpus (>= 0.9 at 0.890 against
// 0.912 by seed), so by seed stays the default. --cache FILE keeps the rows between runs. A score reaches 0.9 only
// where the Wilson lower bound (95%) of its block's precision is ≥ 0.99.
// Prints precision per confidence band on the training documents; --write rewrites
// packages/normalizer/src/confidence-model.ts. Re-run whenever the rules change much (`pnpm corpus` re-measures).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '@shiryo/extractor';
import { CONFIDENCE_BANDS, confidenceBandIndex } from '@shiryo/model';
import {
  calibrate,
  confidenceContext,
  confidenceFeatures,
  confidenceOf,
  loadTokenizer,
  modelScore,
  municipalityFromPath,
  normalizeDocument,
  rulePairs,
  SEEN_DOCUMENTS,
  tokenMatcher,
} from '@shiryo/normalizer';
import { score } from '../tools/score.mjs';
import { knownTruthDocuments, tableShape } from './lib/known-truth.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const fitSeeds = String(opt('seeds', '101,102')).split(',').map(Number);
const calibrationSeeds = String(opt('calibration-seeds', '103')).split(',').map(Number);
const docsPerSeed = Number(opt('docs', 480));
const write = args.includes('--write');
const bySeed = !args.includes('--by-family');
// The corpus axis whose values are the families left out in turn (domain: the vocabulary of labels and indicators;
// format: the reader; orientation, header_levels, kind_place: the table's structure).
const familyAxis = opt('family-axis', 'domain');
// Rows (features, right/wrong, family) cached between runs: collecting them reads ~1,500 documents.
const cache = opt('cache', null);

const NONE = { trainedOn: 'none', intercept: 0, weights: {}, calibration: [] };

const tokens = tokenMatcher(await loadTokenizer());

/**
 * Every document of the seeds (and the fixtures) read as the CLI reads it: its observations, each marked right or
 * wrong by the scorer (`right` null where the truth says nothing: a fixture's pages not labelled), and its tables'
 * facts. Kept raw, so the features can be computed again without reading the documents (--raw FILE).
 */
async function readDocuments(seeds, withFixtures) {
  const out = [];
  for (const d of knownTruthDocuments({ seeds, docs: docsPerSeed, withFixtures, prefix: 'shiryo-calib' }).map((x) => ({
    ...x,
    pages: x.meta?.pages,
    ocr: x.meta?.ocr,
  }))) {
    let doc;
    try {
      doc = await extractDocument(d.path, d.ocr ? { ocr: d.ocr, ...(d.pages ? { pages: d.pages } : {}) } : {});
    } catch {
      continue;
    }
    const fromPath = municipalityFromPath(d.path);
    const given = fromPath?.kind === 'found' ? { municipality: fromPath.municipality, source: 'path' } : undefined;
    const norm = normalizeDocument(doc, { tokens, confidence: NONE, ...(given ? { municipality: given } : {}) });
    const pages = d.pages ? new Set(d.pages) : null;
    const scored = norm.observations.filter((o) => !pages || pages.has(o.page));
    const actual = scored.map((o) => ({ document_path: d.path, ...o }));
    const wrong = new Set(score(d.expected, actual).extras);
    const right = new Map(scored.map((o, i) => [o, !wrong.has(actual[i])]));
    out.push({
      doc: d.name,
      seed: d.seed ?? null,
      axes: d.axes ?? { fixture: d.path.endsWith('.pdf') ? 'pdf' : 'text' },
      // (the table's shape and cells too: features may read the structure around a value — its headers, the cells
      // of the table no observation came from)
      tables: doc.tables.map(tableShape),
      observations: norm.observations.map((o) => ({ ...o, right: right.has(o) ? right.get(o) : null })),
    });
  }
  return out;
}

/** The rules and pairs of rules of each document (as sets), to count on how many documents each was measured. */
function evidenceOf(doc) {
  const rules = new Set();
  const pairs = new Set();
  for (const o of doc.observations) {
    const rp = rulePairs(o);
    for (const r of rp.rules) rules.add(r);
    for (const p of rp.pairs) pairs.add(p);
  }
  return { rules, pairs };
}

/** On how many of these documents each rule and pair of rules decided an observation. */
function countEvidence(docs) {
  const rules = new Map();
  const pairs = new Map();
  for (const d of docs) {
    const e = evidenceOf(d);
    for (const r of e.rules) rules.set(r, (rules.get(r) ?? 0) + 1);
    for (const p of e.pairs) pairs.set(p, (pairs.get(p) ?? 0) + 1);
  }
  return { rules, pairs };
}

/** The evidence seen on at least SEEN_DOCUMENTS documents, leaving out one document's own (a row is not its own witness). */
function seenWithout(counts, doc) {
  const own = doc ? evidenceOf(doc) : { rules: new Set(), pairs: new Set() };
  const keep = (m, mine) =>
    new Set([...m].filter(([k, n]) => n - (mine.has(k) ? 1 : 0) >= SEEN_DOCUMENTS).map(([k]) => k));
  return { rules: keep(counts.rules, own.rules), pairs: keep(counts.pairs, own.pairs) };
}

// Features left out (--drop a,b: every feature starting with one of them), to measure what a feature adds.
const drop = String(opt('drop', '')).split(',').filter(Boolean);
const kept = (f) => !drop.some((d) => f.startsWith(d));

/** One row per scored observation: its features and whether it is right. */
function rowsOf(docs, counts, reference) {
  const all = [];
  for (const d of docs) {
    const seen = seenWithout(counts, reference.has(d.doc) ? d : null);
    const tables = new Map(d.tables.map((t) => [t.index, t]));
    const context = confidenceContext(d.observations);
    for (const o of d.observations) {
      if (o.right === null) continue;
      all.push({
        doc: d.doc,
        axes: d.axes,
        features: confidenceFeatures(o, tables.get(o.table_index), context, seen).filter(kept),
        right: o.right,
      });
    }
  }
  return all;
}

/** L2-regularised logistic regression by full-batch gradient descent with Adam (deterministic). */
function fitLogistic(data, { l2 = 1, steps = 600, rate = 0.1 } = {}) {
  const names = [...new Set(data.flatMap((r) => r.features))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const w = new Float64Array(names.length);
  let b = 0;
  const m = new Float64Array(names.length + 1);
  const v = new Float64Array(names.length + 1);
  const xs = data.map((r) => r.features.map((f) => index.get(f)));
  const ys = data.map((r) => (r.right ? 1 : 0));
  for (let t = 1; t <= steps; t++) {
    const g = new Float64Array(names.length);
    let gb = 0;
    for (let i = 0; i < xs.length; i++) {
      let z = b;
      for (const j of xs[i]) z += w[j];
      const e = 1 / (1 + Math.exp(-z)) - ys[i];
      gb += e;
      for (const j of xs[i]) g[j] += e;
    }
    const n = xs.length;
    const step = (k, grad) => {
      m[k] = 0.9 * m[k] + 0.1 * grad;
      v[k] = 0.999 * v[k] + 0.001 * grad * grad;
      const mh = m[k] / (1 - 0.9 ** t);
      const vh = v[k] / (1 - 0.999 ** t);
      return (rate * mh) / (Math.sqrt(vh) + 1e-8);
    };
    for (let j = 0; j < names.length; j++) w[j] -= step(j, g[j] / n + (l2 * w[j]) / n);
    b -= step(names.length, gb / n);
  }
  const weights = {};
  names.forEach((nm, j) => {
    if (Math.abs(w[j]) >= 1e-3) weights[nm] = Math.round(w[j] * 1000) / 1000;
  });
  return { intercept: Math.round(b * 1000) / 1000, weights };
}

/** The Wilson lower bound (95%) of a precision measured on n rows. */
function wilsonLow(p, n) {
  if (n === 0) return 0;
  const z = 1.96;
  const d = 1 + (z * z) / n;
  return (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
}

/**
 * Isotonic regression (pool adjacent violators) of right/wrong on the score: [score, precision] steps. A block whose
 * precision the rows cannot vouch for at 0.99 (Wilson lower bound) is kept below 0.9.
 */
function isotonic(points) {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const blocks = [];
  for (const [s, y] of sorted) {
    blocks.push({ lo: s, sum: y, n: 1 });
    while (blocks.length > 1 && blocks.at(-2).sum / blocks.at(-2).n > blocks.at(-1).sum / blocks.at(-1).n) {
      const last = blocks.pop();
      const prev = blocks.at(-1);
      prev.sum += last.sum;
      prev.n += last.n;
    }
  }
  return blocks.map((bl) => {
    const p = bl.sum / bl.n;
    const vouched = p >= 0.9 && wilsonLow(p, bl.n) < 0.99 ? Math.min(p, 0.89) : p;
    return [Math.round(bl.lo * 1e6) / 1e6, Math.round(vouched * 1000) / 1000];
  });
}

// (--no-ceiling: the top band without the ceiling of evidence not vouched for, to measure what the ceiling does)
const confidenceFor = args.includes('--no-ceiling') ? (f, m) => calibrate(modelScore(f, m), m) : confidenceOf;
function bands(data, model) {
  const out = CONFIDENCE_BANDS.map(({ name }, i) => {
    const rs = data.filter((r) => confidenceBandIndex(confidenceFor(r.features, model)) === i);
    const right = rs.filter((r) => r.right).length;
    return { band: name, rows: rs.length, precision: rs.length ? right / rs.length : null };
  });
  return out;
}

const summary = (rs) => `${rs.length} rows, ${rs.filter((r) => r.right).length} right`;
// The documents, read once; --cache FILE keeps them (their raw observations), so new features re-fit in seconds.
let docs;
if (cache && existsSync(cache)) docs = JSON.parse(readFileSync(cache, 'utf8'));
else {
  docs = [...(await readDocuments([...fitSeeds, ...calibrationSeeds], false)), ...(await readDocuments([], true))];
  if (cache) writeFileSync(cache, JSON.stringify(docs));
}
const seedOf = (d) => d.seed ?? (d.doc.startsWith('corpus ') ? Number(d.doc.split(' ')[1]) : null);
const fitDocs = docs.filter((d) => fitSeeds.includes(seedOf(d)));
const calibrationDocs = docs.filter((d) => calibrationSeeds.includes(seedOf(d)));
const fixtureDocs = docs.filter((d) => seedOf(d) === null);
// The evidence measured: rules and pairs of rules on the corpus documents the model is fitted on (by seed: the fit
// seeds; by family: every seed), each document's own left out of its rows' count.
const referenceDocs = bySeed ? fitDocs : [...fitDocs, ...calibrationDocs];
const counts = countEvidence(referenceDocs);
const reference = new Set(referenceDocs.map((d) => d.doc));
const seenLists = seenWithout(counts, null);
const fixtureRows = rowsOf(fixtureDocs, counts, reference);
// --leave-out AXIS (measures only, writes nothing): how the top band holds on a layout family nothing was fitted or
// calibrated on, as on the held-out corpus. For each value of the corpus axis (format, orientation…), the model is
// fitted and calibrated without the documents of that value (and the evidence counted without them), then measured
// on them (other seeds of the cache when there are, else the calibration seeds). `--leave-out fixtures`: fitted and
// calibrated on the corpus alone, measured on the fixtures.
const leaveOut = opt('leave-out', null);
if (leaveOut) {
  const others = docs.filter((d) => seedOf(d) !== null && !fitDocs.includes(d) && !calibrationDocs.includes(d));
  const measured = others.length ? others : calibrationDocs;
  const folds =
    leaveOut === 'fixtures'
      ? [['fixtures', fitDocs, calibrationDocs, fixtureDocs, []]]
      : [...new Set(measured.map((d) => String(d.axes[leaveOut])))].sort().map((v) => {
          const out = (d) => String(d.axes[leaveOut]) !== v;
          return [v, fitDocs.filter(out), calibrationDocs.filter(out), measured.filter((d) => !out(d)), fixtureDocs];
        });
  const total = CONFIDENCE_BANDS.map(() => [0, 0]);
  for (const [v, fd, cd, ed, fx] of folds) {
    const c = countEvidence(fd);
    const ref = new Set(fd.map((d) => d.doc));
    const fr = rowsOf(fx, c, ref);
    const m = fitLogistic([...rowsOf(fd, c, ref), ...fr]);
    const cal = isotonic(
      [...rowsOf(cd, c, ref), ...fr].map((r) => [modelScore(r.features, { ...m, calibration: [] }), r.right ? 1 : 0]),
    );
    const bs = bands(rowsOf(ed, c, ref), { ...m, calibration: cal });
    bs.forEach((b, i) => {
      total[i][0] += b.rows;
      total[i][1] += b.rows * (b.precision ?? 0);
    });
    console.log(
      `  ${v.padEnd(16)} ${bs.map((b) => `${b.band} ${b.rows} ${b.precision === null ? '—' : b.precision.toFixed(3)}`).join('  ')}`,
    );
  }
  console.log(
    `left out by ${leaveOut}: ${CONFIDENCE_BANDS.map((b, i) => `${b.name} ${total[i][0]} rows ${(total[i][1] / (total[i][0] || 1)).toFixed(3)}`).join('  ')}`,
  );
  process.exit(0);
}
let data;
let held;
let fitted;
let withScores;
let trainedOn;
if (bySeed) {
  data = [...rowsOf(fitDocs, counts, reference), ...fixtureRows];
  held = [...rowsOf(calibrationDocs, counts, reference), ...fixtureRows];
  console.log(`fit on: ${summary(data)}; calibrated on: ${summary(held)}`);
  fitted = fitLogistic(data);
  withScores = held.map((r) => [modelScore(r.features, { ...fitted, calibration: [] }), r.right ? 1 : 0]);
  trainedOn = `fitted on the tuned corpus seeds ${fitSeeds.join(', ')} and the fixtures, calibrated on seeds ${calibrationSeeds.join(', ')} and the fixtures`;
} else {
  data = [...rowsOf([...fitDocs, ...calibrationDocs], counts, reference), ...fixtureRows];
  for (const r of data) r.family = r.axes.fixture ? `fixture ${r.axes.fixture}` : String(r.axes[familyAxis]);
  held = data;
  const families = [...new Set(data.map((r) => r.family))].sort();
  console.log(`rows: ${summary(data)}; ${families.length} layout families: ${families.join(', ')}`);
  withScores = [];
  for (const family of families) {
    const out = fitLogistic(data.filter((r) => r.family !== family));
    const rs = data.filter((r) => r.family === family);
    for (const r of rs) withScores.push([modelScore(r.features, { ...out, calibration: [] }), r.right ? 1 : 0, family]);
    console.log(`  ${family.padEnd(16)} ${String(rs.length).padStart(6)} rows scored by a model fitted without them`);
  }
  fitted = fitLogistic(data);
  trainedOn = `fitted on the tuned corpus seeds ${[...fitSeeds, ...calibrationSeeds].join(', ')} and the fixtures, calibrated on the scores each layout family gets from a model fitted without it`;
}
const model = {
  trainedOn: `${trainedOn} (${docsPerSeed} documents a seed); ${new Date().toISOString().slice(0, 10)}`,
  ...fitted,
  calibration: isotonic(withScores),
  seen: { rules: [...seenLists.rules].sort(), pairs: [...seenLists.pairs].sort() },
};
for (const [name, rs] of [
  ...(bySeed
    ? [
        ['fit set: corpus', data.filter((r) => r.doc.startsWith('corpus'))],
        ['calibration set: corpus', held.filter((r) => r.doc.startsWith('corpus'))],
      ]
    : [['corpus (every row, in-sample model)', data.filter((r) => r.doc.startsWith('corpus'))]]),
  ['fixtures', held.filter((r) => r.doc.startsWith('fixture'))],
  // (documents of other seeds in the cache: measured only, neither fitted nor calibrated on)
  ...(() => {
    const other = docs.filter((d) => seedOf(d) !== null && !fitDocs.includes(d) && !calibrationDocs.includes(d));
    return other.length ? [['other seeds: corpus (measured only)', rowsOf(other, counts, reference)]] : [];
  })(),
]) {
  console.log(`\n${name}`);
  for (const b of bands(rs, model))
    console.log(
      `  ${b.band.padEnd(8)} ${String(b.rows).padStart(6)} rows  precision ${b.precision === null ? '—' : b.precision.toFixed(3)}`,
    );
}
if (!bySeed) {
  // How the top band holds on a family the model never saw: its out-of-family scores through the calibration.
  console.log('\n>= 0.9 on each family, scored by the model fitted without it');
  for (const family of [...new Set(withScores.map((w) => w[2]))].sort()) {
    const top = withScores.filter((w) => w[2] === family && calibrate(w[0], model) >= 0.9);
    const right = top.filter((w) => w[1] === 1).length;
    console.log(
      `  ${family.padEnd(16)} ${String(top.length).padStart(6)} rows  precision ${top.length ? (right / top.length).toFixed(3) : '—'}`,
    );
  }
}
const top = Object.entries(model.weights).sort((a, b) => a[1] - b[1]);
console.log(
  '\nweights of agreement and novelty:',
  top
    .filter(([k]) => /collision|collides|novel:/.test(k))
    .map(([k, v]) => `${k} ${v}`)
    .join(', '),
);
console.log(
  '\nmost negative evidence:',
  top
    .slice(0, 12)
    .map(([k, v]) => `${k} ${v}`)
    .join(', '),
);
console.log(
  'most positive evidence:',
  top
    .slice(-12)
    .map(([k, v]) => `${k} ${v}`)
    .join(', '),
);
if (write) {
  const file = join(ROOT, 'packages/normalizer/src/confidence-model.ts');
  writeFileSync(
    file,
    `/**\n * The fitted confidence model (written by scripts/calibrate-confidence.mjs --write; do not edit by hand).\n * ${model.trainedOn}.\n */\nimport type { ConfidenceModel } from './confidence.js';\n\nexport const CONFIDENCE_MODEL: ConfidenceModel = ${JSON.stringify(model, null, 2)};\n`,
  );
  // (formatted as the linter wants it, so the tree stays green)
  execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', file], { stdio: 'inherit' });
  console.log(`\nwrote ${file}`);
}
