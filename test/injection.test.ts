/**
 * SQL injection and escaping (issue 16): labels and file paths holding quotes, `%`, `_`, `;`, newlines and `--`
 * stored as written; every filter of export, compare and query fed the same (and `'; DROP TABLE observations; --`)
 * gives the right rows and runs nothing; the CSV and JSONL exports read back to exactly what is stored.
 *
 * The documents (made here) hold two tables; their row labels are stored as written (checked by hand: a TSV row
 * label, an HTML cell with a `<br>` and a line break). `居宅介護…` and `行動援護` get their catalog ids; `サロン…` and
 * `ふれあい…` match no catalog entry, so `--indicator` finds them among the labels without an id, by a word they hold.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_KEYS } from '@shiryo/model';
import { openStore } from '@shiryo/store';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
const DIR = mkdtempSync(join(tmpdir(), 'shiryo-inject-'));
const DOCS = join(DIR, 'docs');
const DB = join(DIR, 'x.db');

const DROP = "'; DROP TABLE observations; --";
const TSV_NAME = `a${DROP}.txt`;
const HTML_NAME = 'b 50%_\nx;--.html';
const L1 = `居宅介護${DROP}`;
const L2 = 'サロン"%_"; --x';
const L3 = 'ふれあい "夜間" %_;--';

/** Every hostile string a filter is fed. */
const HOSTILE = [DROP, "所沢市' OR '1'='1", '%', '_', '%%', '所沢%', '11208_', ';', '--', '"', "'", '\n', 'a\nb', '\\'];

/** The built CLI in this process (stdout and stderr captured). */
async function shiryo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { run } = (await import(join(ROOT, 'packages/cli/dist/main.js'))) as { run(argv: string[]): Promise<number> };
  let stdout = '';
  let stderr = '';
  const w = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((s: string) => {
    stdout += s;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => {
    stderr += s;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await run(['node', 'shiryo', ...args]), stdout, stderr };
  } finally {
    process.stdout.write = w.out;
    process.stderr.write = w.err;
  }
}

const jsonl = (s: string) =>
  s
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const labelsValues = (rows: Record<string, unknown>[]) =>
  rows.map((r) => `${r.indicator_label}=${r.value}@${r.fiscal_year}`).sort();

