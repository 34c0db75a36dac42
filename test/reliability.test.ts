/**
 * The cases of issue 16's list of broken inputs that the corpus (test/broken-corpus.test.ts) and the hostile tree
 * (test/hostile.test.ts) leave out, made here at test time: PDFs of odd shapes (2,000 pages, a page 5 m wide, a
 * page that is only an image, no page at all), an unreadable file, a 5 MB line, a 50,000-row markdown table,
 * 2,000 tiny files, a memory ceiling per document, and a document's markup in the review report. docs/reliability.md
 * lists every case of the issue with the test that asserts it.
 */
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pipeline.js';

const BIN = join(ROOT, 'packages/cli/bin/shiryo.mjs');
const GOOD = readFileSync(join(ROOT, 'test/corpus/good-utf8.txt'), 'utf8');
/** Permissions do not stop root: the unreadable-file case runs the CLI as `nobody`. */
const AS_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

const require = createRequire(join(ROOT, 'packages/extractor/package.json'));
/** pdf-lib, a dependency of the extractor (untyped here: the test project does not see its types). */
interface PdfPageLike {
  drawText(s: string, o: { x: number; y: number; size: number; font: unknown }): void;
  drawImage(img: unknown, o: { x: number; y: number; width: number; height: number }): void;
}
interface PdfDocLike {
  embedFont(name: string): Promise<unknown>;
  embedPng(png: Uint8Array): Promise<unknown>;
  addPage(size: [number, number]): PdfPageLike;
  save(o?: { addDefaultPage?: boolean }): Promise<Uint8Array>;
}
const { PDFDocument, StandardFonts } = require('pdf-lib') as {
  PDFDocument: { create(): Promise<PdfDocLike> };
  StandardFonts: { Helvetica: string };
};

/** The CLI in a child process, awaited (a synchronous spawn would stall vitest's worker). */
function shiryo(
  args: string[],
  user = false,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(user ? AS_USER : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', fail).on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** A temporary folder every user may write (the CLI may run as `nobody`). */
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'shiryo-reliab-'));
  chmodSync(d, 0o777);
  return d;
}

const noStack = (s: string) => expect(s).not.toMatch(/^\s+at |INTERNAL/m);

/** A grey PNG of w×h pixels (8-bit greyscale, one filter byte a row). */
function png(w: number, h: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc((w + 1) * h, 0x80);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('PDFs of odd shapes, and an unreadable file, in one batch', () => {
  it('2,000 pages, a page 5 m wide, an image-only page, no page, a file nobody may read: each as it should', async () => {
    const dir = tmp();
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    chmodSync(docs, 0o777);

    const many = await PDFDocument.create();
    const helv = await many.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 2000; i++)
      many.addPage([595, 842]).drawText(`page ${i + 1}`, { x: 50, y: 800, size: 10, font: helv });
    writeFileSync(join(docs, 'pages-2000.pdf'), await many.save());

    // 5 m = 14,173 pt (PDF allows up to 14,400): a text at each end
    const wide = await PDFDocument.create();
    const wf = await wide.embedFont(StandardFonts.Helvetica);
    const wp = wide.addPage([14_173, 842]);
    wp.drawText('left end 2021 120', { x: 50, y: 800, size: 10, font: wf });
    wp.drawText('right end 99', { x: 14_000, y: 400, size: 10, font: wf });
    writeFileSync(join(docs, 'wide-5m.pdf'), await wide.save());

    const scan = await PDFDocument.create();
    scan.addPage([595, 842]).drawImage(await scan.embedPng(png(64, 64)), { x: 0, y: 0, width: 595, height: 842 });
    writeFileSync(join(docs, 'image-only.pdf'), await scan.save());

    const none = await PDFDocument.create();
    // (pdf-lib adds a blank page to a document without one unless told not to)
    writeFileSync(join(docs, 'no-pages.pdf'), await none.save({ addDefaultPage: false }));

    writeFileSync(join(docs, 'good.txt'), GOOD);
    writeFileSync(join(docs, 'unreadable.txt'), GOOD.replace('120', '777'));
    chmodSync(join(docs, 'unreadable.txt'), 0o000);

    const db = join(dir, 'x.db');
    const r = await shiryo(['ingest', docs, '--db', db, '--ocr', 'never', '--no-summary'], true);
    noStack(r.stderr);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`✗ ${join(docs, 'no-pages.pdf')}: EMPTY_DOCUMENT: `);
    expect(r.stderr).toContain(`✗ ${join(docs, 'unreadable.txt')}: FILE_UNREADABLE: permission denied`);
    expect(r.stderr).toContain(
      `ingested 4/6 files into ${db} (inserted 4, replaced 0, updated 0, unchanged 0, failed 2)`,
    );

    const sql = new Database(db, { readonly: true });
    try {
      const docOf = (name: string) =>
        sql
          .prepare(
            'SELECT d.id, d.n_pages FROM documents d JOIN document_paths p ON p.document_id = d.id WHERE p.path = ?',
          )
          .get(join(docs, name)) as { id: number; n_pages: number } | undefined;
      // every one of the 2,000 pages stored, with its own text
      const many2000 = docOf('pages-2000.pdf')!;
      expect(many2000.n_pages).toBe(2000);
      expect(sql.prepare('SELECT count(*) FROM pages WHERE document_id = ?').pluck().get(many2000.id)).toBe(2000);
      expect(sql.prepare('SELECT text FROM pages WHERE document_id = ? AND page = 2000').pluck().get(many2000.id)).toBe(
        'page 2000',
      );
      // the wide page: its width kept and both ends of it read
      const w = docOf('wide-5m.pdf')!;
      const page = sql.prepare('SELECT width, text FROM pages WHERE document_id = ?').get(w.id) as {
        width: number;
        text: string;
      };
      expect(page.width).toBe(14_173);
      expect(page.text).toContain('left end 2021 120');
      expect(page.text).toContain('right end 99');
      // the image-only page: stored, marked as needing OCR, and said so
      const s = docOf('image-only.pdf')!;
      expect(sql.prepare('SELECT needs_ocr FROM pages WHERE document_id = ?').pluck().get(s.id)).toBe(1);
      expect(sql.prepare('SELECT code FROM issues WHERE document_id = ?').pluck().all(s.id)).toContain(
        'PAGE_NEEDS_OCR',
      );
      expect(sql.prepare('SELECT count(*) FROM observations WHERE document_id = ?').pluck().get(s.id)).toBe(0);
      // the good file stored whole
      expect(
        sql.prepare('SELECT count(*) FROM observations WHERE document_id = ?').pluck().get(docOf('good.txt')!.id),
      ).toBe(4);
      expect(
        Object.fromEntries(
          (
            sql.prepare('SELECT path, code FROM issues WHERE document_id IS NULL').all() as {
              path: string;
              code: string;
            }[]
          ).map((i) => [i.path.slice(docs.length + 1), i.code]),
        ),
      ).toEqual({ 'no-pages.pdf': 'EMPTY_DOCUMENT', 'unreadable.txt': 'FILE_UNREADABLE' });
    } finally {
      sql.close();
    }
  }, 240_000);
});

