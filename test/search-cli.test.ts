/**
 * `shiryo search` (issue 14 item 8: two-character words, table cells and captions), spawned as a user runs it, on
 * 東松山市's results (fixtures/higashimatsuyama-r3-results).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
const shiryo = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

let db: string;
beforeAll(() => {
  db = join(mkdtempSync(join(tmpdir(), 'shiryo-search-')), 'x.sqlite');
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

describe('shiryo search', () => {
  it('finds two-character words (拠点, 就労, 相談) with city, document, page and snippet', () => {
    for (const w of ['拠点', '就労', '相談']) {
      const r = shiryo('search', '--db', db, w, '--json', '--limit', '500');
      expect(r.code, r.stderr).toBe(0);
      const hits = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(hits.length, w).toBeGreaterThan(0);
      for (const h of hits) {
        expect(h.municipality_name).toBe('東松山市');
        expect(h.document_path).toMatch(/higashimatsuyama-r3-results\/source\.txt$/);
        expect(h.page).toBe(1);
        expect(String(h.snippet)).toContain(`【${w}】`);
      }
    }
    // lines 182 and 190 of the source, and the cell of line 409 (table 4: the goal sheet) that says line 182 again
    const r = shiryo('search', '--db', db, '拠点', '確保');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('拠点 確保: 3 hits');
    expect(lines[3]).toMatch(
      / 1 {2}text {10}令和5年度末までの間に東松山市地域生活支援【拠点】を確保し、運用状況の検証及び検討を東松山市地域自…$/,
    );
    expect(lines[4]).toMatch(/ 1 {2}text {10}目標である地域生活支援【拠点】の確保は達成した。/);
    expect(lines[5]).toMatch(/ 1 {2}table 4 r1c2 {2}令和5年度末までの間に東松山市地域生活支援【拠点】を確保し/);
  });

  it('finds words in table cells and captions, with the table and cell', () => {
    // the stub of the group-home table: 利用実人数(人/月), table 22 row 1 (line 561 of the source)
    const r = shiryo('search', '--db', db, '利用実人数', '--csv', '--limit', '100');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('municipality_code,municipality_name,document_path,page,source,table_index,row,col,snippet');
    expect(lines.some((l) => l.endsWith(',1,cell,22,1,0,【利用実人数】(人/月)'))).toBe(true);
  });

  it('nothing found is exit 1; no word is bad usage', () => {
    expect(shiryo('search', '--db', db, '存在しない語句').code).toBe(1);
    expect(shiryo('search', '--db', db, '、').code).toBe(2);
  });
});
