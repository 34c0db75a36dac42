#!/usr/bin/env node
// Score every fixture: extract → normalize (in-process, from the built packages) → score with tools/score.mjs
// against fixtures/<name>/expected/observations.jsonl. Usage: pnpm score [--misses N] [--fixture SUBSTRING]
// (needs `pnpm build`). The ratchet itself is test/scores.test.ts; this prints the details for people.
// --scanned: score the scanned twins instead (.tmp/scanned/<name>.pdf, made by `node scripts/make-scanned-twins.mjs
// --bench`), read with `ocr: 'auto'` against the text-layer fixture's expectations; each line then says which misses
// dominate (number: no actual row has the value; label; year/kind; unit) and how many extras are numbers OCR
// garbled (a value no expected row has). --json FILE writes the rows.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { extractDocument } from '@shiryo/extractor';
import { municipalityFromPath, normalizeDocument } from '@shiryo/normalizer';
import { labelledOnly } from '../tools/labelled.mjs';
import { score } from '../tools/score.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const misses = Number(opt('misses', 0));
const only = opt('fixture', '');
const extrasN = Number(opt('extras', 0));
const scanned = args.includes('--scanned');
const jsonOut = opt('json', '');
const rows = {};
// --scanned: observations and wrong ones (extras) per confidence band, pooled over the twins (is an OCR'd number's
// confidence honest?)
const BANDS = [
  ['≥ 0.9', 0.9, 2],
  ['0.7–0.9', 0.7, 0.9],
  ['0.5–0.7', 0.5, 0.7],
  ['< 0.5', -1, 0.5],
];
const bands = Object.fromEntries(BANDS.map(([name]) => [name, { rows: 0, wrong: 0 }]));
const bandOf = (c) => BANDS.find(([, lo, hi]) => c >= lo && c < hi)[0];
let engine;
if (scanned || opt('ocr-cache', '')) {
  const { OcrEngine } = await import('@shiryo/extractor');
  engine = new OcrEngine();
  // --ocr-cache DIR: each recognition (image bytes, mode, dpi) kept on disk, so that a change after the OCR stage
  // (spans, tables, the normalizer) is measured again in seconds rather than re-recognised (a development aid: the
  // pipeline itself never caches)
  const cacheDir = opt('ocr-cache', '');
  if (cacheDir) {
    const { createHash } = await import('node:crypto');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(cacheDir, { recursive: true });
    const recognize = engine.recognize.bind(engine);
    engine.recognize = async (img, o = {}) => {
      const h = createHash('sha1');
      h.update(`${img.width}x${img.height}@${img.dpi} psm${o.psm ?? ''}\n`);
      h.update(img.data);
      const file = join(cacheDir, `${h.digest('hex')}.json`);
      if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
      const r = await recognize(img, o);
      writeFileSync(file, JSON.stringify(r));
      return r;
    };
  }
}
const root = new URL('..', import.meta.url).pathname;
const show = (o) =>
  `${o.indicator ?? o.indicator_label}${o.subgroup ? `/${o.subgroup}` : ''} FY${o.fiscal_year} ${o.value_kind} ${o.value} ${o.unit ?? ''}`;