/** RFC 4180, written here so that the export is checked by a reader that is not its writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

function tablesIntact(): void {
  const db = new Database(DB, { readonly: true });
  try {
    expect(db.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(6);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
  } finally {
    db.close();
  }
}

beforeAll(() => {
  mkdirSync(DOCS);
  writeFileSync(
    join(DOCS, TSV_NAME),
    `所沢市 第6期障害福祉計画 実績\n\nサービス\t令和3年度\t令和4年度\n${L1}（人/月）\t120\t131\n${L2}（人/月）\t410\t422\n`,
  );
  writeFileSync(
    join(DOCS, HTML_NAME),
    '<html><body><p>所沢市 第6期障害福祉計画</p><table><tr><th>サービス</th><th>令和3年度</th></tr>' +
      '<tr><td>ふれあい<br>"夜間"\n%_;--</td><td>15</td></tr><tr><td>行動援護</td><td>7</td></tr></table></body></html>',
  );
  const r = spawnSync(process.execPath, [BIN, 'ingest', DOCS, '--db', DB, '-q', '--no-summary'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);

describe('hostile strings in what is stored and in every filter', () => {
  it('labels and paths are stored as written', async () => {
    const r = await shiryo(['export', '--db', DB]);
    expect(r.code).toBe(0);
    const rows = jsonl(r.stdout);
    expect(labelsValues(rows)).toEqual(
      [
        `${L1}=120@2021`,
        `${L1}=131@2022`,
        `${L2}=410@2021`,
        `${L2}=422@2022`,
        `${L3}=15@2021`,
        '行動援護=7@2021',
      ].sort(),
    );
    expect(new Set(rows.map((x) => x.document_path))).toEqual(new Set([join(DOCS, TSV_NAME), join(DOCS, HTML_NAME)]));
  });

  it('export --municipality, --indicator, --kind: a hostile value matches what it says and nothing else', async () => {
    for (const h of HOSTILE) {
      const m = await shiryo(['export', '--db', DB, '--municipality', h]);
      expect(m.code, h).toBe(0);
      expect(m.stdout, h).toBe('');
    }
    expect(jsonl((await shiryo(['export', '--db', DB, '--municipality', '所沢市'])).stdout)).toHaveLength(6);
    expect(jsonl((await shiryo(['export', '--db', DB, '--municipality', '112089'])).stdout)).toHaveLength(6);
    // --indicator: a catalog id, label or alias, else a word of a label without an id (literal: `%` is a character)
    const ind = async (w: string) =>
      labelsValues(jsonl((await shiryo(['export', '--db', DB, '--indicator', w])).stdout));
    expect(await ind('%')).toEqual([`${L2}=410@2021`, `${L2}=422@2022`, `${L3}=15@2021`].sort());
    expect(await ind(L2)).toEqual([`${L2}=410@2021`, `${L2}=422@2022`]);
    expect(await ind('"夜間"')).toEqual([`${L3}=15@2021`]);
    expect(await ind('居宅介護')).toEqual([`${L1}=120@2021`, `${L1}=131@2022`]);
    expect(await ind('service.kodo_engo')).toEqual(['行動援護=7@2021']);
    // a word no label holds, or one that names many ids (`_` is in most), is bad usage and outputs nothing
    for (const w of [DROP, "x' OR 1=1 --", '_', "' OR ''='"]) {
      const none = await shiryo(['export', '--db', DB, '--indicator', w]);
      expect(none.code, w).toBe(2);
      expect(none.stdout, w).toBe('');
    }
    const kind = await shiryo(['export', '--db', DB, '--kind', `actual${DROP}`]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/--kind .* is invalid/);
    tablesIntact();
  });

  it('compare: --indicator, --municipality and --kind with hostile values', async () => {
    const c = await shiryo(['compare', '--db', DB, '--indicator', L2, '--json']);
    expect(c.code).toBe(0);
    const rows = JSON.parse(c.stdout) as { indicator_label: string; fiscal_year: number; actual: number }[];
    expect(rows.map((x) => `${x.indicator_label}=${x.actual}@${x.fiscal_year}`)).toEqual([
      `${L2}=410@2021`,
      `${L2}=422@2022`,
    ]);
    expect((await shiryo(['compare', '--db', DB, '--indicator', DROP])).code).toBe(2);
    for (const h of HOSTILE) {
      const m = await shiryo(['compare', '--db', DB, '--indicator', '%', '--municipality', h, '--json']);
      expect(m.code, h).toBe(0);
      expect(JSON.parse(m.stdout), h).toEqual([]);
    }
    const all = JSON.parse((await shiryo(['compare', '--db', DB, '--indicator', '%', '--json'])).stdout) as unknown[];
    expect(all).toHaveLength(3);
    expect((await shiryo(['compare', '--db', DB, '--indicator', '%', '--kind', `actual${DROP}`])).code).toBe(2);
    tablesIntact();
  });

  it('the store refuses a kind that is not one of the three, instead of writing it into the SQL', () => {
    const store = openStore(DB, { readonly: true });
    try {
      expect(store.planVsActual({ labels: [L2], kind: 'actual' })).toHaveLength(2);
      expect(store.planVsActual({ labels: [L2], kind: 'plan' })).toHaveLength(0);
      // what the library would have run: `(actual IS NOT NULL OR 1=1) --` — every row
      expect(() => store.planVsActual({ kind: 'actual IS NOT NULL OR 1=1) --' as 'actual' })).toThrow(
        /kind must be plan, estimate or actual/,
      );
    } finally {
      store.close();
    }
  });

  it('query: quotes in the SQL are the user’s; a second statement or a write is refused, nothing changes', async () => {
    const q = await shiryo([
      'query',
      `SELECT value FROM observations_flat WHERE indicator_label = '${L1.replace(/'/g, "''")}' ORDER BY value`,
      '--db',
      DB,
      '--csv',
    ]);
    expect(q.code).toBe(0);
    expect(q.stdout).toBe('value\n120\n131\n');
    for (const sql of [
      'SELECT 1; DROP TABLE observations',
      'DROP TABLE observations',
      "DELETE FROM observations WHERE indicator_label LIKE '%'",
      'WITH x AS (SELECT 1) DELETE FROM observations',
      "ATTACH DATABASE '/tmp/evil.db' AS evil",
    ]) {
      const r = await shiryo(['query', sql, '--db', DB]);
      expect(r.code, sql).toBe(2);
      expect(r.stdout, sql).toBe('');
    }
    tablesIntact();
  });
});

describe('search, indicators and trace fed hostile values', () => {
  it('search: SQL and FTS syntax in the words are words; a hostile --municipality matches nothing', async () => {
    // the words of DROP are in L1's cell: found as text, nothing run
    const d = await shiryo(['search', DROP, '--db', DB, '--csv']);
    expect(d.code).toBe(0);
    const hits = parseCsv(d.stdout).slice(1);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.at(-1)).toContain(DROP);
    // FTS5 operators and column filters are not obeyed, and never an fts5 syntax error
    for (const w of ["所沢市' OR '1'='1", 'NEAR(居宅 サロン)', '居宅 OR 1', '* OR *', 'snippet:居宅', 'a\nb']) {
      const r = await shiryo(['search', w, '--db', DB]);
      expect(r.code, w).toBe(1);
      expect(r.stderr, w).toBe(`shiryo search: nothing holds ${w}\n`);
    }
    // punctuation alone is no word
    for (const w of ['%', '_', ';', '"', "'", '\\']) {
      const r = await shiryo(['search', w, '--db', DB]);
      expect(r.code, w).toBe(2);
      expect(r.stderr, w).toMatch(/give a word to search for/);
    }
    for (const h of HOSTILE) {
      const m = await shiryo(['search', '居宅', '--db', DB, '--municipality', h]);
      expect(m.code, h).toBe(1);
      expect(m.stdout, h).toBe('');
    }
    expect((await shiryo(['search', '居宅', '--db', DB, '--municipality', '所沢市'])).code).toBe(0);
    tablesIntact();
  });

  it('indicators and trace: a hostile word or id is refused, nothing runs', async () => {
    for (const h of [DROP, "x' OR '1'='1", '%_%']) {
      const r = await shiryo(['indicators', h, '--db', DB]);
      expect(r.code, h).toBe(1);
      expect(r.stderr, h).toContain('no indicator id, label or alias holds');
    }
    for (const h of [`1${DROP}`, '1 OR 1=1', '1; DELETE FROM observations']) {
      const r = await shiryo(['trace', h, '--db', DB]);
      expect(r.code, h).toBe(2);
      expect(r.stderr, h).toContain('is not an observation id');
    }
    tablesIntact();
  });
});

describe('export escaping round-trips', () => {
  it('CSV read back by an RFC 4180 reader and JSONL parsed give every field exactly as stored', async () => {
    const db = new Database(DB, { readonly: true });
    let stored: Record<string, unknown>[];
    try {
      stored = db
        .prepare(`SELECT ${EXPORT_KEYS.map((k) => `"${k}"`).join(', ')} FROM observations_flat`)
        .all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
    const key = (r: Record<string, unknown>) => `${r.document_path}|${r.indicator_label}|${r.fiscal_year}`;
    const byKey = new Map(stored.map((r) => [key(r), r]));
    expect(byKey.size).toBe(6);

    const j = jsonl((await shiryo(['export', '--db', DB, '--format', 'jsonl'])).stdout);
    expect(j).toHaveLength(6);
    for (const row of j) {
      expect(Object.keys(row)).toEqual([...EXPORT_KEYS]);
      const s = byKey.get(key(row))!;
      for (const k of EXPORT_KEYS) {
        if (k === 'warnings' || k === 'rules') expect(row[k]).toEqual(JSON.parse(String(s[k])));
        // (stored 0/1, exported as a boolean)
        else if (k === 'restatement') expect(row[k], k).toBe(s[k] === 1);
        else expect(row[k], k).toEqual(s[k]);
      }
    }

    const csvText = (await shiryo(['export', '--db', DB, '--format', 'csv'])).stdout;
    const [head, ...body] = parseCsv(csvText);
    expect(head).toEqual([...EXPORT_KEYS]);
    expect(body).toHaveLength(6);
    for (const fields of body) {
      const row = Object.fromEntries(EXPORT_KEYS.map((k, i) => [k, fields[i]!]));
      expect(fields).toHaveLength(EXPORT_KEYS.length);
      const s = byKey.get(`${row.document_path}|${row.indicator_label}|${row.fiscal_year}`);
      expect(s, key(row)).toBeDefined();
      for (const k of EXPORT_KEYS) {
        const v = s![k];
        const want =
          k === 'warnings' || k === 'rules'
            ? (JSON.parse(String(v)) as string[]).join('; ')
            : k === 'restatement'
              ? String(v === 1)
              : v === null
                ? ''
                : String(v);
        expect(row[k], k).toBe(want);
      }
    }
    // the path with a line break is one quoted field, its newline kept
    expect(csvText).toContain(`"${join(DOCS, HTML_NAME)}"`);
    expect(body.filter((f) => f[1] === join(DOCS, HTML_NAME))).toHaveLength(2);
  });
});
