/**
 * Twins: text test documents rendered to PDF by LibreOffice as they are (scripts/make-lo-fixtures.mjs twins): the
 * PDF must give the same observations as the text — same indicator, subgroup, measure, unit, year, kind, value
 * and qualifier for every number. Provenance differs (page and cell instead of line), nothing else may.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFixture, ROOT } from './pipeline.js';

const KEYS = [
  'municipality_code',
  'indicator_id',
  'indicator_label',
  'subgroup',
  'measure',
  'unit',
  'fiscal_year',
  'value_kind',
  'value',
  'qualifier',
] as const;

/** Observations as comparable lines; labels without spaces (a PDF line break may add one between words). */
const keyed = (rows: Record<string, unknown>[]) =>
  rows
    .map((r) =>
      KEYS.map((k) => (typeof r[k] === 'string' ? (r[k] as string).replace(/\s+/g, '') : JSON.stringify(r[k]))).join(
        ' | ',
      ),
    )
    .sort();

const TWINS = ['kaigo-html-spans.html', 'two-level-year-kind.md'];

describe('a PDF rendered from a text document gives the same observations', () => {
  for (const name of TWINS) {
    const text = join(ROOT, 'test', 'layouts', name);
    const pdf = text.replace(/\.[^.]+$/, '.pdf');
    it(`${name} and its PDF`, async () => {
      expect(existsSync(pdf), `${pdf} (render with: node scripts/make-lo-fixtures.mjs twins)`).toBe(true);
      const fromText = keyed(await exportFixture(text));
      const fromPdf = keyed(await exportFixture(pdf));
      expect(fromText.length).toBeGreaterThan(5);
      expect(fromPdf).toEqual(fromText);
    }, 60_000);
  }
});

describe('a table ruled between its rows only gives what the fully ruled table gives', () => {
  it('pdf-lo-ruled-comparison and the same report with row rules only', async () => {
    const ruled = keyed(await exportFixture(join(ROOT, 'fixtures/pdf-lo-ruled-comparison/source.pdf')));
    const rows = keyed(await exportFixture(join(ROOT, 'test/layouts/comparison-row-rules.pdf')));
    expect(ruled).toHaveLength(25);
    expect(rows).toEqual(ruled);
  }, 60_000);
});
