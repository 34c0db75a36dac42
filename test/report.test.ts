/**
 * `shiryo report`: the review pages load in a real headless browser (Debian's chromium driven by playwright-core)
 * with no console error, and what they show matches the database: one row per observation, the confidence filter
 * shows exactly the observations at or above it, every table found is drawn, and a PDF's pages with tables are drawn.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './pipeline.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
// In CI the browser is installed by .ci/run: its absence there is a failure, not a skip.
if (!CHROMIUM && process.env.CI) throw new Error('chromium is not installed (apt-get install chromium)');
const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
const DOCS = ['pdf-lo-ruled-plan-actual', 'shogai-7ki-markdown-progress', 'akishima-6ki-goal-sheets'].map((d) => {
  const source = readdirSync(join(FIXTURES, d)).find((f) => f.startsWith('source.'))!;
  return join(FIXTURES, d, source);
});

describe.skipIf(!CHROMIUM)('shiryo report in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shiryo-report-'));
  let browser: Browser;

  beforeAll(async () => {
    const r = spawnSync(process.execPath, [BIN, 'report', ...DOCS, '--out', dir], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(join(dir, 'index.html'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('every page loads with no console error and shows what the database holds', async () => {
    const db = new Database(join(dir, 'report.sqlite'), { readonly: true });
    const docs = db.prepare('SELECT id, path, media_type FROM documents ORDER BY path').all() as {
      id: number;
      path: string;
      media_type: string;
    }[];
    expect(docs.length).toBe(DOCS.length);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));

    await page.goto(`file://${join(dir, 'index.html')}`);
    expect(await page.locator('tr.doc').count()).toBe(docs.length);
    const links = await page.locator('tr.doc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.sort()).toEqual(
      readdirSync(dir)
        .filter((f) => f !== 'index.html' && f.endsWith('.html'))
        .sort(),
    );

    for (const doc of docs) {
      const file = links.find((l) => l.startsWith(`${doc.id}-`))!;
      await page.goto(`file://${join(dir, file)}`);
      const count = (sql: string) => (db.prepare(sql).get(doc.id) as { n: number }).n;
      const nObs = count('SELECT count(*) n FROM observations WHERE document_id = ?');
      expect(nObs, doc.path).toBeGreaterThan(0);
      expect(await page.locator('tr.obs').count(), doc.path).toBe(nObs);
      expect(Number(await page.getAttribute('body', 'data-observations'))).toBe(nObs);
      expect(await page.locator('table.found').count()).toBe(
        count('SELECT count(*) n FROM tables WHERE document_id = ?'),
      );
      expect(await page.locator('tr.issue').count()).toBe(count('SELECT count(*) n FROM issues WHERE document_id = ?'));
      // Cells coloured by confidence: as many coloured cells as cells that numbers were read from.
      const cellsRead = count(
        "SELECT count(DISTINCT table_index || '/' || row || '/' || col) n FROM observations WHERE document_id = ? AND table_index IS NOT NULL",
      );
      expect(await page.locator('table.found [data-confidence]').count()).toBe(cellsRead);
      // The filter shows exactly the observations at or above the chosen confidence.
      for (const min of ['0.5', '0.9']) {
        await page.selectOption('#min-confidence', min);
        const want = (
          db
            .prepare('SELECT count(*) n FROM observations WHERE document_id = ? AND confidence >= ?')
            .get(doc.id, Number(min)) as { n: number }
        ).n;
        expect(await page.locator('tr.obs:visible').count(), `${doc.path} ≥ ${min}`).toBe(want);
        expect(await page.textContent('#shown')).toBe(String(want));
      }
      // A chart per indicator with values in two years or more: drawn as SVG with a point per value.
      expect(await page.locator('.chart svg').count()).toBeGreaterThan(0);
      if (doc.media_type.includes('pdf')) expect(await page.locator('.pagesvg svg').count()).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    db.close();
  }, 300_000);
});
