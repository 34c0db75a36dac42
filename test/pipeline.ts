/** Shared helpers for end-to-end tests: run the whole pipeline on a fixture and export it like the CLI does. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { extractDocument, extractText, tableToGrid } from '@shiryo/extractor';
import type { ExtractedDocument } from '@shiryo/model';
import {
  type GivenMunicipality,
  loadTokenizer,
  municipalityFromPath,
  normalizeDocument,
  type TokenMatcher,
  tokenMatcher,
} from '@shiryo/normalizer';
import { openStore } from '@shiryo/store';

export const ROOT = new URL('..', import.meta.url).pathname;
export const FIXTURES = join(ROOT, 'fixtures');

/** A text test document of test/layouts/, extracted and normalized. */
export function normalizeLayout(name: string): ReturnType<typeof normalizeDocument> {
  const path = join(ROOT, 'test/layouts', name);
  return normalizeDocument(extractText(readFileSync(path, 'utf8'), path));
}

export interface FixtureInfo {
  name: string;
  dir: string;
  source: string;
  meta: { municipality_code: string; municipality: string; prefecture: string; plan: string; source_path?: string };
  expectedPath: string;
  /**
   * A labelled document that is not in the repository (a real PDF of ../shared/real-pdfs, whose licence is not
   * verified): `source` is outside the repository and may be absent on a machine without it.
   */
  external: boolean;
  /**
   * The pages labelled, for a labelled external document: only observations of these pages are scored (and none
   * read from a region fixture.json's `unlabelled` names: tools/labelled.mjs).
   */
  pages?: number[];
}

/**
 * Where a labelled external document is: its `source_path` from the repository root (`../shared/real-pdfs/…`, beside
 * the main checkout), else the same file name in $SHIRYO_REAL_PDFS (as `pnpm realpdfs` reads it: a worktree
 * elsewhere points there).
 */
export function externalSource(sourcePath: string): string {
  const here = join(ROOT, sourcePath);
  const dir = process.env.SHIRYO_REAL_PDFS;
  return existsSync(here) || !dir ? here : join(dir, basename(sourcePath));
}

/** Every fixture: the bundled ones (a `source.*` file in their folder) and the labelled external documents. */
export function fixtures(): FixtureInfo[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(FIXTURES, d.name);
      const meta = JSON.parse(readFileSync(join(dir, 'fixture.json'), 'utf8'));
      const external = typeof meta.source_path === 'string';
      const source = external
        ? externalSource(meta.source_path)
        : join(dir, readdirSync(dir).find((f) => f.startsWith('source.')) ?? 'source.txt');
      return {
        name: d.name,
        dir,
        source,
        meta,
        expectedPath: join(dir, 'expected', 'observations.jsonl'),
        external,
        ...(Array.isArray(meta.pages) ? { pages: meta.pages as number[] } : {}),
      };
    });
}

/** The fixtures whose documents are in the repository (what `shiryo ingest fixtures` reads). */
export function bundledFixtures(): FixtureInfo[] {
  return fixtures().filter((f) => !f.external);
}

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'shiryo-test-')), 'test.sqlite');
}

let tokens: Promise<TokenMatcher> | undefined;

/** The kuromoji matcher the CLI uses, built once per test worker (about 1 s). */
export function cliTokens(): Promise<TokenMatcher> {
  tokens ??= loadTokenizer().then((t) => tokenMatcher(t));
  return tokens;
}

/** The municipality the file's path names, given to the normalizer as `shiryo ingest` gives it (source `path`). */
export function pathMunicipality(source: string): { municipality?: GivenMunicipality } {
  const r = municipalityFromPath(resolve(source));
  return r?.kind === 'found' ? { municipality: { municipality: r.municipality, source: 'path' } } : {};
}

/**
 * Extract → normalize → store → export JSONL as `shiryo ingest` then `shiryo export` do (kuromoji tokens
 * included), returning the exported rows.
 */
export async function exportFixture(source: string, meta?: unknown): Promise<Record<string, unknown>[]> {
  return (await exportFixtureWithTables(source, meta)).rows;
}

/**
 * exportFixture, with the document's extracted tables (their cells' positions tell which observations of a real
 * document lie in a region its labels leave out: tools/labelled.mjs).
 */
export async function exportFixtureWithTables(
  source: string,
  meta?: unknown,
): Promise<{ rows: Record<string, unknown>[]; tables: ExtractedDocument['tables'] }> {
  const db = tempDb();
  const store = openStore(db);
  try {
    // A labelled scan (fixture.json `"ocr": "auto"`) is read by OCR, on its labelled pages only (a page takes
    // tens of seconds); every other fixture as `shiryo ingest` reads it by default.
    const m = (meta ?? {}) as { ocr?: 'auto' | 'always'; pages?: number[] };
    const doc = await extractDocument(source, m.ocr ? { ocr: m.ocr, ...(m.pages ? { pages: m.pages } : {}) } : {});
    store.ingestDocument(doc, normalizeDocument(doc, { tokens: await cliTokens(), ...pathMunicipality(source) }));
    let text = '';
    store.exportObservations('jsonl', (chunk) => {
      text += chunk;
    });
    const rows = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    return { rows, tables: doc.tables };
  } finally {
    store.close();
  }
}

export function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('//'))
    .map((l) => JSON.parse(l));
}

/** A recovered table's cell texts, row by row (a spanned cell's text in every place it covers). */
export const tableTexts = (t: { cells: unknown[] }) =>
  tableToGrid(t as Parameters<typeof tableToGrid>[0]).map((r) => r.map((c) => c?.text ?? ''));

/** Exported observations of tables as `label | year | kind | value`, sorted. */
export const tableObservationLines = (rows: Record<string, unknown>[]) =>
  rows
    .filter((r) => r.table_index !== null && r.table_index !== undefined)
    .map((r) => [r.indicator_label, r.fiscal_year, r.value_kind, r.value].join(' | '))
    .sort();
