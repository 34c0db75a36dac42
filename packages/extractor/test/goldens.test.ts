/**
 * Golden tables: the tables recovered from every fixture (text exports and PDFs), compared with `fixtures/<name>/expected/tables.json`
 * (checked by hand, see each fixture's README). `UPDATE_GOLDEN=1 npx vitest run packages/extractor/test/goldens.test.ts`
 * rewrites them; that is refused when CI is set.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/index.js';
import { formatGoldens, tableToGolden } from './golden.js';

const FIXTURES = new URL('../../../fixtures/', import.meta.url).pathname;
const update = process.env.UPDATE_GOLDEN === '1';
/** Each fixture with its source: the text exports and the PDFs. */
const sources = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    ['source.txt', 'source.pdf'].filter((f) => existsSync(join(FIXTURES, d.name, f))).map((f) => [d.name, f] as const),
  )
  .sort(([a], [b]) => a.localeCompare(b));
const names = sources.map(([name]) => name);
const sourceOf = new Map(sources);

describe('golden tables', () => {
  it('are not rewritten in CI', () => {
    expect(update && !!process.env.CI, 'UPDATE_GOLDEN must not be set in CI').toBe(false);
  });

  it.each(names)('%s', async (name) => {
    const doc = await extractDocument(join(FIXTURES, name, sourceOf.get(name)!));
    const text = formatGoldens(doc.tables.map(tableToGolden));
    const path = join(FIXTURES, name, 'expected', 'tables.json');
    if (update) {
      if (process.env.CI) throw new Error('UPDATE_GOLDEN must not be set in CI');
      writeFileSync(path, text);
      return;
    }
    expect(existsSync(path), `${path} is missing: run UPDATE_GOLDEN=1 and check it by hand`).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });
});
