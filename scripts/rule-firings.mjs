#!/usr/bin/env node
// How often each normalizer rule fires on the fixtures, test layouts and seeds (needs `pnpm build`):
// node scripts/rule-firings.mjs [RULE_ID] — with an id, the documents and places where it fires.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractDocument } from '@shiryo/extractor';
import { allRules, normalizeDocument } from '@shiryo/normalizer';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv[2];
process.stdout.on('error', () => process.exit(0));
const files = [];
for (const d of readdirSync(join(root, 'fixtures'), { withFileTypes: true })) {
  if (!d.isDirectory()) continue;
  const s = readdirSync(join(root, 'fixtures', d.name)).find((f) => f.startsWith('source.'));
  if (s) files.push(join(root, 'fixtures', d.name, s));
}
for (const f of readdirSync(join(root, 'test/layouts'))) files.push(join(root, 'test/layouts', f));
const seeds = join(root, '..', 'shared', 'seeds');
if (existsSync(seeds)) for (const f of readdirSync(seeds)) files.push(join(seeds, f));
const counts = new Map(allRules().map((r) => [r.id, 0]));
for (const f of files) {
  const doc = await extractDocument(f);
  normalizeDocument(doc, {
    trace: (id, where) => {
      counts.set(id, (counts.get(id) ?? 0) + 1);
      if (only === id) console.log(`${relative(root, f)}  ${where ?? ''}`);
    },
  });
}
if (!only) for (const [id, n] of [...counts].sort((a, b) => a[1] - b[1])) console.log(String(n).padStart(6), id);
