/**
 * Every command of `shiryo --help` run on bad input — a missing file, a folder, an empty file, a file that is not
 * SQLite, random bytes, a truncated or damaged database, a read-only one, unknown flags — prints one message naming
 * the file (or the flag), no stack trace, and exits non-zero. One table, one row per case.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
/** Permissions do not stop root: read-only cases run the CLI as `nobody`. */
const AS_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function spawned(args: string[], user = false) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    ...(user ? AS_USER : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The built CLI run in this process (a node start and kuromoji per case cost ~1 s each, ~80 cases): stdout and
 * stderr captured; an exception escaping `run` fails the test. Cases that need another user are spawned.
 */
async function shiryo(args: string[], user = false) {
  if (user) return spawned(args, true);
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
    const code = await run(['node', 'shiryo', ...args]);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = w.out;
    process.stderr.write = w.err;
  }
}

const D = mkdtempSync(join(tmpdir(), 'shiryo-bad-'));
const P = (name: string) => join(D, name);
const GOOD_TXT = join(ROOT, 'test/corpus/good-utf8.txt');

beforeAll(() => {
  chmodSync(D, 0o777);
  const good = P('good.db');
  expect(spawned(['ingest', GOOD_TXT, '--db', good, '-q', '--no-summary']).code).toBe(0);
  // the WAL folded in, so that copies are whole
  const g = new Database(good);
  g.pragma('wal_checkpoint(TRUNCATE)');
  g.pragma('journal_mode = DELETE');
  g.close();
  writeFileSync(P('empty.db'), '');
  writeFileSync(P('text.db'), 'SQLite format 3? no: a text file named .db\n');
  writeFileSync(P('random.db'), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 2654435761) >>> 24)));
  mkdirSync(P('folder.db'));
  const bytes = readFileSync(good);
  writeFileSync(P('truncated.db'), bytes.subarray(0, 3 * 4096));
  // damaged: every other page from the third on overwritten (the header and the schema page kept)
  copyFileSync(good, P('damaged.db'));
  const fd = openSync(P('damaged.db'), 'r+');
  for (let at = 2 * 4096; at < bytes.length; at += 2 * 4096) writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, at);
  closeSync(fd);
  copyFileSync(good, P('readonly.db'));
  chmodSync(P('readonly.db'), 0o444);
  // another program's SQLite file
  const other = new Database(P('other.db'));
  other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
  other.close();
  writeFileSync(P('empty.txt'), '');
  writeFileSync(P('binary.txt'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7]));
  mkdirSync(P('folder'));
  chmodSync(P('good.db'), 0o644);
}, 120_000);

interface Case {
  args: string[];
  /** Exit code expected. */
  code: number;
  /** What stderr must say (after `{D}` is replaced by the temporary folder). */
  says: RegExp | string;
  /** Run as an ordinary user (permissions). */
  user?: boolean;
}

const READERS: [string, string[]][] = [
  ['export', ['export']],
  ['summary', ['summary']],
  ['compare', ['compare', '--indicator', '居宅介護']],
  ['indicators', ['indicators', '居宅', '--db']],
  ['query', ['query', 'SELECT count(*) FROM observations']],
  ['search', ['search', '介護']],
  ['trace', ['trace', '1']],
];
const withDb = (cmd: string[], db: string) => (cmd.at(-1) === '--db' ? [...cmd, db] : [...cmd, '--db', db]);

const DB_CASES: [string, RegExp][] = [
  ['missing.db', /missing\.db: FILE_NOT_FOUND: no database at this path|no database at \S*missing\.db/],
  ['folder.db', /folder\.db: STORE_FAILED: is (a folder, )?not a database file/],
  ['empty.db', /empty\.db: STORE_FAILED: not a shiryo database: it is empty/],
  ['text.db', /text\.db: STORE_FAILED: (cannot read the database: )?not an SQLite database/],
  ['random.db', /random\.db: STORE_FAILED: (cannot read the database: )?not an SQLite database/],
  ['truncated.db', /truncated\.db: STORE_FAILED: .*damaged/],
  ['damaged.db', /damaged\.db: STORE_FAILED: .*damaged/],
  ['other.db', /other\.db: STORE_FAILED: not a shiryo database: its tables \(notes\)/],
];

