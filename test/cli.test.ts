/** The `shiryo` command from the outside: spawned as a user would run it, exit codes, stdout and stderr. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { EXPORT_KEYS } from '@shiryo/model';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundledFixtures, FIXTURES, ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');

function shiryo(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function shiryoAsync(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', fail).on('close', (code) => done({ code, stdout, stderr }));
  });
}

interface DocumentedExample {
  file: string;
  lang: 'sql' | 'sh';
  code: string;
  /** The fenced block without a language right after it (only blanks between), or null. */
  output: string | null;
}

/**
 * The examples of README.md and docs/*.md: every ```sql block, and every ```sh block that is one
 * `pnpm -s shiryo …` command reading `data/shiryo.sqlite`, each with the output block that follows it.
 */
function documentedExamples(): DocumentedExample[] {
  const files = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const examples: DocumentedExample[] = [];
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const blocks = [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
      lang: m[1]!,
      body: m[2]!,
      start: m.index!,
      end: m.index! + m[0].length,
    }));
    blocks.forEach((b, i) => {
      const next = blocks[i + 1];
      const output = next && next.lang === '' && text.slice(b.end, next.start).trim() === '' ? next.body : null;
      const code = b.body.trim();
      if (b.lang === 'sql') examples.push({ file, lang: 'sql', code, output });
      else if (
        b.lang === 'sh' &&
        /^pnpm -s shiryo [^\n]*data\/shiryo\.sqlite[^\n]*$/.test(code) &&
        !code.includes(' ingest ')
      )
        examples.push({ file, lang: 'sh', code, output });
    });
  }
  return examples;
}

/** `UPDATE_DOCS=1`: rewrite the outputs the README and docs/ show (refused in CI). */
const UPDATE_DOCS = process.env.UPDATE_DOCS === '1';

/** Every command of the CLI. */
const COMMANDS = [
  'ingest',
  'tables',
  'inspect',
  'export',
  'normalize',
  'summary',
  'compare',
  'indicators',
  'query',
  'search',
  'trace',
  'metadata',
  'populations',
];

const tmp = () => mkdtempSync(join(tmpdir(), 'shiryo-cli-'));

beforeAll(() => {
  if (!existsSync(join(ROOT, 'packages/cli/dist/main.js')))
    execFileSync('pnpm', ['build'], { cwd: ROOT, stdio: 'inherit' });
});

// The tests that spawn with spawnSync block this worker; one turn of the event loop after each lets it read the
// runner's replies. Without it, a run of them longer than vitest's fixed 60 s RPC timeout (a loaded machine) ends a
// green run with "Timeout calling onTaskUpdate" and exit 1.
afterEach(() => new Promise<void>((done) => setTimeout(done, 0)));

describe('usage', () => {
  it('--help lists every command and exits 0', () => {
    const r = shiryo('--help');
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c);
  });

  it('every command and option in --help is documented in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const c of COMMANDS) {
      expect(readme).toContain(`shiryo ${c}`);
      const help = shiryo(c, '--help').stdout;
      const options = [...help.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!).filter((o) => o !== '--help');
      for (const o of options) expect(readme, `README documents ${c} ${o}`).toContain(o);
    }
  }, 180_000); // (a --help spawned per command: over the default minute on a loaded machine)

  it('bare shiryo prints the help on stderr and exits 2 (bad usage)', () => {
    const r = shiryo();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: shiryo');
    for (const c of COMMANDS) expect(r.stderr).toContain(c);
  });

  it('every shiryo command in the README and docs/ runs through pnpm silently (pnpm -s: no banner in the data)', () => {
    for (const file of ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)]) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text.match(/pnpm shiryo [a-z]/g), file).toBeNull();
      expect(text, file).not.toMatch(/pnpm (?!-s )[^`\n]*shiryo [a-z]+ [^`\n]*(?:>|--out)/);
    }
  });

  it('bad usage exits 2', () => {
    expect(shiryo('frobnicate').code).toBe(2);
    expect(shiryo('ingest', 'fixtures').code).toBe(2); // --db missing
    expect(shiryo('export', '--db', 'x.sqlite', '--format', 'xml').code).toBe(2);
    expect(shiryo('ingest', 'x', '--db', 'y', '--jobs', '0').code).toBe(2);
    expect(shiryo('inspect', 'x.pdf', '--ocr', 'sometimes').code).toBe(2);
  });
});

