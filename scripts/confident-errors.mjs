#!/usr/bin/env node
// Collect every observation of documents with known truth (tuned corpus seeds, fixtures) with its evidence and
// whether it is right, to study the confident (>= 0.9) wrong ones by cause, and to re-fit the confidence model
// without reading the documents again.
//
//   node scripts/confident-errors.mjs --seeds 1,7,21 [--docs 240] [--no-fixtures] --out /tmp/rows.json
//   node scripts/confident-errors.mjs --in /tmp/rows.json [--min 0.9]      (the report only)
//
// Needs `pnpm build` (and SHIRYO_REAL_PDFS for the real-PDF fixtures). NEVER the held-out part: it measures generality.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadTokenizer, tokenMatcher } from '@shiryo/normalizer';
import { judgeDocument, knownTruthDocuments } from './lib/known-truth.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const slim = (t) => ({
  index: t.index,
  method: t.method,
  quality: t.quality,
  nRows: t.nRows,
  nCols: t.nCols,
  headerRows: t.headerRows,
  ocr: t.cells.some((c) => c.confidence !== undefined),
});

async function collect() {
  const seeds = String(opt('seeds', '1')).split(',').filter(Boolean).map(Number);
  const tokens = tokenMatcher(await loadTokenizer());
  const out = [];
  for (const d of knownTruthDocuments({
    seeds,
    docs: Number(opt('docs', 240)),
    withFixtures: !args.includes('--no-fixtures'),
    prefix: 'shiryo-errors',
  }).map((x) => ({ ...x, axes: x.axes ?? { fixture: x.path.endsWith('.pdf') ? 'pdf' : 'text' } }))) {
    const judged = await judgeDocument(d, { tokens });
    if (!judged) continue;
    const { doc, norm, verdicts } = judged;
    out.push({
      doc: d.name,
      axes: d.axes,
      tables: doc.tables.map(slim),
      observations: norm.observations.map((o) => {
        const v = verdicts.get(o);
        return { ...o, right: v ? v.right : null, why: v?.why ? v.why : undefined };
      }),
    });
    process.stderr.write('.');
  }
  writeFileSync(opt('out', '/tmp/rows.json'), JSON.stringify(out));
  process.stderr.write('\n');
  return out;
}

const data = opt('in', null) ? JSON.parse(readFileSync(opt('in'), 'utf8')) : await collect();
const min = Number(opt('min', 0.9));
const tally = (rs) =>
  `${rs.length} rows, ${rs.filter((o) => o.right).length} right (${rs.length ? (rs.filter((o) => o.right).length / rs.length).toFixed(4) : '—'})`;
for (const group of ['corpus', 'fixture']) {
  const docs = data.filter((d) => d.doc.startsWith(group));
  const top = docs.flatMap((d) =>
    d.observations.filter((o) => o.right !== null && o.confidence >= min).map((o) => ({ ...o, doc: d.doc })),
  );
  console.log(`\n${group}: >= ${min}: ${tally(top)}`);
  for (const o of top.filter((x) => !x.right))
    console.log(
      `  ${o.doc} t${o.table_index ?? 'p'} r${o.row} c${o.col} ${o.confidence} «${o.indicator_label}»/${o.subgroup ?? ''}/${o.measure ?? ''} FY${o.fiscal_year} ${o.value_kind} ${o.value} ${o.unit ?? ''} | ${(o.why ?? ['no expected row with this value']).join('; ')} | ${o.rules.join(' ')}`,
    );
}
