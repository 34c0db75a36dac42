/** Shared helpers for end-to-end tests: run the whole pipeline on a fixture and export it like the CLI does. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDocument, extractText } from '@shiryo/extractor';
import { normalizeDocument } from '@shiryo/normalizer';
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
  meta: { municipality_code: string; municipality: string; prefecture: string; plan: string };
  expectedPath: string;
}

export function fixtures(): FixtureInfo[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(FIXTURES, d.name);
      const source = readdirSync(dir).find((f) => f.startsWith('source.')) ?? 'source.txt';
      return {
        name: d.name,
        dir,
        source: join(dir, source),
        meta: JSON.parse(readFileSync(join(dir, 'fixture.json'), 'utf8')),
        expectedPath: join(dir, 'expected', 'observations.jsonl'),
      };
    });
}

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'shiryo-test-')), 'test.sqlite');
}

/** Extract → normalize → store → export JSONL, returning the exported rows. */
export async function exportFixture(source: string): Promise<Record<string, unknown>[]> {
  const db = tempDb();
  const store = openStore(db);
  try {
    const doc = await extractDocument(source);
    store.ingestDocument(doc, normalizeDocument(doc));
    let text = '';
    store.exportObservations('jsonl', (chunk) => {
      text += chunk;
    });
    return text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
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
