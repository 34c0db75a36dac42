#!/usr/bin/env node
// The screenshot of a review page shown in the README (docs/report.png): `shiryo report` on a PDF fixture, opened in
// Debian's headless chromium through playwright-core. Run after a change to the report: node scripts/report-screenshot.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'shiryo-report-shot-'));
const doc = join(root, 'fixtures/pdf-lo-ruled-plan-actual/source.pdf');
const r = spawnSync(process.execPath, [join(root, 'packages/cli/bin/shiryo.mjs'), 'report', doc, '--out', dir], {
  stdio: 'inherit',
});
if (r.status !== 0) process.exit(r.status ?? 1);
const page = readdirSync(dir).find((f) => f.endsWith('.html') && f !== 'index.html');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
await p.goto(`file://${join(dir, page)}`);
await p.locator('table.found').first().scrollIntoViewIfNeeded();
await p.evaluate(() => window.scrollBy(0, -120));
const out = join(root, 'docs/report.png');
await p.screenshot({ path: out });
await browser.close();
console.log(out);