/**
 * Extraction of one file in a child process (the built extractor), summarized: minutes of synchronous reading in
 * vitest's worker stall its RPC ("Timeout calling onTaskUpdate").
 */
async function extractedSummary(file: string): Promise<{
  ms: number;
  maxBlock: number;
  blocksText: string;
  issues: { code: string; message: string }[];
  tables: { nRows: number; nCols: number; last: string[] }[];
}> {
  const script = `
    import { extractDocument } from ${JSON.stringify(join(ROOT, 'packages/extractor/dist/index.js'))};
    const t0 = Date.now();
    const d = await extractDocument(process.argv[1]);
    const ms = Date.now() - t0;
    process.stdout.write(JSON.stringify({
      ms,
      maxBlock: Math.max(0, ...d.blocks.map((b) => b.text.length)),
      blocksText: d.blocks.map((b) => b.text.replace(/\\s/g, '')).join(''),
      issues: d.issues.map((i) => ({ code: i.code, message: i.message })),
      tables: d.tables.map((t) => ({ nRows: t.nRows, nCols: t.nCols,
        last: t.cells.filter((c) => c.row === t.nRows - 1).sort((a, b) => a.col - b.col).map((c) => c.text) })),
    }));`;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    child.on('error', fail).on('close', (code) => {
      if (code !== 0) fail(new Error(`extraction of ${file} exited ${code}: ${err}`));
      else done(JSON.parse(out));
    });
  });
}