describe('ingest, export, summary', () => {
  const dir = tmp();
  const db = join(dir, 'shiryo.sqlite');

  it('ingests the fixtures and prints one summary row per city with its code', () => {
    const r = shiryo('ingest', FIXTURES, '--db', db);
    expect(r.code, r.stderr).toBe(0);
    for (const f of bundledFixtures()) {
      expect(r.stdout).toContain(f.meta.municipality);
      expect(r.stdout).toContain(f.meta.municipality_code);
    }
    const n = bundledFixtures().length;
    expect(r.stderr).toContain(`ingested ${n}/${n} files`);
    expect(r.stderr).not.toContain('README');
  });

  it('ingesting the same bytes again changes nothing', () => {
    const count = () =>
      new Database(db, { readonly: true }).prepare('SELECT count(*) n FROM observations').get() as { n: number };
    const before = count().n;
    const r = shiryo('ingest', FIXTURES, '--db', db);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`unchanged ${bundledFixtures().length}`);
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
    for (const f of bundledFixtures()) expect(codes, f.name).toContain(f.meta.municipality_code);
  });

  it('metadata writes Datasette metadata beside the database: every described column exists, every column of observations_flat is described, every saved query runs', () => {
    const r = shiryo('metadata', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    const file = join(dir, 'shiryo.metadata.json');
    expect(r.stdout).toContain(file);
    const meta = JSON.parse(readFileSync(file, 'utf8')) as {
      databases: Record<
        string,
        {
          tables: Record<string, { description: string; columns?: Record<string, string> }>;
          queries: Record<string, { title: string; sql: string }>;
        }
      >;
    };
    // Datasette names a database by its file name without the extension.
    expect(Object.keys(meta.databases)).toEqual(['shiryo']);
    const { tables, queries } = meta.databases.shiryo!;
    const conn = new Database(db, { readonly: true });
    const columnsOf = (t: string) =>
      (conn.prepare('SELECT name FROM pragma_table_info(?)').all(t) as { name: string }[]).map((c) => c.name);
    for (const [name, t] of Object.entries(tables)) {
      const columns = columnsOf(name);
      expect(columns.length, `${name} is a table or view of the database`).toBeGreaterThan(0);
      expect(t.description.length).toBeGreaterThan(10);
      for (const c of Object.keys(t.columns ?? {})) expect(columns, `${name}.${c}`).toContain(c);
    }
    expect(Object.keys(tables.observations_flat!.columns!).sort()).toEqual(columnsOf('observations_flat').sort());
    expect(Object.keys(tables.plan_vs_actual!.columns!).sort()).toEqual(columnsOf('plan_vs_actual').sort());
    // Saved queries run as Datasette runs them (named :parameters) and answer on the fixtures.
    const params: Record<string, Record<string, string>> = {
      plan_vs_actual_for_indicator: { indicator: '共同生活援助' },
      doubted_numbers: { below: '0.5' },
      documents_without_city: {},
      cities_by_year: { indicator: '共同生活援助', kind: 'actual' },
    };
    expect(Object.keys(queries).sort()).toEqual(Object.keys(params).sort());
    for (const [name, q] of Object.entries(queries)) {
      const rows = conn.prepare(q.sql).all(params[name]!);
      if (name !== 'documents_without_city') expect(rows.length, name).toBeGreaterThan(0);
    }
    // A comparison a researcher would run: the saved query gives the view's rows for the label.
    const viaQuery = conn.prepare(queries.plan_vs_actual_for_indicator!.sql).all({ indicator: '共同生活援助' });
    const direct = conn
      .prepare('SELECT count(*) n FROM plan_vs_actual WHERE indicator_id = @x OR indicator_label = @x')
      .get({ x: '共同生活援助' }) as { n: number };
    expect(viaQuery.length).toBe(direct.n);
    conn.close();
    expect(shiryo('metadata', '--db', db, '--out', '-').stdout).toBe(readFileSync(file, 'utf8'));
    expect(shiryo('metadata', '--db', join(dir, 'missing.sqlite')).code).toBe(1);
  });

  it('exports CSV with a header of the contract keys to stdout', () => {
    const r = shiryo('export', '--db', db, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(EXPORT_KEYS.join(','));
  });

  it('every SQL query and shiryo command shown with its output in the README and docs/ gives that output', () => {
    expect(UPDATE_DOCS && !!process.env.CI, 'UPDATE_DOCS must not be set in CI').toBe(false);
    const examples = documentedExamples();
    const sql = examples.filter((e) => e.lang === 'sql');
    expect(sql.length).toBeGreaterThanOrEqual(4);
    expect(examples.some((e) => e.code.startsWith('pnpm -s shiryo compare'))).toBe(true);
    // docs/RESEARCHERS.md: researchers' questions, each as a command and as SQL, all run here
    const research = examples.filter((e) => e.file === 'docs/RESEARCHERS.md');
    expect(research.filter((e) => e.lang === 'sql').length).toBeGreaterThanOrEqual(9);
    for (const cmd of ['compare', 'indicators', 'search'])
      expect(
        research.some((e) => e.code.startsWith(`pnpm -s shiryo ${cmd} `)),
        cmd,
      ).toBe(true);
    for (const e of examples) {
      expect(e.output, `${e.file}: the ${e.lang} block «${e.code.slice(0, 60)}» shows its output`).not.toBeNull();
      const args =
        e.lang === 'sql'
          ? ['query', e.code, '--db', db, '--table']
          : e.code
              .replace(/^pnpm -s shiryo /, '')
              .split(/\s+/)
              .map((a) => (a === 'data/shiryo.sqlite' ? db : a));
      const r = shiryo(...args);
      expect(r.code, `${e.file}: ${e.code}\n${r.stderr}`).toBe(0);
      if (UPDATE_DOCS && e.output !== null && r.stdout !== e.output) {
        // Rewrite the shown output (after a change to the pipeline); review the diff by hand before committing.
        const path = join(ROOT, e.file);
        const text = readFileSync(path, 'utf8');
        const at = text.indexOf(`${e.code}\n\`\`\`\n\n\`\`\`\n${e.output}\`\`\``);
        expect(at, `${e.file}: the block of ${e.code.slice(0, 40)} is found once`).toBeGreaterThanOrEqual(0);
        const start = at + e.code.length + '\n```\n\n```\n'.length;
        writeFileSync(path, text.slice(0, start) + r.stdout + text.slice(start + e.output.length));
        continue;
      }
      expect(r.stdout, `${e.file}: ${e.code} (UPDATE_DOCS=1 rewrites the output shown)`).toBe(e.output);
    }
  });

  it('summary prints the same cities', () => {
    const r = shiryo('summary', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('東松山市');
    expect(r.stdout).toContain(`total: ${bundledFixtures().length} documents`);
  });

  it('compare answers 共同生活援助の実績利用者数を市ごと・年度ごとに、計画との比較つきで in one command', () => {
    const r = shiryo('compare', '--db', db, '--indicator', '共同生活援助', '--kind', 'actual', '--json');
    expect(r.code, r.stderr).toBe(0);
    const rows = (JSON.parse(r.stdout) as Record<string, unknown>[]).map((x) =>
      Object.fromEntries(Object.entries(x).map(([k, v]) => [k, v === null ? '' : String(v)])),
    );
    expect(Object.keys(rows[0]!).slice(0, 9)).toEqual([
      'municipality_code',
      'municipality_name',
      'prefecture',
      'indicator_id',
      'indicator_label',
      'subgroup',
      'measure',
      'unit',
      'fiscal_year',
    ]);
    for (const row of rows) {
      expect(row.indicator_id).toBe('service.kyodo_seikatsu_enjo');
      expect(row.actual !== '' || row.conflicts!.includes('actual'), JSON.stringify(row)).toBe(true);
    }
    const pick = (city: string, year: string, unit = 'person/month') =>
      rows
        .filter((x) => x.municipality_name === city && x.fiscal_year === year && x.unit === unit && x.subgroup === '')
        .map((x) => [x.plan, x.actual, x.achievement_rate, x.computed_rate, x.shortfall]);
    // Checked by hand in the fixtures' sources: 熊谷市 計画値 260 実績値 271 (writer.fodt), 草加市 205人分 211人分
    // 102.9%, 上田市 410 436 106.3%, 昭島市 見込量 120人 実績値 141人 (persons, not per month).
    expect(pick('熊谷市', '2021')).toEqual([['260', '271', '', '104.2', '0']]);
    expect(pick('草加市', '2021')).toEqual([['205', '211', '102.9', '102.9', '0']]);
    expect(pick('上田市', '2024')).toEqual([['410', '436', '106.3', '106.3', '0']]);
    expect(pick('昭島市', '2021', 'person')).toEqual([['120', '141', '', '117.5', '0']]);
    const cities = new Set(rows.map((x) => x.municipality_name));
    for (const c of ['熊谷市', '東松山市', '草加市', '昭島市', '上田市', '大垣市', '春日井市', '刈谷市', '鈴鹿市'])
      expect(cities).toContain(c);
    // The same rows by catalog id, as CSV with the same columns.
    const c = shiryo('compare', '--db', db, '--indicator', 'service.kyodo_seikatsu_enjo', '--kind', 'actual', '--csv');
    expect(c.code, c.stderr).toBe(0);
    const lines = c.stdout.trim().split('\n');
    expect(lines[0]).toBe(Object.keys(rows[0]!).join(','));
    expect(lines.length - 1).toBe(rows.length);
    // (the last column, the lowest confidence of the row's figures, moves with the confidence model)
    expect(lines.map((l) => l.replace(/,[0-9.]+$/u, ''))).toContain(
      '202037,上田市,長野県,service.kyodo_seikatsu_enjo,共同生活援助,,利用者数,person/month,2024,410,,436,106.3,106.3,0,,3,1',
    );
  });

  it('compare as a table: values as written (no .0), a shortfall flagged; a word naming several ids is bad usage', () => {
    const r = shiryo('compare', '--db', db, '--indicator', '居宅介護', '--year', '2021', '--municipality', '熊谷市');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('居宅介護 (service.kyotaku_kaigo): 2 rows, 1 city');
    // 熊谷市 居宅介護 FY2021: 計画値 312 実績値 298 人/月 (95.5 %), 5,120 4,870 時間/月 (95.1 %).
    const cells = lines.filter((l) => l.startsWith('熊谷市')).map((l) => l.trim().split(/\s+/));
    // (the last column is the row's lowest confidence, from the calibrated model: a number in [0, 1])
    expect(cells.map((c) => c.slice(0, -1))).toEqual([
      ['熊谷市', '112020', 'hour/month', '2021', '5120', '4870', '95.1', 'yes'],
      ['熊谷市', '112020', 'person/month', '2021', '312', '298', '95.5', 'yes'],
    ]);
    for (const c of cells) expect(Number(c[c.length - 1])).toBeGreaterThanOrEqual(0);
    for (const c of cells) expect(Number(c[c.length - 1])).toBeLessThanOrEqual(1);
    const bad = shiryo('compare', '--db', db, '--indicator', '共同');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('service.kyodo_seikatsu_enjo  共同生活援助');
    expect(bad.stderr).toContain('activity.mental.group_home_users');
    expect(shiryo('compare', '--db', db, '--indicator', 'どこにもない指標').code).toBe(2);
  });

  it('compare --limit: the first rows of the full answer, and a line saying more were left out', () => {
    const args = ['compare', '--db', db, '--indicator', 'service.kyodo_seikatsu_enjo', '--kind', 'actual'];
    const all = shiryo(...args, '--csv');
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toBe('');
    const lines = all.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(4);
    // --csv with --limit 3: the header and the first 3 rows of the full CSV, and the note on stderr
    const three = shiryo(...args, '--csv', '--limit', '3');
    expect(three.code, three.stderr).toBe(0);
    expect(three.stdout.trim().split('\n')).toEqual(lines.slice(0, 4));
    expect(three.stderr).toBe('shiryo compare: the first 3 rows shown, more left out: --limit 0 shows every row\n');
    // a limit at or above the row count leaves nothing out and says nothing
    const exact = shiryo(...args, '--csv', '--limit', String(lines.length - 1));
    expect(exact.stdout).toBe(all.stdout);
    expect(exact.stderr).toBe('');
    // the table: the count line says rows were left out; the same first rows as the full table
    const table = shiryo(...args, '--limit', '2');
    const full = shiryo(...args, '--limit', '0');
    expect(full.stderr).toBe('');
    const head = table.stdout.split('\n')[0]!;
    // (the cities of the first two rows of the full CSV: its first column)
    const cities = new Set(lines.slice(1, 3).map((l) => l.split(',')[0])).size;
    expect(head).toBe(
      `共同生活援助 (service.kyodo_seikatsu_enjo): 2 rows, ${cities === 1 ? '1 city' : `${cities} cities`} shown, more left out (--limit)`,
    );
    // (the same rows; the columns' widths follow the rows shown)
    const cells = (t: string) =>
      t
        .split('\n')
        .slice(3, 5)
        .map((l) => l.replace(/\s+/g, ' ').trim());
    expect(cells(table.stdout)).toEqual(cells(full.stdout));
    expect(cells(table.stdout)[0]).toMatch(/^\S+ \d{6} /);
    expect(table.stderr).toContain('the first 2 rows shown, more left out: --limit 0 shows every row, --csv or --json');
    expect(shiryo(...args, '--limit', '-1').code).toBe(2);
  });

  it('indicators finds catalog ids by label or alias, with observation counts from --db', () => {
    const r = shiryo('indicators', 'グループホーム');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^service\.kyodo_seikatsu_enjo\s+共同生活援助\s+shogai\s+居住系サービス/m);
    expect(r.stdout).toMatch(/^kaigo\.ninchisho_gh\s+認知症対応型共同生活介護/m);
    const j = shiryo('indicators', '共同生活援助', '--db', db, '--json');
    expect(j.code, j.stderr).toBe(0);
    const found = JSON.parse(j.stdout) as { id: string; observations: number }[];
    expect(found.map((x) => x.id).sort()).toEqual(['activity.mental.group_home_users', 'service.kyodo_seikatsu_enjo']);
    const d = new Database(db, { readonly: true });
    const n = d
      .prepare("SELECT count(*) FROM observations WHERE indicator_id = 'service.kyodo_seikatsu_enjo'")
      .pluck()
      .get();
    d.close();
    expect(found.find((x) => x.id === 'service.kyodo_seikatsu_enjo')!.observations).toBe(n);
    expect(shiryo('indicators', 'zzzz-nothing').code).toBe(1);
  });

  it('query runs one read-only SQL statement: JSON, CSV, table; a write is refused and changes nothing', () => {
    const sql = "SELECT code, name FROM municipalities WHERE code IN ('112020', '112127') ORDER BY code";
    const j = shiryo('query', sql, '--db', db);
    expect(j.code, j.stderr).toBe(0);
    expect(JSON.parse(j.stdout)).toEqual([
      { code: '112020', name: '熊谷市' },
      { code: '112127', name: '東松山市' },
    ]);
    expect(shiryo('query', sql, '--db', db, '--csv').stdout).toBe('code,name\n112020,熊谷市\n112127,東松山市\n');
    expect(shiryo('query', sql, '--db', db, '--table').stdout).toBe(
      'code    name\n------  --------\n112020  熊谷市\n112127  東松山市\n',
    );
    const v = shiryo(
      'query',
      "SELECT value FROM observations_flat WHERE value_text = '436' LIMIT 1",
      '--db',
      db,
      '--csv',
    );
    expect(v.stdout).toBe('value\n436\n');
    const w = shiryo('query', 'DELETE FROM observations', '--db', db);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('read-only');
    expect(shiryo('query', 'SELEC nothing', '--db', db).code).toBe(2);
    const d = new Database(db, { readonly: true });
    expect(d.prepare('SELECT count(*) FROM observations').pluck().get()).toBeGreaterThan(100);
    d.close();
  });

  it('CSV for Excel: a BOM when --out ends in .csv or with --bom, none on stdout or with --no-bom', () => {
    const bom = '\uFEFF';
    const header = `${EXPORT_KEYS.join(',')}\n`;
    const file = join(dir, 'obs.csv');
    expect(shiryo('export', '--db', db, '--format', 'csv', '--out', file).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(bom + header)).toBe(true);
    expect(text.indexOf(bom, 1)).toBe(-1);
    expect(shiryo('export', '--db', db, '--format', 'csv', '--out', file, '--no-bom').code).toBe(0);
    expect(readFileSync(file, 'utf8').startsWith(header)).toBe(true);
    const piped = shiryo('export', '--db', db, '--format', 'csv', '--municipality', '上田市', '--bom');
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.startsWith(bom + header)).toBe(true);
    // Values as numbers are written as JavaScript writes them: 436, not 436.0.
    const rows = piped.stdout.slice(1).split('\n');
    const value = EXPORT_KEYS.indexOf('value');
    expect(rows.some((l) => l.split(',')[value] === '436')).toBe(true);
    expect(piped.stdout).not.toMatch(/,436\.0,/);
    const plain = shiryo('export', '--db', db, '--format', 'csv', '--municipality', '上田市');
    expect(plain.stdout.startsWith(header)).toBe(true);
    expect(shiryo('export', '--db', db, '--format', 'jsonl', '--bom').code).toBe(2);
  });

  it('export filters: --indicator, --year, --kind, --min-confidence; a subset carries the kind it is part of', () => {
    const r = shiryo(
      'export',
      '--db',
      db,
      '--indicator',
      '共同生活援助',
      '--year',
      '2024',
      '--kind',
      'subset',
      '--min-confidence',
      '0.8',
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // 鈴鹿市 令和6年度 見込量 `315 <76>`; 佐世保市 令和6年度 計画 `412〈98〉`, 実績 `431〈104〉`; 高知市 令和6年度 計画
    // `880 ＜118＞`, 実績 `902 ＜125＞`; 各務原市 令和6年度 見込量 `310 <74>`, 実績(見込) `305 <71>` (the sources).
    expect(rows.map((x) => [x.municipality_name, x.value, x.subset_of_kind])).toEqual([
      ['鈴鹿市', 76, 'plan'],
      ['佐世保市', 98, 'plan'],
      ['佐世保市', 104, 'actual'],
      ['高知市', 118, 'plan'],
      ['高知市', 125, 'actual'],
      ['各務原市', 74, 'plan'],
      ['各務原市', 71, 'estimate'],
    ]);
    expect(Object.keys(rows[0]!)).toEqual([...EXPORT_KEYS]);
    // (--min-confidence filters: every row it keeps is at least that sure, and a higher bar keeps fewer)
    const all = shiryo('export', '--db', db, '--indicator', '共同生活援助');
    const high = shiryo('export', '--db', db, '--indicator', '共同生活援助', '--min-confidence', '0.9');
    expect(high.code, high.stderr).toBe(0);
    const conf = (t: string) =>
      t
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { confidence: number }).confidence);
    expect(conf(high.stdout).every((c) => c >= 0.9)).toBe(true);
    expect(conf(high.stdout).length).toBe(conf(all.stdout).filter((c) => c >= 0.9).length);
    expect(conf(high.stdout).length).toBeLessThan(conf(all.stdout).length);
    expect(shiryo('export', '--db', db, '--indicator', '共同').code).toBe(2);
  });

  it("export --format parquet: the contract's columns in order, typed, the same rows as JSONL (read back by DuckDB), the same filters", async () => {
    const file = join(dir, 'obs.parquet');
    const r = shiryo('export', '--db', db, '--format', 'parquet', '--out', file);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file).subarray(0, 4).toString()).toBe('PAR1');
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const read = async (sql: string) => (await duck.runAndReadAll(sql)).getRowObjectsJson();
    const columns = await read(`DESCRIBE SELECT * FROM '${file}'`);
    expect(columns.map((c) => c.column_name)).toEqual([...EXPORT_KEYS]);
    const type = Object.fromEntries(columns.map((c) => [c.column_name, c.column_type]));
    expect([type.municipality_code, type.fiscal_year, type.value, type.confidence, type.page, type.row]).toEqual([
      'VARCHAR',
      'INTEGER',
      'DOUBLE',
      'DOUBLE',
      'INTEGER',
      'INTEGER',
    ]);
    expect([type.warnings, type.rules, type.restatement]).toEqual(['VARCHAR[]', 'VARCHAR[]', 'BOOLEAN']);
    // row for row what JSONL holds (the file is read in its order; JSON of DuckDB's values: NULL as null, lists as arrays)
    const jsonl = (...filters: string[]) =>
      shiryo('export', '--db', db, ...filters)
        .stdout.trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    const all = jsonl();
    const rows = await read(`SELECT * FROM '${file}'`);
    expect(rows.length).toBe(all.length);
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows).toEqual(all);
    expect(rows.some((x) => x.restatement === true) && rows.some((x) => (x.warnings as string[]).length > 0)).toBe(
      true,
    );
    // the filters of JSONL
    const filters = ['--indicator', '共同生活援助', '--year', '2024', '--kind', 'subset', '--min-confidence', '0.8'];
    const some = join(dir, 'some.parquet');
    expect(shiryo('export', '--db', db, '--format', 'parquet', '--out', some, ...filters).code).toBe(0);
    const picked = await read(`SELECT municipality_name, value, subset_of_kind FROM '${some}'`);
    expect(picked.map((x) => [x.municipality_name, x.value, x.subset_of_kind])).toEqual([
      ['鈴鹿市', 76, 'plan'],
      ['佐世保市', 98, 'plan'],
      ['佐世保市', 104, 'actual'],
      ['高知市', 118, 'plan'],
      ['高知市', 125, 'actual'],
      ['各務原市', 74, 'plan'],
      ['各務原市', 71, 'estimate'],
    ]);
    expect(await read(`SELECT * FROM '${some}'`)).toEqual(jsonl(...filters));
    // Parquet is binary: a file, never stdout
    const bare = shiryo('export', '--db', db, '--format', 'parquet');
    expect([bare.code, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toBe('shiryo export: --format parquet writes a file: give --out FILE.parquet\n');
  });

  it('export --out into a folder that does not exist: one clear line, no stack trace (exit 1)', () => {
    const r = shiryo('export', '--db', db, '--format', 'csv', '--out', join(dir, 'missing', 'dir', 'x.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `shiryo export: cannot write ${join(dir, 'missing', 'dir', 'x.csv')}: the folder ${join(dir, 'missing', 'dir')} does not exist\n`,
    );
    expect(existsSync(join(dir, 'missing'))).toBe(false);
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
    const good = bundledFixtures()[0]!.source;
    expect(shiryo('ingest', good, '--db', db).code).toBe(0);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const garbage = join(dir, 'garbage.txt');
    writeFileSync(garbage, randomBytes(4096));
    const missing = join(dir, 'missing.txt');
    const other = bundledFixtures()[1]!.source;
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

  it('-q prints nothing but failures; progress and summary say "1 table", not "1 tables"', () => {
    const dir = tmp();
    const db = join(dir, 'db.sqlite');
    const one = join(FIXTURES, 'family-shifted-row', 'source.txt');
    const quiet = shiryo('ingest', one, '--db', db, '-q', '--no-summary');
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe('');
    const again = shiryo('ingest', one, '--db', db);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/unchanged .*; 1 table, 16 observations\)/);
    expect(again.stdout).toContain('total: 1 document, 1 table, 16 observations');
    const failed = shiryo('ingest', join(dir, 'missing.txt'), '--db', db, '-q');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/missing\.txt: FILE_NOT_FOUND/);
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
  const src = bundledFixtures().find((f) => f.name.startsWith('higashimatsuyama'))!.source;

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

describe('where the municipality comes from', () => {
  // (spawned without blocking the test worker: these tests run several ingests each)
  // A report that never names its city (like five of ten real ones).
  const NO_CITY = '第7期障害福祉計画 進捗状況\n\n1) 短期入所\n\n\tR6年度 (見込)\tR5実績\n利用者数(人/月)\t12\t9\n';
  const rowsOf = (db: string, sql: string, ...params: unknown[]) => {
    const d = new Database(db, { readonly: true });
    try {
      return d.prepare(sql).all(...params) as Record<string, unknown>[];
    } finally {
      d.close();
    }
  };

  it('--municipality on a stored document whose city was unknown updates it, observations included', async () => {
    const dir = tmp();
    const db = join(dir, 'db.sqlite');
    const f = join(dir, 'report.txt');
    writeFileSync(f, NO_CITY);
    expect((await shiryoAsync('ingest', f, '--db', db)).stderr).toMatch(/inserted 1/);
    expect(rowsOf(db, 'SELECT municipality_code FROM documents')).toEqual([{ municipality_code: null }]);
    const r = await shiryoAsync('ingest', f, '--db', db, '--municipality', '所沢市');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/updated 1/);
    expect(rowsOf(db, 'SELECT municipality_code, municipality_name, prefecture FROM documents')).toEqual([
      { municipality_code: '112089', municipality_name: '所沢市', prefecture: '埼玉県' },
    ]);
    expect(rowsOf(db, 'SELECT DISTINCT municipality_code FROM observations')).toEqual([
      { municipality_code: '112089' },
    ]);
    expect(rowsOf(db, 'SELECT count(*) n FROM observations')).toEqual([{ n: 2 }]);
  });

  it('--municipality 999999 is bad usage (exit 2), naming the code', async () => {
    const dir = tmp();
    const f = join(dir, 'report.txt');
    writeFileSync(f, NO_CITY);
    const r = await shiryoAsync('ingest', f, '--db', join(dir, 'db.sqlite'), '--municipality', '999999');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('999999');
    expect(r.stderr).toMatch(/not a municipality code/);
    expect(existsSync(join(dir, 'db.sqlite'))).toBe(false);
    expect((await shiryoAsync('ingest', f, '--db', join(dir, 'db.sqlite'), '--municipality', 'どこでも市')).code).toBe(
      2,
    );
    expect((await shiryoAsync('inspect', f, '--municipality', '999999')).code).toBe(2);
  });

  it('--municipality 府中市 asks for the prefecture or the code, listing both (exit 2)', async () => {
    const dir = tmp();
    const f = join(dir, 'report.txt');
    writeFileSync(f, NO_CITY);
    const r = await shiryoAsync('ingest', f, '--db', join(dir, 'db.sqlite'), '--municipality', '府中市');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('東京都府中市 (132063)');
    expect(r.stderr).toContain('広島県府中市 (342084)');
    const ok = await shiryoAsync('ingest', f, '--db', join(dir, 'db.sqlite'), '--municipality', '広島県府中市');
    expect(ok.code, ok.stderr).toBe(0);
    expect(rowsOf(join(dir, 'db.sqlite'), 'SELECT municipality_code FROM documents')).toEqual([
      { municipality_code: '342084' },
    ]);
  });

  it('a folder or a file name names the city (a code too); a path naming none leaves it to the text, or unknown', async () => {
    const dir = tmp();
    const db = join(dir, 'db.sqlite');
    mkdirSync(join(dir, 'docs/所沢市'), { recursive: true });
    mkdirSync(join(dir, 'docs/misc'), { recursive: true });
    writeFileSync(join(dir, 'docs/所沢市/資料2.txt'), NO_CITY);
    writeFileSync(join(dir, 'docs/misc/112127_資料.txt'), NO_CITY.replace('12', '14'));
    writeFileSync(join(dir, 'docs/misc/report.txt'), NO_CITY.replace('12', '16'));
    writeFileSync(join(dir, 'docs/misc/第三次市民福祉計画.txt'), NO_CITY.replace('12', '18'));
    const r = await shiryoAsync('ingest', join(dir, 'docs'), '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('(東松山市 112127, from the path;');
    expect(r.stderr).toContain('(所沢市 112089, from the path;');
    expect(
      rowsOf(db, 'SELECT municipality_code AS code, municipality_source AS source FROM documents ORDER BY path'),
    ).toEqual([
      { code: '112127', source: 'path' },
      { code: null, source: null },
      { code: null, source: null },
      { code: '112089', source: 'path' },
    ]);
    expect(
      rowsOf(db, 'SELECT path, municipality_code FROM document_paths ORDER BY path').map((x) => x.municipality_code),
    ).toEqual(['112127', null, null, '112089']);
    // the summary says where each city came from, and lists the documents without one, with why
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^municipality +code +prefecture +documents +tables +observations +from$/);
    expect(lines.find((l) => l.startsWith('所沢市'))).toMatch(/ 1 +1 +2 +path 1$/);
    const section = r.stdout.slice(r.stdout.indexOf('documents without a municipality (2;'));
    expect(section).toContain(`${join(dir, 'docs/misc/report.txt')} (2 observations)`);
    expect(section).toContain(`${join(dir, 'docs/misc/第三次市民福祉計画.txt')} (2 observations)`);
    expect(section).toContain('MUNICIPALITY_NOT_FOUND: the text names no municipality and none was given');
    expect((await shiryoAsync('summary', '--db', db)).stdout).toBe(r.stdout);
    // inspect reads the path too, and says so
    expect((await shiryoAsync('inspect', join(dir, 'docs/所沢市/資料2.txt'))).stdout).toContain(
      'municipality: 埼玉県所沢市 (112089), from the path',
    );
  });

  it('a stored document seen at a path that names a city takes it; --force reads stored bytes anew', async () => {
    const dir = tmp();
    const db = join(dir, 'db.sqlite');
    writeFileSync(join(dir, 'report.txt'), NO_CITY);
    expect((await shiryoAsync('ingest', join(dir, 'report.txt'), '--db', db)).stderr).toMatch(/inserted 1/);
    mkdirSync(join(dir, '所沢市'));
    writeFileSync(join(dir, '所沢市/report.txt'), NO_CITY);
    const r = await shiryoAsync('ingest', join(dir, '所沢市/report.txt'), '--db', db);
    expect(r.stderr).toMatch(/updated 1/);
    expect(rowsOf(db, 'SELECT path, municipality_code, municipality_source FROM documents')).toEqual([
      { path: join(dir, 'report.txt'), municipality_code: '112089', municipality_source: 'path' },
    ]);
    expect(rowsOf(db, 'SELECT DISTINCT municipality_code FROM observations')).toEqual([
      { municipality_code: '112089' },
    ]);
    expect((await shiryoAsync('ingest', dir, '--db', db)).stderr).toMatch(/updated 0, unchanged 2/);
    const f = await shiryoAsync('ingest', join(dir, 'report.txt'), '--db', db, '--force');
    expect(f.stderr).toMatch(/updated 1/);
    expect(rowsOf(db, 'SELECT count(*) n FROM observations')).toEqual([{ n: 2 }]);
  });

  it("identical bytes under two cities' folders: one document, both paths, no city taken from them until one is given", async () => {
    const dir = tmp();
    const db = join(dir, 'db.sqlite');
    for (const city of ['所沢市', '東松山市']) {
      mkdirSync(join(dir, city));
      writeFileSync(join(dir, city, 'report.txt'), NO_CITY);
    }
    const r = await shiryoAsync('ingest', dir, '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(rowsOf(db, 'SELECT municipality_code, municipality_source FROM documents')).toEqual([
      { municipality_code: null, municipality_source: null },
    ]);
    expect(rowsOf(db, 'SELECT path, municipality_code FROM document_paths ORDER BY municipality_code')).toEqual([
      { path: join(dir, '所沢市/report.txt'), municipality_code: '112089' },
      { path: join(dir, '東松山市/report.txt'), municipality_code: '112127' },
    ]);
    expect(rowsOf(db, 'SELECT DISTINCT municipality_code FROM observations')).toEqual([{ municipality_code: null }]);
    const section = r.stdout.slice(r.stdout.indexOf('documents without a municipality (1;'));
    expect(section).toMatch(/also at .*report\.txt/);
    expect(section).toContain(
      'MUNICIPALITY_PATHS_DISAGREE: these bytes were seen at paths naming different municipalities',
    );
    expect(section).toContain('埼玉県所沢市 (112089)');
    expect(section).toContain('埼玉県東松山市 (112127)');
    // a person settles it; a later walk of the tree keeps what was given
    expect((await shiryoAsync('ingest', join(dir, '東松山市'), '--db', db, '--municipality', '112127')).stderr).toMatch(
      /updated 1/,
    );
    expect((await shiryoAsync('ingest', dir, '--db', db)).stderr).toMatch(/unchanged 2/);
    expect(rowsOf(db, 'SELECT municipality_code, municipality_source FROM documents')).toEqual([
      { municipality_code: '112127', municipality_source: 'option' },
    ]);
  });

  it('--manifest: a BOM, a quoted path with a comma, a folder row, plan and date; its files are ingested', async () => {
    const dir = tmp();
    const db = join(dir, 'db.sqlite');
    mkdirSync(join(dir, 'files/a,b'), { recursive: true });
    mkdirSync(join(dir, 'files/folder/sub'), { recursive: true });
    writeFileSync(join(dir, 'files/a,b/r1.txt'), NO_CITY);
    writeFileSync(join(dir, 'files/folder/sub/r2.txt'), NO_CITY.replace('12', '14'));
    writeFileSync(
      join(dir, 'files.csv'),
      '\ufeffpath,municipality,plan,date,note\r\n' +
        '"files/a,b/r1.txt","広島県 府中市",第3期障害児福祉計画,令和6年3月15日,"say ""hi"""\r\n' +
        'files/folder,11208,,2024/3/1,\r\n',
    );
    const r = await shiryoAsync('ingest', '--manifest', join(dir, 'files.csv'), '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('columns not read: note');
    expect(
      rowsOf(
        db,
        'SELECT municipality_code, municipality_source, plan, plan_period, plan_source, document_date FROM documents ORDER BY path',
      ),
    ).toEqual([
      {
        municipality_code: '342084',
        municipality_source: 'manifest',
        plan: '第3期障害児福祉計画',
        plan_period: '2024-2026',
        plan_source: 'manifest',
        document_date: '2024-03-15',
      },
      {
        municipality_code: '112089',
        municipality_source: 'manifest',
        plan: '第7期障害福祉計画',
        plan_period: '2024-2026',
        plan_source: 'text',
        document_date: '2024-03-01',
      },
    ]);
    expect(rowsOf(db, 'SELECT DISTINCT municipality_code, plan FROM observations ORDER BY 1')).toEqual([
      { municipality_code: '112089', plan: '第7期障害福祉計画' },
      { municipality_code: '342084', plan: '第3期障害児福祉計画' },
    ]);
    // what the manifest gave stays when the files are walked again without it
    expect((await shiryoAsync('ingest', join(dir, 'files'), '--db', db)).stderr).toMatch(/unchanged 2/);
    expect(rowsOf(db, "SELECT count(*) n FROM documents WHERE municipality_source = 'manifest'")).toEqual([{ n: 2 }]);
  });

  it('a manifest with bad rows is bad usage (exit 2): every problem by line, nothing ingested', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'bad.csv'),
      'path,municipality,date\nx.txt,府中市,\ny.txt,999999,\nz.txt,所沢,\nw.txt,,2024-02-30\nx.txt,,\n',
    );
    const r = await shiryoAsync('ingest', '--manifest', join(dir, 'bad.csv'), '--db', join(dir, 'db.sqlite'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 2: 府中市 is ambiguous: 東京都府中市 (132063), 広島県府中市 (342084)');
    expect(r.stderr).toContain('line 3: 999999 is not a municipality code');
    expect(r.stderr).toContain(
      'line 4: 所沢 is not a municipality name in the code list; did you mean 埼玉県所沢市 (112089)?',
    );
    expect(r.stderr).toContain('line 5: date 2024-02-30 is no date');
    expect(r.stderr).toContain('line 6: x.txt is also on line 2');
    expect(existsSync(join(dir, 'db.sqlite'))).toBe(false);
    writeFileSync(join(dir, 'noheader.csv'), 'x.txt,所沢市\n');
    expect(
      (await shiryoAsync('ingest', '--manifest', join(dir, 'noheader.csv'), '--db', join(dir, 'db.sqlite'))).code,
    ).toBe(2);
    expect((await shiryoAsync('ingest', '--db', join(dir, 'db.sqlite'))).code).toBe(2);
  });
});
