import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isShiryoError, type ShiryoError } from '@shiryo/model';
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { decodeText, extractDocument } from '../src/index.js';
import { failure, scratchFiles } from './helpers.js';

const SAMPLE = '利用実人数（人／月）\tR3年度 （見込）\tR1実績\n居宅介護\t104\t98\n①地域移行者数　髙橋\t～\t―\n';

const encode = (s: string, to: Encoding.Encoding, bom?: string) =>
  Uint8Array.from(
    Encoding.convert(
      Encoding.stringToCode(s),
      bom ? { to, from: 'UNICODE', type: 'array', bom } : { to, from: 'UNICODE', type: 'array' },
    ),
  );

const { dir, file } = scratchFiles('shiryo-extractor-');

function syncFailure(f: () => unknown): ShiryoError {
  try {
    f();
  } catch (e) {
    if (isShiryoError(e)) return e;
    throw e;
  }
  throw new Error('expected a ShiryoError');
}

/** Deterministic bytes 1..255 (no NUL). */
function garbage(n: number): Uint8Array {
  let x = 12345;
  const g = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    g[i] = 1 + ((x >> 16) % 255);
  }
  return g;
}

describe('decodeText detects the encoding', () => {
  it('reads plain UTF-8', () => {
    const d = decodeText(new TextEncoder().encode(SAMPLE), 'a.txt');
    expect(d).toMatchObject({ text: SAMPLE, encoding: 'UTF8', bom: false });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    const d = decodeText(bytes, 'a.txt');
    expect(d).toMatchObject({ text: SAMPLE, encoding: 'UTF8', bom: true });
  });

  it('reads Shift_JIS', () => {
    const bytes = encode(SAMPLE, 'SJIS');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeText(bytes, 'a.txt')).toMatchObject({ text: SAMPLE, encoding: 'SJIS' });
  });

  it('reads EUC-JP', () => {
    expect(decodeText(encode(SAMPLE, 'EUCJP'), 'a.txt')).toMatchObject({ text: SAMPLE, encoding: 'EUCJP' });
  });

  it('reads UTF-16 with a BOM, little- and big-endian', () => {
    const le = encode(SAMPLE, 'UTF16', 'LE');
    const be = encode(SAMPLE, 'UTF16', 'BE');
    expect([le[0], le[1]]).toEqual([0xff, 0xfe]);
    expect([be[0], be[1]]).toEqual([0xfe, 0xff]);
    expect(decodeText(le, 'a.txt')).toMatchObject({ text: SAMPLE, encoding: 'UTF16LE', bom: true });
    expect(decodeText(be, 'a.txt')).toMatchObject({ text: SAMPLE, encoding: 'UTF16BE', bom: true });
  });

  it('normalises CRLF and CR newlines', () => {
    expect(decodeText(new TextEncoder().encode('a\r\nb\rc\n'), 'a.txt').text).toBe('a\nb\nc\n');
  });

  it('refuses binary data, empty input and input over maxBytes, naming the file', () => {
    expect(syncFailure(() => decodeText(Uint8Array.from([0x41, 0, 0x42, 0]), 'bin.txt'))).toMatchObject({
      code: 'DECODE_FAILED',
      file: 'bin.txt',
    });
    expect(syncFailure(() => decodeText(garbage(4096), 'noise.txt')).code).toBe('DECODE_FAILED');
    expect(syncFailure(() => decodeText(new TextEncoder().encode('a\x01\x02\x03\x04b'), 'ctl.txt')).code).toBe(
      'DECODE_FAILED',
    );
    expect(syncFailure(() => decodeText(new Uint8Array(), 'e.txt')).code).toBe('EMPTY_DOCUMENT');
    expect(syncFailure(() => decodeText(new TextEncoder().encode(' \n\t\u3000\n'), 'ws.txt')).code).toBe(
      'EMPTY_DOCUMENT',
    );
    expect(syncFailure(() => decodeText(new TextEncoder().encode('abcdef'), 'big.txt', { maxBytes: 3 })).code).toBe(
      'TOO_LARGE',
    );
  });
});

describe('extractDocument on files', () => {
  it('extracts a Shift_JIS file and records the encoding, sha256 and size', async () => {
    const bytes = encode(SAMPLE, 'SJIS');
    const doc = await extractDocument(file('sjis.txt', bytes));
    expect(doc.encoding).toBe('SJIS');
    expect(doc.bytes).toBe(bytes.length);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.cells.find((c) => c.row === 0 && c.col === 0)).toMatchObject({
      text: '利用実人数(人/月)',
      orig: '利用実人数（人／月）',
    });
  });

  it('extracts UTF-16 and EUC-JP files to the same tables as UTF-8', async () => {
    const utf8 = await extractDocument(file('u8.txt', new TextEncoder().encode(SAMPLE)));
    const utf16 = await extractDocument(file('u16.txt', encode(SAMPLE, 'UTF16', 'LE')));
    const euc = await extractDocument(file('euc.txt', encode(SAMPLE, 'EUCJP')));
    expect(utf16.tables).toEqual(utf8.tables);
    expect(euc.tables).toEqual(utf8.tables);
    expect(utf16.sha256).not.toBe(utf8.sha256);
  });

  const cases: [string, () => string, string][] = [
    ['an empty file', () => file('empty.txt', ''), 'EMPTY_DOCUMENT'],
    ['binary garbage', () => file('garbage.txt', garbage(2048)), 'DECODE_FAILED'],
    ['NUL-laden bytes', () => file('nul.dat', Uint8Array.from([1, 0, 2, 0, 3, 0, 4])), 'DECODE_FAILED'],
    ['a nonexistent path', () => join(dir, 'missing.txt'), 'FILE_NOT_FOUND'],
    [
      'a directory',
      () => {
        const p = join(dir, 'a-directory');
        mkdirSync(p, { recursive: true });
        return p;
      },
      'FILE_UNREADABLE',
    ],
    ['a broken PDF', () => file('plan.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'PDF_CORRUPT'],
    [
      'a PNG image named .txt',
      () => file('image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])),
      'UNSUPPORTED_MEDIA',
    ],
    [
      'a zip archive',
      () => file('book.zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])),
      'UNSUPPORTED_MEDIA',
    ],
    // (a workbook is read since issue 14 item 9; one cut short is no workbook)
    [
      'a truncated workbook',
      () => file('book.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])),
      'DECODE_FAILED',
    ],
  ];
  for (const [what, make, code] of cases) {
    it(`fails on ${what} with ${code}, naming the file`, async () => {
      const path = make();
      const e = await failure(extractDocument(path));
      expect(e.code).toBe(code);
      expect(e.file).toBe(path);
      expect(e.message).toContain(path);
    });
  }

  it('says why a PDF cannot be read', async () => {
    const e = await failure(extractDocument(file('scan.pdf', '%PDF-1.4\n')));
    expect(e.code).toBe('PDF_CORRUPT');
    expect(e.reason).toMatch(/pdf\.js cannot read it/);
  });

  it('fails on a file over maxBytes with TOO_LARGE', async () => {
    const path = file('large.txt', 'a\tb\n'.repeat(100));
    const e = await failure(extractDocument(path, { maxBytes: 64 }));
    expect(e).toMatchObject({ code: 'TOO_LARGE', file: path });
    await expect(extractDocument(path, { maxBytes: 4096 })).resolves.toMatchObject({ bytes: 400 });
  });
});
