/** The `shiryo` command from the outside: spawned as a user would run it, exit codes, stdout and stderr. */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_KEYS } from '@shiryo/model';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixtures, ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');

function shiryo(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'shiryo-cli-'));

beforeAll(() => {
  if (!existsSync(join(ROOT, 'packages/cli/dist/main.js')))
    execFileSync('pnpm', ['build'], { cwd: ROOT, stdio: 'inherit' });
});

describe('usage', () => {
  it('--help lists every command and exits 0', () => {
    const r = shiryo('--help');
    expect(r.code).toBe(0);
    for (const c of ['ingest', 'tables', 'inspect', 'export', 'normalize', 'summary']) expect(r.stdout).toContain(c);
  });

  it('every command and option in --help is documented in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const c of ['ingest', 'tables', 'inspect', 'export', 'normalize', 'summary']) {
      expect(readme).toContain(`shiryo ${c}`);
      const help = shiryo(c, '--help').stdout;
      const options = [...help.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!).filter((o) => o !== '--help');
      for (const o of options) expect(readme, `README documents ${c} ${o}`).toContain(o);
    }
  });

  it('bad usage exits 2', () => {
    expect(shiryo('frobnicate').code).toBe(2);
    expect(shiryo('ingest', 'fixtures').code).toBe(2); // --db missing
    expect(shiryo('export', '--db', 'x.sqlite', '--format', 'xml').code).toBe(2);
    expect(shiryo('ingest', 'x', '--db', 'y', '--jobs', '0').code).toBe(2);
  });
});

describe('ingest, export, summary', () => {
  const dir = tmp();
  const db = join(dir, 'shiryo.sqlite');

  it('ingests the fixtures and prints one summary row per city with its code', () => {
    const r = shiryo('ingest', FIXTURES, '--db', db);
    expect(r.code, r.stderr).toBe(0);
    for (const f of fixtures()) {
      expect(r.stdout).toContain(f.meta.municipality);
      expect(r.stdout).toContain(f.meta.municipality_code);
    }
    const n = fixtures().length;
    expect(r.stderr).toContain(`ingested ${n}/${n} files`);
    expect(r.stderr).not.toContain('README');
  });

  it('ingesting the same bytes again changes nothing', () => {
    const count = () =>
      new Database(db, { readonly: true }).prepare('SELECT count(*) n FROM observations').get() as { n: number };
    const before = count().n;
    const r = shiryo('ingest', FIXTURES, '--db', db);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`unchanged ${fixtures().length}`);
    expect(count().n).toBe(before);
  });

  it('exports JSONL with exactly the contract keys, and observations for all five cities', () => {
    const out = join(dir, 'obs.jsonl');
    const r = shiryo('export', '--db', db, '--format', 'jsonl', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows.slice(0, 50)) expect(Object.keys(row)).toEqual([...EXPORT_KEYS]);
    const codes = new Set(rows.map((x) => x.municipality_code));
    for (const f of fixtures()) expect(codes, f.name).toContain(f.meta.municipality_code);
  });

  it('exports CSV with a header of the contract keys to stdout', () => {
    const r = shiryo('export', '--db', db, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(EXPORT_KEYS.join(','));
  });

  it('the README cross-city query gives the output the README shows', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Example queries'));
    const sql = /```sql\n([\s\S]*?)```/.exec(section)![1]!;
    const shown = /```\nmunicipality_name[^\n]*\n([\s\S]*?)```/
      .exec(section)![1]!
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/));
    const d = new Database(db, { readonly: true });
    const rows = d.prepare(sql).all() as Record<string, unknown>[];
    d.close();
    expect(rows.map((r) => Object.values(r).map(String))).toEqual(shown);
  });

  it('summary prints the same cities', () => {
    const r = shiryo('summary', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('東松山市');
    expect(r.stdout).toContain(`total: ${fixtures().length} documents`);
  });

  it('export of a database that does not exist fails with a clear message', () => {
    const r = shiryo('export', '--db', join(dir, 'nope.sqlite'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.sqlite');
  });
});

describe('bad input', () => {
  it('reports each bad file on one line, records an issue, ingests the rest and keeps what was stored', () => {
    const dir = tmp();
    const db = join(dir, 'db.sqlite');
    const good = fixtures()[0]!.source;
    expect(shiryo('ingest', good, '--db', db).code).toBe(0);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const garbage = join(dir, 'garbage.txt');
    writeFileSync(garbage, randomBytes(4096));
    const missing = join(dir, 'missing.txt');
    const other = fixtures()[1]!.source;
    const r = shiryo('ingest', empty, garbage, missing, other, '--db', db);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('✗') || l.includes('✗'));
    expect(lines.length).toBe(3);
    expect(r.stderr).toMatch(/empty\.txt: EMPTY_DOCUMENT/);
    expect(r.stderr).toMatch(/garbage\.txt: DECODE_FAILED/);
    expect(r.stderr).toMatch(/missing\.txt: FILE_NOT_FOUND/);
    const d = new Database(db, { readonly: true });
    expect((d.prepare('SELECT count(*) n FROM documents').get() as { n: number }).n).toBe(2);
    expect(
      (
        d.prepare("SELECT count(*) n FROM issues WHERE severity = 'error' AND document_id IS NULL").get() as {
          n: number;
        }
      ).n,
    ).toBe(3);
    d.close();
  });

  it('a changed file at the same path replaces its rows', () => {
    const dir = tmp();
    const db = join(dir, 'db.sqlite');
    const f = join(dir, 'doc.txt');
    const rows = (n: number) =>
      `鶴ヶ島市 第7期障害福祉計画\n\n1) 短期入所\n\n\tR6年度 (見込)\tR5実績\n利用者数(人/月)\t${n}\t9\n`;
    writeFileSync(f, rows(12));
    expect(shiryo('ingest', f, '--db', db).stderr).toMatch(/inserted 1/);
    writeFileSync(f, rows(15));
    expect(shiryo('ingest', f, '--db', db).stderr).toMatch(/replaced 1/);
    const d = new Database(db, { readonly: true });
    const values = d.prepare('SELECT value FROM observations ORDER BY value').all() as { value: number }[];
    expect(values.map((v) => v.value)).toEqual([9, 15]);
    expect((d.prepare('SELECT count(*) n FROM documents').get() as { n: number }).n).toBe(1);
    d.close();
  });

  it('inspect of a missing file and normalize without text fail cleanly', () => {
    const r = shiryo('inspect', '/nonexistent/y.txt');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/y\.txt: FILE_NOT_FOUND/);
    expect(shiryo('normalize').code).toBe(2);
  });

  it('exits 1 when every file failed', () => {
    const dir = tmp();
    const f = join(dir, 'empty.md');
    writeFileSync(f, '   \n');
    const r = shiryo('ingest', f, join(dir, 'nope.txt'), '--db', join(dir, 'db.sqlite'));
    expect(r.code).toBe(1);
  });

  it('a 50 MB file of nonsense gets a clear one-line error', () => {
    const dir = tmp();
    const f = join(dir, 'nonsense.txt');
    writeFileSync(f, randomBytes(50 * 1024 * 1024));
    const r = shiryo('ingest', f, '--db', join(dir, 'db.sqlite'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nonsense\.txt: (DECODE_FAILED|TOO_LARGE|NO_CONTENT)/);
  });
});

