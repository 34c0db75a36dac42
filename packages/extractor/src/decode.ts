/**
 * Bytes → text. Detects the encoding (UTF-8 with or without BOM, UTF-16 with BOM, Shift_JIS/CP932, EUC-JP,
 * ISO-2022-JP) instead of assuming one, refuses binary input, and normalises newlines to `\n`.
 */
import { ShiryoError } from '@shiryo/model';
import Encoding from 'encoding-japanese';

export interface DecodeOptions {
  /** Inputs larger than this fail with TOO_LARGE. Default 64 MiB. */
  maxBytes?: number;
}

export interface DecodedText {
  text: string;
  /** `UTF8`, `UTF16LE`, `UTF16BE`, `SJIS`, `EUCJP` or `JIS`. */
  encoding: string;
  /** Whether the input started with a byte-order mark (removed from `text`). */
  bom: boolean;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** WHATWG decoder labels for the encodings `Encoding.detect` names. */
const DECODER_LABEL: Record<string, string> = { SJIS: 'shift_jis', EUCJP: 'euc-jp', JIS: 'iso-2022-jp' };

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of characters that text never holds: C0/C1 controls other than tab, newline, CR, form feed, and U+FFFD. */
function garbageShare(text: string): number {
  if (!text) return 0;
  let bad = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad / n;
}

function detectAndDecode(bytes: Uint8Array, path: string): { text: string; encoding: string; bom: boolean } {
  // Byte-order marks decide outright.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    if (text === null) throw new ShiryoError('DECODE_FAILED', path, 'UTF-8 byte-order mark but invalid UTF-8 bytes');
    return { text, encoding: 'UTF8', bom: true };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const le = bytes[0] === 0xff;
    const text = decodeStrict(bytes.subarray(2), le ? 'utf-16le' : 'utf-16be');
    if (text === null) throw new ShiryoError('DECODE_FAILED', path, 'UTF-16 byte-order mark but invalid UTF-16 data');
    return { text, encoding: le ? 'UTF16LE' : 'UTF16BE', bom: true };
  }
  if (bytes.includes(0)) {
    throw new ShiryoError('DECODE_FAILED', path, 'NUL bytes: binary data or UTF-16 without a byte-order mark');
  }
  // Strict UTF-8 first: the common case, and ASCII is valid UTF-8.
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) {
    // ISO-2022-JP is 7-bit and so valid UTF-8; its escape sequences give it away.
    if (/\x1b\$[@B]|\x1b\(J/.test(utf8)) {
      const jis = decodeStrict(bytes, 'iso-2022-jp');
      if (jis !== null) return { text: jis, encoding: 'JIS', bom: false };
    }
    return { text: utf8, encoding: 'UTF8', bom: false };
  }
  const detected = Encoding.detect(bytes, ['SJIS', 'EUCJP']);
  const order = detected === 'EUCJP' ? ['EUCJP', 'SJIS'] : ['SJIS', 'EUCJP'];
  if (detected === 'SJIS' || detected === 'EUCJP') {
    for (const enc of order) {
      const text = decodeStrict(bytes, DECODER_LABEL[enc]!);
      if (text !== null) return { text, encoding: enc, bom: false };
    }
    // The platform decoder refused: let encoding-japanese try (it accepts some vendor extensions).
    const codes = Encoding.convert(bytes, { to: 'UNICODE', from: detected, type: 'array' });
    return { text: Encoding.codeToString(codes), encoding: detected, bom: false };
  }
  throw new ShiryoError('DECODE_FAILED', path, 'not text in UTF-8, UTF-16, Shift_JIS/CP932 or EUC-JP');
}

/**
 * Decode a text source. Throws ShiryoError `EMPTY_DOCUMENT` (no bytes or only whitespace), `TOO_LARGE`
 * (over `maxBytes`) or `DECODE_FAILED` (binary, or no encoding fits). Newlines become `\n`.
 */
export function decodeText(bytes: Uint8Array, path: string, opts: DecodeOptions = {}): DecodedText {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new ShiryoError('EMPTY_DOCUMENT', path, 'the file is empty (0 bytes)');
  if (bytes.length > maxBytes) {
    throw new ShiryoError('TOO_LARGE', path, `${bytes.length} bytes is over the limit of ${maxBytes} bytes`);
  }
  const { text: raw, encoding, bom } = detectAndDecode(bytes, path);
  const text = raw.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n');
  const share = garbageShare(text);
  if (share > 0.01) {
    throw new ShiryoError(
      'DECODE_FAILED',
      path,
      `${(share * 100).toFixed(1)}% control or replacement characters after decoding as ${encoding}: not text`,
    );
  }
  if (!text.trim()) throw new ShiryoError('EMPTY_DOCUMENT', path, 'the file holds only whitespace');
  return { text, encoding, bom };
}
