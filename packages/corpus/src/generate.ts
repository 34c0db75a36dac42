/**
 * Generate a corpus: the plan, each document built and rendered, written under OUT/docs with its expected
 * observations under OUT/expected and a manifest (OUT/manifest.json) naming every document's axis values.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Axes, type DocPlan, type Mark, makePlan } from './axes.js';
import { citiesOf } from './cities.js';
import { buildDoc, type DocModel } from './doc.js';
import { type PdfStyle, renderPdf } from './render/pdf.js';
import { EXTENSION, renderText, type TextFormat } from './render/text.js';
import { Rng } from './rng.js';
import type { Expected, Part, RenderedFile } from './types.js';

export interface ManifestDoc {
  id: string;
  part: Part;
  /** path relative to OUT/docs */
  path: string;
  axes: Axes;
  marks: Mark[];
  city: { code: string; name: string; prefecture: string };
  expected: number;
  /** which word stated each value kind */
  kind_words: Record<string, string>;
}

export interface Manifest {
  seed: number;
  docs: ManifestDoc[];
}

export interface GeneratedDoc {
  model: DocModel;
  file: RenderedFile;
}

/** Render one document model to its format. */
export async function renderDoc(model: DocModel): Promise<RenderedFile> {
  const format = model.plan.axes.format;
  const rng = new Rng(`${model.plan.seed}/render`);
  if (format.startsWith('pdf_')) {
    const style = format.slice(4) as PdfStyle;
    const { bytes, plain } = await renderPdf(model, style, rng);
    return { path: `${model.stem}.pdf`, bytes, plain };
  }
  const f = format as TextFormat;
  const { text, plain } = renderText(model, f, rng);
  return { path: `${model.stem}.${EXTENSION[f]}`, bytes: new TextEncoder().encode(text), plain };
}

/** Build and render the documents of a plan (in memory). */
export async function* generateDocs(plan: DocPlan[]): AsyncGenerator<GeneratedDoc> {
  const cities = { tuned: citiesOf('tuned'), heldout: citiesOf('heldout') };
  for (const p of plan) {
    const model = buildDoc(p, cities[p.part]);
    const file = await renderDoc(model);
    // let the event loop run between documents (a test worker answers its runner meanwhile)
    await new Promise((r) => setImmediate(r));
    yield { model, file };
  }
}

/** Strip the generator's own keys the scorer does not need (tags stay: they are ignored by it). */
export function expectedLine(e: Expected): string {
  return JSON.stringify({
    municipality: e.municipality,
    indicator: e.indicator,
    subgroup: e.subgroup,
    measure: e.measure,
    unit: e.unit,
    fiscal_year: e.fiscal_year,
    value_kind: e.value_kind,
    value: e.value,
    qualifier: e.qualifier,
    evidence: e.evidence,
    where: e.where,
    tags: e.tags,
  });
}

export interface GenerateOptions {
  seed: number;
  docs: number;
  part: 'tuned' | 'heldout' | 'all';
  out: string;
}

/** Write a corpus under `out`: docs/, expected/<id>.jsonl, manifest.json. */
export async function generateCorpus(o: GenerateOptions): Promise<Manifest> {
  const plan = makePlan(o.seed, o.docs, o.part);
  const manifest: Manifest = { seed: o.seed, docs: [] };
  mkdirSync(join(o.out, 'expected'), { recursive: true });
  for await (const { model, file } of generateDocs(plan)) {
    const path = join(o.out, 'docs', file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
    writeFileSync(
      join(o.out, 'expected', `${model.plan.id}.jsonl`),
      model.expected.map((e) => `${expectedLine(e)}\n`).join(''),
    );
    manifest.docs.push({
      id: model.plan.id,
      part: model.plan.part,
      path: file.path,
      axes: model.plan.axes,
      marks: model.marks,
      city: model.city,
      expected: model.expected.length,
      kind_words: model.kindWords,
    });
  }
  writeFileSync(join(o.out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}
