/**
 * Documents with known truth, for the scripts that measure confidence (calibrate-confidence.mjs,
 * confident-errors.mjs): the tuned part of the generated corpus for each seed, and the fixtures with expected
 * observations (a real PDF read in place: from the repository root, else by its name in $SHIRYO_REAL_PDFS, as the
 * fixture ratchet finds it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { extractDocument } from '@shiryo/extractor';
import { municipalityFromPath, normalizeDocument } from '@shiryo/normalizer';
import { score } from '../../tools/score.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');

export const readJsonl = (p) =>
  readFileSync(p, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('//'))
    .map((l) => JSON.parse(l));

/**
 * `{ name, seed, axes, path, expected, meta }` for every tuned corpus document of the seeds (`docs` each, generated
 * under a temporary folder named with `prefix`), then, with `withFixtures`, every fixture (`seed` and `axes` null,
 * `meta` its fixture.json).
 */
export function knownTruthDocuments({ seeds, docs, withFixtures, prefix }) {
  const out = [];
  for (const seed of seeds) {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-${seed}-`));
    execFileSync(
      'node',
      [
        join(ROOT, 'packages/corpus/bin/corpus.mjs'),
        '--part',
        'tuned',
        '--seed',
        String(seed),
        '--docs',
        String(docs),
        '--out',
        dir,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    for (const d of manifest.docs)
      out.push({
        name: `corpus ${seed} ${d.id}`,
        seed,
        axes: d.axes,
        path: join(dir, 'docs', d.path),
        expected: readJsonl(join(dir, 'expected', `${d.id}.jsonl`)),
        meta: null,
      });
  }
  for (const e of withFixtures ? readdirSync(join(ROOT, 'fixtures'), { withFileTypes: true }) : []) {
    if (!e.isDirectory()) continue;
    const dir = join(ROOT, 'fixtures', e.name);
    const exp = join(dir, 'expected', 'observations.jsonl');
    if (!existsSync(exp)) continue;
    const meta = JSON.parse(readFileSync(join(dir, 'fixture.json'), 'utf8'));
    const external = meta.source_path && join(ROOT, meta.source_path);
    const local = readdirSync(dir).find((f) => f.startsWith('source.'));
    const path = external
      ? existsSync(external) || !process.env.SHIRYO_REAL_PDFS
        ? external
        : join(process.env.SHIRYO_REAL_PDFS, basename(meta.source_path))
      : local && join(dir, local);
    if (!path || !existsSync(path)) continue;
    out.push({ name: `fixture ${e.name}`, seed: null, axes: null, path, expected: readJsonl(exp), meta });
  }
  return out;
}

/**
 * A table as the confidence scripts keep it beside its observations: its shape and its cells (features may read the
 * structure around a value — its headers, the cells no observation came from).
 */
export const tableShape = (t) => ({
  index: t.index,
  method: t.method,
  quality: t.quality,
  nRows: t.nRows,
  nCols: t.nCols,
  headerRows: t.headerRows,
  cells: t.cells.map((c) => ({
    row: c.row,
    col: c.col,
    rowSpan: c.rowSpan,
    colSpan: c.colSpan,
    role: c.role,
    text: c.text,
    ...(c.confidence === undefined ? {} : { confidence: c.confidence }),
  })),
});

/**
 * One document with known truth read as ingest reads it (OCR and pages as its fixture.json says, the municipality
 * from its path), normalized with `options` (tokens, confidence) and scored against its expected rows. `verdicts`:
 * each observation of the scored pages → whether it is right and, when wrong, what differs from the expected row
 * nearest to it (observations of other pages have none). Null when the document cannot be read.
 */
export async function judgeDocument(d, options) {
  const meta = d.meta;
  let doc;
  try {
    doc = await extractDocument(
      d.path,
      meta?.ocr ? { ocr: meta.ocr, ...(meta.pages ? { pages: meta.pages } : {}) } : {},
    );
  } catch {
    return null;
  }
  const fromPath = municipalityFromPath(resolve(d.path));
  const given = fromPath?.kind === 'found' ? { municipality: fromPath.municipality, source: 'path' } : undefined;
  const norm = normalizeDocument(doc, { ...options, ...(given ? { municipality: given } : {}) });
  const pages = Array.isArray(meta?.pages) ? new Set(meta.pages) : null;
  const scored = norm.observations.filter((o) => !pages || pages.has(o.page));
  const actual = scored.map((o) => ({ document_path: d.path, ...o }));
  const r = score(d.expected, actual);
  const wrong = new Set(r.extras);
  const why = new Map();
  for (const m of r.misses) if (m.nearest) why.set(m.nearest, m.differs);
  const verdicts = new Map(scored.map((o, i) => [o, { right: !wrong.has(actual[i]), why: why.get(actual[i]) }]));
  return { doc, norm, verdicts };
}
