/**
 * `shiryo trace` (where a number came from: cell, header path, rules, source lines), spawned as a user runs it, on
 * 東松山市's results (fixtures/higashimatsuyama-r3-results).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
const shiryo = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let db: string;
beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), 'shiryo-trace-')), 'x.sqlite');
  const r = shiryo(
    'ingest',
    join(FIXTURES, 'higashimatsuyama-r3-results/source.txt'),
    '--db',
    db,
    '-q',
    '--no-summary',
  );
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

describe('shiryo trace', () => {
  it("a table cell: the cell, its column headers, the row's label, the rules and the source line", () => {
    const conn = new Database(db, { readonly: true });
    const id = conn
      .prepare(`SELECT observation_id FROM observations_flat
        WHERE indicator_id = 'service.kyodo_seikatsu_enjo' AND fiscal_year = 2019 AND table_index = 22`)
      .pluck()
      .get() as number;
    const prose = conn
      .prepare(`SELECT observation_id FROM observations_flat
        WHERE indicator_id = 'service.kyodo_seikatsu_enjo' AND fiscal_year = 2019 AND table_index IS NULL
          AND value_text = '87人'`)
      .pluck()
      .get() as number;
    conn.close();
    const r = shiryo('trace', String(id), '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`observation ${id}: `);
    expect(r.stdout).toContain('FY2019 actual 87 person/month «87»');
    expect(r.stdout).toContain('cell r1c4 (body): «87»');
    expect(r.stdout).toContain('  column headers: R1実績\n');
    expect(r.stdout).toContain('  row labels:     利用実人数(人/月)\n');
    expect(r.stdout).toMatch(/\n {2}kind\.column — /);
    // the row as the source file has it, line 561
    expect(r.stdout).toContain('> 561 | 利用実人数(人/月)\t100\t104\t109\t87\t97\t118\n');
    const j = JSON.parse(shiryo('trace', String(id), '--db', db, '--json').stdout) as {
      column_headers: string[];
      rules: { id: string }[];
      source: { lines: { line: number; at: boolean }[] };
    };
    expect(j.column_headers).toEqual(['R1実績']);
    expect(j.rules.map((x) => x.id)).toContain('kind.column');
    expect(j.source.lines.find((l) => l.at)?.line).toBe(561);

    // the same number in a sentence (line 117: R1：87人 …, under ② 共同生活援助（グループホーム）利用実績) restates the table's
    const p = shiryo('trace', String(prose), '--db', db);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toContain('read from prose (no table)');
    expect(p.stdout).toContain(`restates observation ${id} (table 22 r1c4, «87»): counted once`);
    expect(p.stdout).toContain('\n> 117 | R1：87人 R2：97人 R3：118人\n');
  });

  it('an unknown id is exit 1; a word is bad usage', () => {
    expect(shiryo('trace', '99999999', '--db', db).code).toBe(1);
    expect(shiryo('trace', 'abc', '--db', db).code).toBe(2);
  });
});