const CASES: Case[] = [
  // every command that reads a database, on every bad database
  ...READERS.flatMap(([name, cmd]) =>
    DB_CASES.filter(([db]) => !(name === 'query' && (db === 'empty.db' || db === 'other.db'))).map(
      ([db, says]): Case => ({ args: withDb(cmd, P(db)), code: 1, says }),
    ),
  ),
  // query reads any SQLite file: one with no shiryo tables says which table is missing (bad SQL for it)
  {
    args: ['query', 'SELECT * FROM observations', '--db', P('empty.db')],
    code: 2,
    says: 'no such table: observations',
  },
  // ingest writes: a database it cannot use is named and nothing is read
  ...DB_CASES.filter(([db]) => !['missing.db', 'empty.db'].includes(db)).map(
    ([db, says]): Case => ({ args: ['ingest', GOOD_TXT, '--db', P(db), '--no-summary'], code: 1, says }),
  ),
  {
    args: ['ingest', GOOD_TXT, '--db', P('readonly.db'), '--no-summary'],
    code: 1,
    says: /readonly\.db: STORE_FAILED: cannot write the database: permission denied/,
    user: true,
  },
  // bad documents
  ...(['tables', 'inspect'] as const).flatMap((cmd): Case[] => [
    { args: [cmd, P('missing.txt')], code: 1, says: /✗ \S*missing\.txt: FILE_NOT_FOUND/ },
    { args: [cmd, P('folder')], code: 1, says: /✗ \S*folder: FILE_UNREADABLE: is a directory/ },
    { args: [cmd, P('empty.txt')], code: 1, says: /✗ \S*empty\.txt: EMPTY_DOCUMENT/ },
    { args: [cmd, P('binary.txt')], code: 1, says: /✗ \S*binary\.txt: DECODE_FAILED/ },
  ]),
  { args: ['tables', P('missing.pdf'), '--svg', P('svg')], code: 1, says: /✗ \S*missing\.pdf: FILE_NOT_FOUND/ },
  { args: ['tables', P('empty.txt'), '--svg', P('svg')], code: 2, says: /empty\.txt is not a PDF/ },
  {
    args: ['ingest', P('missing.txt'), '--db', P('new.db'), '--no-summary'],
    code: 1,
    says: /✗ \S*missing\.txt: FILE_NOT_FOUND/,
  },
  {
    args: ['ingest', P('empty.txt'), P('binary.txt'), '--db', P('new.db'), '--no-summary'],
    code: 1,
    says: /✗ \S*empty\.txt: EMPTY_DOCUMENT[\s\S]*✗ \S*binary\.txt: DECODE_FAILED|✗ \S*binary\.txt: DECODE_FAILED[\s\S]*✗ \S*empty\.txt: EMPTY_DOCUMENT/,
  },
  { args: ['ingest', P('folder'), '--db', P('new.db')], code: 1, says: /no files to ingest under \S*folder/ },
  { args: ['ingest', GOOD_TXT, '--db', P('new.db'), '--manifest', P('missing.csv')], code: 2, says: /missing\.csv/ },
  {
    args: ['export', '--db', P('good.db'), '--out', P('folder')],
    code: 1,
    says: /cannot write \S*folder: it is a folder/,
  },
  {
    args: ['export', '--db', P('good.db'), '--out', P('no/such/x.csv')],
    code: 1,
    says: /cannot write \S*no\/such\/x\.csv: the folder \S*no\/such does not exist/,
  },
  // unknown flags and missing arguments, for every command
  ...(
    [
      ['ingest', GOOD_TXT, '--db', P('new.db')],
      ['tables', GOOD_TXT],
      ['inspect', GOOD_TXT],
      ['export', '--db', P('good.db')],
      ['normalize', '令和3年度'],
      ['summary', '--db', P('good.db')],
      ['compare', '--db', P('good.db'), '--indicator', '居宅介護'],
      ['indicators', '居宅'],
      ['query', 'SELECT 1', '--db', P('good.db')],
      ['search', '介護', '--db', P('good.db')],
      ['trace', '1', '--db', P('good.db')],
      ['report', '--db', P('good.db'), '--out', P('report')],
      ['metadata', '--db', P('good.db'), '--out', '-'],
    ] as string[][]
  ).map((args): Case => ({ args: [...args, '--no-such-flag'], code: 2, says: "unknown option '--no-such-flag'" })),
  { args: ['frobnicate'], code: 2, says: "unknown command 'frobnicate'" },
  // the same through the bin, as a user runs it
  {
    args: ['summary', '--db', P('random.db')],
    code: 1,
    says: /random\.db: STORE_FAILED: .*not an SQLite database/,
    user: true,
  },
  { args: ['tables', P('folder')], code: 1, says: /✗ \S*folder: FILE_UNREADABLE/, user: true },
  { args: ['tables'], code: 2, says: "missing required argument 'file'" },
  { args: ['inspect'], code: 2, says: "missing required argument 'file'" },
  { args: ['normalize'], code: 2, says: "missing required argument 'text'" },
  { args: ['query', 'SELECT 1'], code: 2, says: "required option '--db <file>' not specified" },
  { args: ['export', '--db', P('good.db'), '--year', 'x'], code: 2, says: /--year.*a western fiscal year/ },
  { args: ['export', '--db', P('good.db'), '--min-confidence', '2'], code: 2, says: /a number from 0 to 1/ },
  { args: ['ingest', GOOD_TXT, '--db', P('new.db'), '--jobs', '0'], code: 2, says: /--jobs.*whole number/ },
  // below what an extraction worker needs to start (it failed every file with INTERNAL)
  { args: ['ingest', GOOD_TXT, '--db', P('new.db'), '--max-memory', '16'], code: 2, says: /--max-memory.*≥ 64/ },
  { args: ['ingest', GOOD_TXT, '--db', P('new.db'), '--ocr', 'sometimes'], code: 2, says: /--ocr.*is invalid/ },
  // report and metadata on a bad database, and with nowhere to write
  ...DB_CASES.filter(([db]) => db !== 'empty.db' && db !== 'other.db').flatMap(([db, says]): Case[] => [
    { args: ['report', '--db', P(db), '--out', P('report-bad')], code: 1, says },
    // metadata reads only the schema, which damaged.db keeps whole: it answers (and the readers above refuse)
    ...(db === 'damaged.db' ? [] : [{ args: ['metadata', '--db', P(db), '--out', '-'], code: 1, says }]),
  ]),
  { args: ['report', '--out', P('report-none')], code: 2, says: /give documents to read, or --db/ },
  { args: ['report', '--db', P('good.db')], code: 2, says: "required option '--out <dir>' not specified" },
  { args: ['metadata'], code: 2, says: "required option '--db <file>' not specified" },
  { args: ['search', '--db', P('good.db')], code: 2, says: "missing required argument 'words'" },
  { args: ['search', '"', '--db', P('good.db')], code: 2, says: /give a word to search for/ },
  { args: ['search', '介護', '--db', P('good.db'), '--limit', '0'], code: 2, says: /--limit.*whole number/ },
  { args: ['trace', 'abc', '--db', P('good.db')], code: 2, says: /abc is not an observation id/ },
  { args: ['trace', '999999', '--db', P('good.db')], code: 1, says: /holds no observation 999999/ },
];

describe('every command on bad input: a message naming the file, no stack trace, a non-zero exit', () => {
  it.each(CASES.map((c) => [c.args.map((a) => a.replace(D, '{D}')).join(' '), c] as const))('%s', async (_, c) => {
    const r = await shiryo(c.args, c.user);
    const said = r.stderr;
    expect(said).not.toMatch(/^\s+at /m);
    expect(said).not.toMatch(/INTERNAL|TypeError|SqliteError|RangeError/);
    if (typeof c.says === 'string') expect(said).toContain(c.says);
    else expect(said).toMatch(c.says);
    expect(r.code, said).toBe(c.code);
  });

  // (seven commands spawned one after the other: over the default minute on a loaded machine)
  it('a read-only database still answers every command that only reads', () => {
    for (const [, cmd] of READERS) {
      const r = spawned(withDb(cmd, P('readonly.db')), true);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  }, 180_000);

  it('no command (ingest included) wrote to a file that is not a shiryo database', () => {
    expect(readFileSync(P('empty.db')).length).toBe(0);
    const other = new Database(P('other.db'), { readonly: true });
    expect(other.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['notes']);
    other.close();
  });
});
