#!/usr/bin/env node
/**
 * Writes test/corpus/: small broken and awkward inputs, each a case of test/broken-corpus.test.ts (issue 16).
 *
 *   node scripts/make-broken-corpus.mjs        # needs qpdf (Debian package qpdf) for the encrypted PDFs
 *
 * Deterministic: the same bytes every run (no dates, a seeded generator). Large inputs (a 5 MB line, 5,000
 * columns, 10,000-deep HTML) and file names git handles badly (a newline, a leading dash) are made by the tests
 * in a temporary folder instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'test/corpus');
const Encoding = createRequire(join(ROOT, 'packages/extractor/package.json'))('encoding-japanese');

/** A small document shiryo reads: a heading, a sentence and a TSV table of two services. */
const GOOD = [
  '第6期障害福祉計画 実績',
  '',
  '所沢市の障害福祉サービスの利用実績は次のとおりです。',
  '',
  'サービス\t令和3年度\t令和4年度',
  '居宅介護（人/月）\t120\t131',
  '生活介護（人/月）\t410\t422',
  '',
].join('\n');

function encode(text, to) {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE' }));
}

function utf16(text, le, bom) {
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  const mark = le ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}

/** xorshift32: the same "random" bytes every run. */
function bytes(n, seed) {
  let x = seed;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const pdf = readFileSync(join(ROOT, 'fixtures/pdf-ruled-services/source.pdf'));

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const put = (name, data) => writeFileSync(join(OUT, name), data);

// good files, in every encoding the README promises
put('good-utf8.txt', GOOD);
put('good-utf8-bom.txt', `\ufeff${GOOD}`);
put('good-sjis.txt', encode(GOOD.replace('所沢市', '川越市'), 'SJIS'));
put('good-eucjp.txt', encode(GOOD.replace('所沢市', '熊谷市'), 'EUCJP'));
put('good-utf16le-bom.txt', utf16(GOOD.replace('所沢市', '草加市'), true, true));
put('good-utf16be-bom.txt', utf16(GOOD.replace('所沢市', '越谷市'), false, true));
put('utf16le-nobom.txt', utf16(GOOD.replace('所沢市', '春日部市'), true, false));
put(
  'good-mixed-eol.txt',
  GOOD.replace('所沢市', '狭山市')
    .split('\n')
    .map((l, i) => l + ['\r\n', '\r', '\n'][i % 3])
    .join(''),
);
put('good.pdf', pdf);

// broken text
put('zero-bytes.txt', new Uint8Array(0));
put('only-whitespace.txt', ' \n\t\n\u3000\n');
put('binary.txt', bytes(4096, 0x2545f491));
put('png-named.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), bytes(512, 7)]));
const utf8 = Buffer.from(GOOD.replace('所沢市', '入間市'));
put('invalid-utf8.txt', Buffer.concat([utf8.subarray(0, 40), Buffer.from([0xff, 0xfe, 0xc3]), utf8.subarray(40)]));
put('nul-bytes.txt', Buffer.concat([utf8.subarray(0, 60), Buffer.alloc(8), utf8.subarray(60)]));
put('unterminated.html', '<html><body><h1>計画</h1><table><tr><th>区分</th><th>令和3年度<tr><td>居宅介護<td>12');

// broken PDFs
put('truncated.pdf', pdf.subarray(0, Math.floor(pdf.length / 3)));
put('header-only.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'));
const xref = Buffer.from(pdf);
const at = xref.lastIndexOf('startxref');
xref.write('startxref\n99999999\n%%EOF\n', at, 'latin1');
put('corrupt-xref.pdf', xref.subarray(0, at + 'startxref\n99999999\n%%EOF\n'.length));
put('html-named.pdf', '<!doctype html><html><body><p>This is not a PDF.</p></body></html>');
put('binary-named.pdf', bytes(2048, 0x1234567));
const tmp = join(OUT, 'plain.tmp.pdf');
writeFileSync(tmp, pdf);
execFileSync('qpdf', [
  '--static-id',
  '--static-aes-iv',
  '--encrypt',
  'user-secret',
  'owner-secret',
  '128',
  '--use-aes=y',
  '--',
  tmp,
  join(OUT, 'encrypted-user-password.pdf'),
]);
execFileSync('qpdf', [
  '--static-id',
  '--static-aes-iv',
  '--encrypt',
  '',
  'owner-secret',
  '128',
  '--use-aes=y',
  '--',
  tmp,
  join(OUT, 'encrypted-owner-only.pdf'),
]);
rmSync(tmp);

console.log(`wrote ${OUT}`);