describe('large text, bounded where it is read', () => {
  it('a 5 MB line: cut into blocks of at most 2,000 characters, nothing lost, reported (LINE_CUT)', async () => {
    const unit = '居宅介護 12人 令和3年度 ';
    const text = unit.repeat(Math.ceil(5_000_000 / Buffer.byteLength(unit)));
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(5_000_000);
    const file = join(tmp(), 'line-5mb.txt');
    writeFileSync(file, text);
    const d = await extractedSummary(file);
    expect(d.ms).toBeLessThan(30_000);
    expect(d.maxBlock).toBeGreaterThan(1000);
    expect(d.maxBlock).toBeLessThanOrEqual(2000);
    expect(d.issues.find((i) => i.code === 'LINE_CUT')?.message).toMatch(
      new RegExp(`line 1 is ${text.length} characters long .* read as \\d+ separate blocks`),
    );
    // nothing lost: the blocks hold every character but the spaces at the cuts
    expect(d.blocksText).toBe(text.replace(/\s/g, ''));
  }, 90_000);

  it('a markdown table of 50,000 rows: every row read, in linear time (was: over 400 s, quadratic repairs)', async () => {
    const rows = ['| サービス | 令和3年度 | 令和4年度 |', '|---|---|---|'];
    for (let i = 0; i < 50_000; i++) rows.push(`| 項目${i} | ${i} | ${i + 1} |`);
    const file = join(tmp(), 'rows-50000.md');
    writeFileSync(file, `# 第6期障害福祉計画\n\n${rows.join('\n')}\n`);
    const d = await extractedSummary(file);
    // 12 s on a machine under a load of 18; quadratic, it took minutes
    expect(d.ms).toBeLessThan(45_000);
    expect(d.tables).toEqual([{ nRows: 50_001, nCols: 3, last: ['項目49999', '49999', '50000'] }]);
  }, 120_000);
});

describe('limits per document and many files', () => {
  it('--max-memory: a file whose extraction needs more is one TOO_LARGE line and issue row; the batch goes on', async () => {
    const dir = tmp();
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    // a 5 MB line: ~200 MB of heap to extract
    writeFileSync(join(docs, 'big.txt'), '居宅介護 12人 令和3年度 '.repeat(140_000));
    copyFileSync(join(ROOT, 'test/corpus/good-sjis.txt'), join(docs, 'good.txt'));
    const db = join(dir, 'x.db');
    const r = await shiryo(['ingest', docs, '--db', db, '--max-memory', '64', '--jobs', '1', '--no-summary']);
    noStack(r.stderr);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `✗ ${join(docs, 'big.txt')}: TOO_LARGE: extracting it needed more than the memory ceiling of 64 MB`,
    );
    expect(r.stderr).toMatch(/inserted +\S*good\.txt \(川越市 112011/);
    const sql = new Database(db, { readonly: true });
    try {
      expect(sql.prepare('SELECT path, code FROM issues WHERE document_id IS NULL').all()).toEqual([
        { path: join(docs, 'big.txt'), code: 'TOO_LARGE' },
      ]);
      expect(sql.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(4);
    } finally {
      sql.close();
    }
  }, 150_000);

  it('2,000 tiny files in one folder: each stored once, with its number', async () => {
    const dir = tmp();
    const docs = join(dir, 'tiny');
    mkdirSync(docs);
    for (let i = 0; i < 2000; i++) writeFileSync(join(docs, `t${i}.txt`), `居宅介護 令和3年度 ${i}人\n`);
    const db = join(dir, 'x.db');
    const r = await shiryo(['ingest', docs, '--db', db, '-q', '--no-summary']);
    noStack(r.stderr);
    expect(r.code).toBe(0);
    const sql = new Database(db, { readonly: true });
    try {
      expect(sql.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2000);
      expect(sql.prepare('SELECT count(DISTINCT path) FROM document_paths').pluck().get()).toBe(2000);
      expect(sql.prepare("SELECT count(*) FROM issues WHERE severity = 'error'").pluck().get()).toBe(0);
      // each file's one number, read from its own file
      const got = sql
        .prepare(`SELECT p.path, o.value FROM observations o JOIN document_paths p ON p.document_id = o.document_id`)
        .all() as { path: string; value: number }[];
      expect(got).toHaveLength(2000);
      for (const g of got) expect(g.path).toBe(join(docs, `t${g.value}.txt`));
    } finally {
      sql.close();
    }
  }, 300_000);
});

describe('markup inside a document, in the review report', () => {
  it('a label holding <script> and a line holding ]]> and an onerror attribute are drawn as text, never run', async () => {
    const dir = tmp();
    const doc = join(dir, 'xss.txt');
    writeFileSync(
      doc,
      GOOD.replace('居宅介護', '居宅介護<script>alert(1)</script>').replace(
        '所沢市の障害福祉サービス',
        '所沢市の]]><img src=x onerror=alert(2)>障害福祉サービス',
      ),
    );
    const out = join(dir, 'report');
    const r = await shiryo(['report', doc, '--out', out]);
    noStack(r.stderr);
    expect(r.code).toBe(0);
    const pages = readdirSync(out).filter((f) => f.endsWith('.html') && f !== 'index.html');
    expect(pages).toHaveLength(1);
    const page = readFileSync(join(out, pages[0]!), 'utf8');
    // the page's own script only; the document's markup escaped wherever it is shown
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('alert(1)</script>');
    expect(page).toContain('居宅介護&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toMatch(/\]\]&gt;&lt;img src=x onerror=alert\(2\)&gt;/);
  }, 150_000);
});