for (const name of readdirSync(join(root, 'fixtures')).sort()) {
  const dir = join(root, 'fixtures', name);
  const exp = join(dir, 'expected', 'observations.jsonl');
  if (!existsSync(exp) || (only && !name.includes(only))) continue;
  const expected = readFileSync(exp, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('//'))
    .map((l) => JSON.parse(l));
  // a labelled external document (a real PDF read in place) names its path and the pages labelled
  const meta = JSON.parse(readFileSync(join(dir, 'fixture.json'), 'utf8'));
  const local = readdirSync(dir).find((f) => f.startsWith('source.'));
  // (an external document is found from the repository root, else by its name in $SHIRYO_REAL_PDFS, as pnpm
  // realpdfs and the ratchet find it)
  const external = meta.source_path && join(root, meta.source_path);
  const source = external
    ? existsSync(external) || !process.env.SHIRYO_REAL_PDFS
      ? external
      : join(process.env.SHIRYO_REAL_PDFS, basename(meta.source_path))
    : local && join(dir, local);
  const twin = join(root, '.tmp', 'scanned', `${name}.pdf`);
  if (scanned && !existsSync(twin)) continue;
  if (!scanned && (!source || !existsSync(source))) continue;
  const t0 = performance.now();
  const doc = scanned
    ? await extractDocument(twin, { ocr: 'auto', ocrEngine: engine, onProgress: (l) => process.stderr.write(l) })
    : await extractDocument(
        source,
        meta.ocr
          ? { ocr: meta.ocr, ...(engine ? { ocrEngine: engine } : {}), ...(meta.pages ? { pages: meta.pages } : {}) }
          : {},
      );
  const seconds = (performance.now() - t0) / 1000;
  // the municipality the path names, as `shiryo ingest` gives it
  const fromPath = municipalityFromPath(resolve(source));
  const norm = normalizeDocument(
    doc,
    fromPath?.kind === 'found' ? { municipality: { municipality: fromPath.municipality, source: 'path' } } : {},
  );
  // a labelled external document: its labelled pages, less the regions left unlabelled (tools/labelled.mjs)
  const actual = (external ? labelledOnly(norm.observations, doc.tables, meta) : norm.observations).map((o) => ({
    document_sha256: doc.sha256,
    document_path: doc.path,
    ...o,
  }));
  const r = score(expected, actual);
  // expectations naming a catalog id, and how many an observation with the same value, year and kind carries
  // (as test/scores.test.ts counts them)
  const named = expected.filter((e) => typeof e.indicator_id === 'string');
  const kindClass = (k) => (k === 'estimate' ? 'plan' : k);
  const withId = named.filter((e) =>
    actual.some(
      (a) =>
        a.indicator_id === e.indicator_id &&
        Math.abs(a.value - e.value) <= 1e-6 * Math.max(1, Math.abs(e.value)) &&
        (a.fiscal_year ?? null) === (e.fiscal_year ?? null) &&
        kindClass(a.value_kind) === kindClass(e.value_kind),
    ),
  );
  const ids = named.length ? `  ids ${withId.length}/${named.length}` : '';
  console.log(
    `${name.padEnd(34)} P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}  (${r.matched}/${r.expected} expected, ${r.actual} actual)${ids}`,
  );
  if (scanned) {
    const cause = { number: 0, label: 0, 'year/kind': 0, unit: 0, other: 0 };
    for (const m of r.misses) {
      const d = m.differs.join(' ');
      if (d.startsWith('no actual row')) cause.number++;
      else if (/fiscal_year|value_kind/.test(d)) cause['year/kind']++;
      else if (/indicator|subgroup/.test(d)) cause.label++;
      else if (/unit/.test(d)) cause.unit++;
      else cause.other++;
    }
    const garbled = r.extras.filter(
      (x) => !expected.some((e) => Math.abs(e.value - x.value) <= 1e-6 * Math.max(1, Math.abs(e.value))),
    ).length;
    console.log(
      `  misses by cause ${JSON.stringify(cause)}; extras ${r.extras.length}, of which values no expected row has ${garbled}; ${seconds.toFixed(0)} s`,
    );
    for (const a of actual) bands[bandOf(a.confidence)].rows++;
    for (const x of r.extras) bands[bandOf(x.confidence)].wrong++;
    rows[name] = {
      precision: Math.round(r.precision * 1000) / 1000,
      recall: Math.round(r.recall * 1000) / 1000,
      matched: r.matched,
      expected: r.expected,
      actual: r.actual,
      misses: cause,
      extras: r.extras.length,
      garbled,
      seconds: Math.round(seconds),
    };
  }
  if (misses)
    for (const e of named.filter((x) => !withId.includes(x)).slice(0, misses))
      console.log(`  ID MISS ${e.indicator_id}  ${show(e)}`);
  for (const m of r.misses.slice(0, misses)) {
    console.log(`  MISS  ${show(m.expected)}  «${m.expected.evidence ?? ''}»`);
    console.log(`        nearest: ${m.nearest ? show(m.nearest) : '—'}  [${m.differs.join('; ')}]`);
  }
  for (const x of r.extras.slice(0, extrasN))
    console.log(`  EXTRA ${show(x)}  «${x.value_text}» t${x.table_index} r${x.row}c${x.col} §${x.section ?? ''}`);
}
if (engine) await engine.close();
if (scanned)
  console.log(
    `by confidence band: ${BANDS.map(([b]) => `${b} ${bands[b].rows} rows, precision ${bands[b].rows ? (1 - bands[b].wrong / bands[b].rows).toFixed(3) : '—'}`).join('; ')}`,
  );
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows, null, 2)}\n`);
