/**
 * Property-based fuzzing of the ingest path (issue 16), with fast-check: random and mutated text exports (bytes,
 * encodings, huge lines, NULs, mixed newlines, deep or unclosed HTML, giant tables) and mutated PDFs (truncated,
 * bit-flipped, xref damaged — made from the repository's small PDFs).
 *
 * - In process: extraction either returns a document or throws a typed `ShiryoError` naming the file (never a
 *   bare exception, never `INTERNAL`, which is what a caught crash becomes); normalizing what it returns never
 *   throws, and every observation it makes points at a cell or a text that holds its number (no value without
 *   provenance); no case takes long.
 * - Through the CLI: a batch of generated files ingested into a database that already holds a good document: no
 *   stack trace, the batch is not aborted, each failure is one `✗ path: CODE: reason` line naming its file, and
 *   what was stored before is all still there.
 *
 * Runs are few by default (the suite stays fast) and, in the test command, always the same ones (a fixed seed: CI
 * must not fail on a case no commit introduced); `SHIRYO_FUZZ=N` multiplies them with a new random seed each time
 * (`pnpm fuzz` runs 20×: that is where new cases are found, and each becomes a test of its own above), and
 * `SHIRYO_FUZZ_SEED` replays a run (fast-check prints the seed and path of a failure).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractBytes, extractDocument } from '@shiryo/extractor';
import { type ExtractedDocument, ShiryoError } from '@shiryo/model';
import { normalizeDocument } from '@shiryo/normalizer';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
const SCALE = Math.max(1, Number(process.env.SHIRYO_FUZZ ?? 1));
/** The test command's fixed seed; exploring runs (`SHIRYO_FUZZ` > 1) draw a new one. */
const FIXED_SEED = 20_261_207;
const SEED = process.env.SHIRYO_FUZZ_SEED
  ? Number(process.env.SHIRYO_FUZZ_SEED)
  : process.env.SHIRYO_FUZZ
    ? undefined
    : FIXED_SEED;
const runs = (n: number) => ({ numRuns: n * SCALE, ...(SEED !== undefined ? { seed: SEED } : {}) });
/** Longest one generated document may take to extract and normalize in process (the worst seen is ~1 s). */
const CASE_MS = 15_000;

const Encoding = createRequire(join(ROOT, 'packages/extractor/package.json'))('encoding-japanese') as {
  convert(codes: number[], o: { to: string; from: string }): number[];
  stringToCode(s: string): number[];
};

const TMP = mkdtempSync(join(tmpdir(), 'shiryo-fuzz-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// ------------------------------------------------------------------------------------------------------------
// Generators
// ------------------------------------------------------------------------------------------------------------

const WORDS = [
  '居宅介護',
  '生活介護',
  '共同生活援助',
  '就労移行支援',
  '令和3年度',
  '令和4年度',
  '平成30年度',
  'R5',
  '2021年度',
  '実績',
  '計画',
  '見込',
  '目標値',
  '達成率',
  '（人/月）',
  '人',
  '時間',
  '%',
  '区分',
  '合計',
  '所沢市',
  '川越市',
  '第6期障害福祉計画',
  '介護保険事業計画',
  '▲',
  '△',
  '※',
  '－',
  '<script>alert(1)</script>',
  ']]>',
  "'; DROP TABLE observations; --",
  '&amp;',
  '&#x3042;',
  '&#99999999;',
];

const number = fc.oneof(
  fc.integer({ min: -100_000, max: 10_000_000 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((d) => d.toFixed(2)),
  fc.integer({ min: 0, max: 99_999 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: 0, max: 999 }).map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + +d))),
  fc.constantFrom('1e308', '-0', '0x10', 'NaN', '9'.repeat(40), '1,2,3', '12.3.4'),
  // more digits than a double holds (a 330-digit run was stored as NaN: the document failed)
  fc.integer({ min: 16, max: 400 }).map((n) => '9'.repeat(n)),
);

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: number },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('\0', '\u3000', '\u200b', '\ufeff', '\ud800', '\f', '\v', '\u2028') },
);

const line = fc.array(token, { maxLength: 10 }).map((ts) => ts.join(' '));
const sep = fc.constantFrom('\t', '|', ' ', '　', ',', '  ');