describe('tables, inspect, normalize', () => {
  const src = fixtures().find((f) => f.name.startsWith('higashimatsuyama'))!.source;

  it('tables --json prints the recovered tables', () => {
    const r = shiryo('tables', src, '--json');
    expect(r.code).toBe(0);
    const tables = JSON.parse(r.stdout);
    expect(tables.length).toBeGreaterThan(30);
    expect(tables[0]).toHaveProperty('cells');
  });

  it('tables --md prints markdown', () => {
    const r = shiryo('tables', src, '--md');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| 居宅介護 | 104 | 106 | 109 | 98 | 106 | 113 |');
  });

  it('tables of a missing file exits 1 naming it', () => {
    const r = shiryo('tables', '/nonexistent/x.txt');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/nonexistent/x.txt');
  });

  it('tables --svg draws each PDF page: spans, rulings, table cells, the same bytes every run', () => {
    const pdf = join(FIXTURES, 'pdf-ruled-services/source.pdf');
    const dir = join(tmp(), 'nested/svg');
    const r = shiryo('tables', pdf, '--svg', dir);
    expect(r.code, r.stderr).toBe(0);
    const file = join(dir, 'source-p1.svg');
    expect(r.stdout).toBe(`${file}\n`);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('viewBox="0 0 595.28 841.89"');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const n = (re: RegExp) => [...svg.matchAll(re)].length;
    expect(n(/<g[ >]/g)).toBe(n(/<\/g>/g));
    expect(n(/<text[ >]/g)).toBe(n(/<\/text>/g));
    // The fixture's 4 × 4 grid: 5 horizontal rules (the one under 区分 stops at the first column) and 5
    // vertical ones; 16 positions less the one under the merged corner cell 区分 (人/月), drawn 1 pt inside its
    // box (60,150)–(205,198).
    expect(n(/<line class="ruling" /g)).toBe(10);
    expect(svg).toContain('<line class="ruling" x1="205" y1="174" x2="535" y2="174"/>');
    expect(n(/<g class="table" /g)).toBe(1);
    expect(n(/<rect class="cell" /g)).toBe(15);
    expect(svg).toContain('<rect class="cell" x="61" y="151" width="143" height="46" data-row="0" data-col="0"/>');
    expect(svg).toMatch(/>table 0 · lattice 4×4 · quality 1\.00<\/text>/);
    // 21 spans: title, heading, bullet, 16 in the table, the note and the vertical 資料1.
    expect(n(/<rect class="span" /g)).toBe(21);
    expect(svg).toMatch(/writing-mode:vertical-rl[^>]*>資料1<\/text>/);
    expect(shiryo('tables', pdf, '--svg', dir).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(svg);
  });

  it('tables --svg refuses a document that is not a PDF as bad usage', () => {
    const dir = join(tmp(), 'svg');
    const r = shiryo('tables', src, '--svg', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a PDF');
    expect(r.stderr).toContain(src);
    expect(existsSync(dir)).toBe(false);
    expect(shiryo('tables', '/nonexistent/x.pdf', '--svg', dir).code).toBe(1);
    expect(shiryo('tables', src, '--svg', dir, '--md').code).toBe(2);
  });

  it('inspect names the municipality and plan', () => {
    const r = shiryo('inspect', src);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('埼玉県東松山市 (112127)');
    expect(r.stdout).toContain('第6期障害福祉計画');
  });

  it('normalize --json reads periods and quantities', () => {
    const r = shiryo('normalize', '--json', '令和3年度', '72人を超えない');
    expect(r.code).toBe(0);
    const [a, b] = JSON.parse(r.stdout);
    expect(a.periods[0]).toMatchObject({ fiscal_year: 2021, start: '2021-04-01', end: '2022-03-31' });
    expect(b.quantities[0]).toMatchObject({ value: 72, unit: 'person', qualifier: 'lte' });
  });
});
