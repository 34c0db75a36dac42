#!/usr/bin/env node
// Dump every observation of every fixture, test layout and seed as one sorted text file, to diff the
// normalizer's behaviour before and after a change: node scripts/dump-observations.mjs OUT.txt [--no-tokens]
// (needs `pnpm build`). Each line: document, table/row/col, label, subgroup, measure, unit, year, kind, value,
// qualifier, confidence, value text, warnings. Runs the pipeline as the CLI does (kuromoji tokens) unless told not to.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractDocument } from '@shiryo/extractor';
import { loadTokenizer, normalizeDocument, tokenMatcher } from '@shiryo/normalizer';

const root = new URL('..', import.meta.url).pathname;
const out = process.argv[2] ?? '/tmp/observations.txt';
const tokens = process.argv.includes('--no-tokens') ? undefined : tokenMatcher(await loadTokenizer());
const files = [];
for (const d of readdirSync(join(root, 'fixtures'), { withFileTypes: true })) {
  if (!d.isDirectory()) continue;
  const s = readdirSync(join(root, 'fixtures', d.name)).find((f) => f.startsWith('source.'));
  if (s) files.push(join(root, 'fixtures', d.name, s));
}
for (const f of readdirSync(join(root, 'test/layouts'))) files.push(join(root, 'test/layouts', f));
const seeds = join(root, '..', 'shared', 'seeds');
if (existsSync(seeds)) for (const f of readdirSync(seeds)) files.push(join(seeds, f));
const lines = [];
for (const f of files.sort()) {
  const name = relative(root, f);
  try {
    const doc = await extractDocument(f);
    const n = normalizeDocument(doc, { tokens });
    for (const o of n.observations)
      lines.push(
        [
          name,
          `${o.table_index ?? 'p'}/${o.row ?? ''}/${o.col ?? ''}`,
          o.indicator_id ?? '',
          o.indicator_label,
          o.subgroup ?? '',
          o.measure ?? '',
          o.unit ?? '',
          o.unit_text ?? '',
          o.period_kind ?? '',
          o.fiscal_year ?? '',
          o.value_kind,
          o.value,
          o.qualifier ?? '',
          o.confidence.toFixed(3),
          JSON.stringify(o.value_text),
          o.section ?? '',
          o.warnings.join(';'),
        ].join(' | '),
      );
    for (const i of n.issues) lines.push(`${name} | issue | ${i.code} | ${i.where ?? ''} | ${i.message}`);
  } catch (e) {
    lines.push(`${name} | error | ${e.message}`);
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} lines from ${files.length} documents → ${out}`);