/** A grid of tokens, `rows` × `cols`, its first row of years. */
const grid = (maxRows: number, maxCols: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([r, c]) =>
      fc.array(fc.array(fc.oneof(token, number), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
    );

const delimited = fc.tuple(grid(30, 12), sep).map(([rows, s]) => rows.map((r) => r.join(s)).join('\n'));
const markdown = grid(30, 10).map((rows) =>
  rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? `\n|${r.map(() => '---').join('|')}|` : ''}`).join('\n'),
);
const span = fc.oneof(
  fc.constant(''),
  fc.integer({ min: 0, max: 5 }).map((n) => ` rowspan="${n}"`),
  fc.integer({ min: 0, max: 5 }).map((n) => ` colspan="${n}"`),
  fc.constantFrom(' rowspan="100000000"', ' colspan="100000000"', ' colspan="-3"', ' rowspan="x"', ' colspan="1e9"'),
);
const htmlTable = fc
  .tuple(grid(20, 8), fc.array(span, { minLength: 1, maxLength: 20 }), fc.boolean(), fc.boolean())
  .map(([rows, spans, closeRows, closeTable]) => {
    let k = 0;
    const cell = (t: string, i: number) => `<${i === 0 ? 'th' : 'td'}${spans[k++ % spans.length]}>${t}`;
    const body = rows
      .map(
        (r) =>
          `<tr>${r.map((t, i) => `${cell(t, i)}${closeRows ? (i === 0 ? '</th>' : '</td>') : ''}`).join('')}${closeRows ? '</tr>' : ''}`,
      )
      .join('\n');
    return `<table>${body}${closeTable ? '</table>' : ''}`;
  });
const nested = fc
  .tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('div', 'table', 'span', 'td', 'ul', 'b'), fc.boolean())
  .map(([depth, tag, close]) => `${`<${tag}>`.repeat(depth)}令和3年度 12人${close ? `</${tag}>`.repeat(depth) : ''}`);
const unclosed = fc.constantFrom(
  '<table><tr><td>居宅介護<td>12',
  '<!-- 終わらない注釈',
  '<script>var x = "</table>";',
  '<![CDATA[ 12 ]]',
  '<td colspan=',
  '<',
  '</table></table></tr>',
  '<html><body><table><tr><th>区分<th>令和3年度<tr><td>居宅介護<td>120',
);
/** One long line: words and numbers, up to ~80,000 characters (more with SHIRYO_FUZZ). */
const hugeLine = fc
  .tuple(
    fc.integer({ min: 2_000, max: 8_000 * Math.min(SCALE, 10) }),
    fc.constantFrom('12 ', '居宅介護 ', '令和3年度 120人、', 'x'),
  )
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length) * 10).slice(0, n * 10));

const piece = fc.oneof(
  { weight: 5, arbitrary: line },
  { weight: 3, arbitrary: delimited },
  { weight: 2, arbitrary: markdown },
  { weight: 2, arbitrary: htmlTable },
  { weight: 1, arbitrary: nested },
  { weight: 1, arbitrary: unclosed },
  { weight: 1, arbitrary: hugeLine },
);
const newline = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\f');

const text = fc
  .tuple(
    fc.array(piece, { minLength: 0, maxLength: 8 }),
    fc.array(newline, { minLength: 1, maxLength: 4 }),
    fc.boolean(),
  )
  .map(([pieces, nls, html]) => {
    const body = pieces.map((p, i) => p + nls[i % nls.length]).join('');
    return html
      ? `<html><head><title>${pieces[0]?.slice(0, 20) ?? ''}</title></head><body>${body}</body></html>`
      : body;
  });

type Enc = 'utf8' | 'utf8bom' | 'sjis' | 'eucjp' | 'utf16le' | 'utf16be' | 'utf16le-nobom';
function encode(s: string, enc: Enc): Uint8Array {
  switch (enc) {
    case 'utf8':
      return Buffer.from(s, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]);
    case 'sjis':
    case 'eucjp':
      return Uint8Array.from(
        Encoding.convert(Encoding.stringToCode(s), { to: enc === 'sjis' ? 'SJIS' : 'EUCJP', from: 'UNICODE' }),
      );
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
    case 'utf16le-nobom':
      return Buffer.from(s, 'utf16le');
  }
}

/** A mutation of bytes: flips, NULs, a truncation, a spliced run of random bytes, or none. */
const mutation = fc.oneof(
  { weight: 3, arbitrary: fc.constant((b: Uint8Array) => b) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 20 })
      .map((flips) => (b: Uint8Array) => {
        const c = Uint8Array.from(b);
        if (c.length) for (const [at, bit] of flips) c[at % c.length]! ^= 1 << bit;
        return c;
      }),
  },
  {
    weight: 1,
    arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }).map((ats) => (b: Uint8Array) => {
      const c = Uint8Array.from(b);
      if (c.length) for (const at of ats) c[at % c.length] = 0;
      return c;
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .double({ min: 0, max: 1, noNaN: true })
      .map((f) => (b: Uint8Array) => b.subarray(0, Math.floor(b.length * f))),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }))
      .map(([at, junk]) => (b: Uint8Array) => {
        const i = b.length ? at % b.length : 0;
        return Buffer.concat([b.subarray(0, i), junk, b.subarray(i)]);
      }),
  },
);

const extension = fc.constantFrom('txt', 'tsv', 'md', 'html', 'htm', 'csv', 'TXT', 'pdf', '');

const textFile = fc.record({
  text,
  enc: fc.constantFrom<Enc>('utf8', 'utf8', 'utf8bom', 'sjis', 'eucjp', 'utf16le', 'utf16be', 'utf16le-nobom'),
  mutate: mutation,
  ext: extension,
});
const fileBytes = (f: { text: string; enc: Enc; mutate: (b: Uint8Array) => Uint8Array }) =>
  f.mutate(encode(f.text, f.enc));

/** The repository's small PDFs, mutated: truncated, bit-flipped, xref or startxref damaged, objects spliced. */
const PDFS = [
  'test/corpus/good.pdf',
  'fixtures/pdf-stream-services/source.pdf',
  'test/corpus/encrypted-owner-only.pdf',
].map((p) => readFileSync(join(ROOT, p)));
function damageAt(b: Buffer, marker: string, junk: Uint8Array): Buffer {
  const at = b.lastIndexOf(marker);
  const c = Buffer.from(b);
  if (at >= 0) Buffer.from(junk).copy(c, at + marker.length + 1);
  return c;
}
const pdfMutation = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => (b: Buffer) => b.subarray(0, Math.floor(b.length * f))),
  fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 50 })
    .map((flips) => (b: Buffer) => {
      const c = Buffer.from(b);
      for (const [at, bit] of flips) c[at % c.length]! ^= 1 << bit;
      return c;
    }),
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map((junk) => (b: Buffer) => damageAt(b, 'xref', junk)),
  fc.uint8Array({ minLength: 1, maxLength: 12 }).map((junk) => (b: Buffer) => damageAt(b, 'startxref', junk)),
  fc.constantFrom('0', '999999999', '-1', 'abc').map((v) => (b: Buffer) => {
    const at = b.lastIndexOf('startxref');
    return Buffer.concat([b.subarray(0, at), Buffer.from(`startxref\n${v}\n%%EOF\n`)]);
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 4000 })).map(([from, to, n]) => (b: Buffer) => {
    // a run of the file copied over another place (a damaged download, an object spliced into another)
    const c = Buffer.from(b);
    b.copy(c, to % c.length, from % b.length, (from % b.length) + n);
    return c;
  }),
  fc
    .constantFrom('/Length 0', '/Length 99999999', '/Filter /Bogus', '/Type /Pages /Kids [] /Count 0')
    .map((s) => (b: Buffer) => {
      const at = b.indexOf('/Length');
      if (at < 0) return b;
      const c = Buffer.from(b);
      Buffer.from(s.padEnd(12, ' ')).copy(c, at);
      return c;
    }),
);
const pdfFile = fc.record({
  base: fc.integer({ min: 0, max: PDFS.length - 1 }),
  mutations: fc.array(pdfMutation, { minLength: 1, maxLength: 3 }),
});
const pdfBytes = (p: { base: number; mutations: ((b: Buffer) => Buffer)[] }) =>
  p.mutations.reduce<Buffer>((b, m) => m(b), PDFS[p.base]!);

// ------------------------------------------------------------------------------------------------------------
// Properties
// ------------------------------------------------------------------------------------------------------------

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** What a failure must be: a ShiryoError naming the file, with a code that is not a caught crash. */
function expectTypedFailure(e: unknown, file: string): void {
  expect(e, String(e instanceof Error ? e.stack : e)).toBeInstanceOf(ShiryoError);
  const se = e as ShiryoError;
  expect(se.file).toBe(file);
  expect(se.code, `${se.code}: ${se.reason}`).not.toBe('INTERNAL');
  expect(se.reason.length).toBeGreaterThan(0);
}

/** Normalize a document: never throws; every observation has a rule and points at a text holding its number. */
function expectProvenance(doc: ExtractedDocument): void {
  const norm = normalizeDocument(doc);
  const prose = squash([...doc.blocks.map((b) => b.text), ...doc.pages.flatMap((p) => p.lines)].join('\n'));
  for (const o of norm.observations) {
    expect(Number.isFinite(o.value), JSON.stringify(o)).toBe(true);
    expect(o.rules.length, JSON.stringify(o)).toBeGreaterThan(0);
    expect(o.confidence).toBeGreaterThanOrEqual(0);
    expect(o.confidence).toBeLessThanOrEqual(1);
    if (o.table_index !== null) {
      const t = doc.tables.find((x) => x.index === o.table_index);
      expect(t, `table ${o.table_index}`).toBeDefined();
      expect(o.row).not.toBeNull();
      expect(o.col).not.toBeNull();
      const cell = t!.cells.find((c) => c.row === o.row && c.col === o.col);
      expect(cell, `cell ${o.row},${o.col} of table ${o.table_index}`).toBeDefined();
      // a number read from a table is read from a cell of that table (a cell's sentence for prose in a cell)
      expect(squash(cell!.text), JSON.stringify(o)).toContain(squash(o.value_text));
    } else {
      expect(prose, JSON.stringify(o)).toContain(squash(o.value_text));
    }
  }
}

function timed<T>(f: () => T): T {
  const t0 = performance.now();
  const r = f();
  expect(performance.now() - t0, 'one case took too long').toBeLessThan(CASE_MS);
  return r;
}

describe('what fuzzing found', () => {
  it('a number with more digits than a double holds is refused, never stored as Infinity, NaN or rounded', () => {
    // was: a 330-digit cell became NaN (Infinity, scaled) and the whole document failed to store (NOT NULL
    // constraint failed: observations.value); a 20-digit one would have been stored rounded
    const doc = extractBytes(
      Buffer.from(
        `所沢市 実績\n\n区分\t令和3年度\t令和4年度\n居宅介護\t${'9'.repeat(330)}人\t12人\n生活介護\t12345678901234567890人\t5人\n短期入所\t${'9'.repeat(40)}千円\t3千円\n`,
      ),
      'big.txt',
    );
    const norm = normalizeDocument(doc);
    expect(norm.observations.map((o) => [o.value_text, o.value])).toEqual([
      ['12人', 12],
      ['5人', 5],
      ['3千円', 3000],
    ]);
    expect(norm.issues.filter((i) => i.code === 'NUMBER_REFUSED').map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/more digits than a number can hold exactly/)]),
    );
    expectProvenance(doc);
  });
});

describe('what fuzzing found (2)', () => {
  it('a value whose label, kind and unit all came from quiet default rules still names the rules that read it', () => {
    // was (CI, seed -1396365308): the second value of a line whose kind a marker earlier in it stated was read only
    // by quiet rules (label.own, kind.running …) and stored with `rules: []`: no provenance of how it was read
    const doc = extractBytes(Buffer.from('x 見込 居宅介護 9 人 1,000 0.00 5 人\n'), 'quiet.txt');
    const norm = normalizeDocument(doc);
    const five = norm.observations.find((o) => o.value === 5);
    expect(five?.rules).toEqual(expect.arrayContaining(['kind.running', 'label.own']));
    expectProvenance(doc);
  });
});

describe('fuzzing the readers in process', () => {
  it('random and mutated text exports: a document with provenance, or a typed error naming the file', () => {
    let n = 0;
    fc.assert(
      fc.property(textFile, (f) => {
        const file = `fuzz-${n++}.${f.ext}`;
        const bytes = fileBytes(f);
        let doc: ExtractedDocument | undefined;
        try {
          doc = timed(() => extractBytes(bytes, file));
        } catch (e) {
          expectTypedFailure(e, file);
          return;
        }
        expect(doc.path).toBe(file);
        timed(() => expectProvenance(doc));
      }),
      runs(60),
    );
  }, 120_000);

  it('mutated PDFs: a document with provenance, or a typed error naming the file', async () => {
    const dir = join(TMP, 'pdf');
    mkdirSync(dir);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(pdfFile, async (p) => {
        const file = join(dir, `m${n++}.pdf`);
        writeFileSync(file, pdfBytes(p));
        const t0 = performance.now();
        let doc: ExtractedDocument | undefined;
        try {
          doc = await extractDocument(file, { ocr: 'never' });
        } catch (e) {
          expectTypedFailure(e, file);
          return;
        } finally {
          expect(performance.now() - t0, 'one PDF took too long').toBeLessThan(CASE_MS * 2);
        }
        timed(() => expectProvenance(doc));
      }),
      runs(15),
    );
  }, 180_000);
});

// ------------------------------------------------------------------------------------------------------------
// Through the CLI
// ------------------------------------------------------------------------------------------------------------

/** The CLI in a child process, awaited (a synchronous spawn would stall vitest's worker for its whole run). */
function shiryo(
  args: string[],
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.on('error', fail).on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    });
  });
}

const exportLines = async (db: string) =>
  (await shiryo(['export', '--db', db, '--format', 'jsonl'])).stdout.split('\n').filter(Boolean).sort();

describe('fuzzing `shiryo ingest`', () => {
  it('a batch of generated text files and mutated PDFs: no stack trace, every failure named, nothing stored lost', async () => {
    const base = join(TMP, 'cli');
    const docs = join(base, 'docs');
    mkdirSync(docs, { recursive: true });
    const db = join(base, 'x.db');
    // a good document stored first
    const good = join(base, 'good.txt');
    writeFileSync(good, readFileSync(join(ROOT, 'test/corpus/good-utf8.txt')));
    expect((await shiryo(['ingest', good, '--db', db, '-q', '--no-summary'])).code).toBe(0);
    const before = await exportLines(db);
    expect(before).toHaveLength(4);

    const texts = fc.sample(textFile, { numRuns: 24 * SCALE, ...(SEED !== undefined ? { seed: SEED } : { seed: 16 }) });
    const pdfs = fc.sample(pdfFile, { numRuns: 6 * SCALE, ...(SEED !== undefined ? { seed: SEED } : { seed: 16 }) });
    texts.forEach((f, i) => {
      writeFileSync(join(docs, `t${i}${f.ext ? `.${f.ext}` : ''}`), fileBytes(f));
    });
    pdfs.forEach((p, i) => {
      writeFileSync(join(docs, `p${i}.pdf`), pdfBytes(p));
    });
    // and a copy of the good one, so that the batch has one file certainly stored
    writeFileSync(join(docs, 'good-again.txt'), readFileSync(good));
    // the walk reads the extensions shiryo knows (.csv since spreadsheets are read; a name without one is not a
    // document to it)
    const names = readdirSync(docs).filter((n) => /\.(txt|md|html|htm|tsv|csv|xlsx|xlsm|pdf)$/i.test(n));
    expect(names.length).toBeGreaterThan(20);

    const r = await shiryo(['ingest', docs, '--db', db, '--no-summary', '--ocr', 'never', '--timeout', '60']);
    expect(r.signal, r.stderr.slice(-2000)).toBeNull();
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/INTERNAL/);
    expect(r.code).toBe(0);
    const failed = r.stderr.split('\n').filter((l) => l.includes('✗ '));
    for (const l of failed) expect(l).toMatch(new RegExp(`✗ ${docs}/[^:]+: [A-Z_]+: \\S`));
    const summary = r.stderr.match(/ingested (\d+)\/(\d+) files .*failed (\d+)\)/);
    expect(summary, r.stderr.slice(-500)).not.toBeNull();
    expect(Number(summary![2])).toBe(names.length);
    expect(Number(summary![3])).toBe(failed.length);

    const sql = new Database(db, { readonly: true });
    try {
      expect(sql.pragma('integrity_check', { simple: true })).toBe('ok');
      // every file is either stored (at its path) or a failure row naming it; a file is never both
      const storedPaths = new Set(sql.prepare('SELECT path FROM document_paths').pluck().all() as string[]);
      const failures = new Set(
        sql.prepare('SELECT path FROM issues WHERE document_id IS NULL').pluck().all() as string[],
      );
      for (const name of names) {
        const p = join(docs, name);
        expect(
          storedPaths.has(p) !== failures.has(p),
          `${name}: stored ${storedPaths.has(p)}, failed ${failures.has(p)}`,
        ).toBe(true);
      }
      expect(failures.size).toBe(failed.length);
      // no document half stored
      expect(
        sql
          .prepare(
            `SELECT d.id FROM documents d
             WHERE d.n_observations != (SELECT count(*) FROM observations o WHERE o.document_id = d.id)
                OR d.n_tables != (SELECT count(*) FROM tables t WHERE t.document_id = d.id)`,
          )
          .all(),
      ).toEqual([]);
    } finally {
      sql.close();
    }
    // what was stored before is all still there
    const after = new Set(await exportLines(db));
    for (const l of before) expect(after.has(l), l).toBe(true);
  }, 180_000);
});
