/**
 * Entry points: a file (or text) → ExtractedDocument. Reads the file, hashes it, sniffs its media type,
 * decodes it and dispatches to the HTML reader or the text-export reader.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { type ExtractedDocument, type MediaType, ShiryoError, toShiryoError } from '@shiryo/model';
import { assembleDocument } from './assemble.js';
import { DEFAULT_MAX_BYTES, decodeText } from './decode.js';
import { type DocIssue, keySource } from './draft.js';
import { htmlTitle } from './html.js';
import { readHtmlDocument } from './htmldoc.js';
import { LimitExceeded } from './limits.js';
import { csvToTsv } from './sheet.js';
import { extensionOf, sniffBinary, sniffText } from './sniff.js';
import { readTextDocument } from './textdoc.js';

export interface ExtractOptions {
  /** Files larger than this fail with TOO_LARGE. Default 64 MiB. */
  maxBytes?: number;
}

export interface ExtractTextOptions {
  /** Skip sniffing and read the text as this media type. */
  mediaType?: MediaType;
  encoding?: string;
  sha256?: string;
  bytes?: number;
  meta?: Record<string, string>;
}

const PDF_REASON = 'PDF input needs the PDF reader (not built yet)';

function fsError(e: unknown, path: string): ShiryoError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new ShiryoError('FILE_NOT_FOUND', path, 'no such file', { cause: e });
  if (code === 'EISDIR') return new ShiryoError('FILE_UNREADABLE', path, 'is a directory, not a file', { cause: e });
  if (code === 'EACCES' || code === 'EPERM') {
    return new ShiryoError('FILE_UNREADABLE', path, 'permission denied', { cause: e });
  }
  return toShiryoError(e, path, 'FILE_UNREADABLE');
}

function specialKind(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

/** Read and extract one file. Every failure is a ShiryoError naming the file. */
export async function extractDocument(path: string, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new ShiryoError('FILE_UNREADABLE', path, 'is a directory, not a file');
    if (!st.isFile()) throw new ShiryoError('FILE_UNREADABLE', path, `${specialKind(st)}, not a regular file: skipped`);
    if (st.size > maxBytes) {
      throw new ShiryoError('TOO_LARGE', path, `${st.size} bytes is over the limit of ${maxBytes} bytes`);
    }
    bytes = await readFile(path);
  } catch (e) {
    throw e instanceof ShiryoError ? e : fsError(e, path);
  }
  return extractBytes(bytes, path, { maxBytes });
}

/** Extract from bytes already read (`path` names the source in errors and in the document). */
export function extractBytes(bytes: Uint8Array, path: string, opts: ExtractOptions = {}): ExtractedDocument {
  try {
    if (bytes.length === 0) throw new ShiryoError('EMPTY_DOCUMENT', path, 'the file is empty (0 bytes)');
    const binary = sniffBinary(bytes);
    if (binary?.kind === 'pdf' || (!binary && extensionOf(path) === 'pdf')) {
      throw new ShiryoError('UNSUPPORTED_MEDIA', path, PDF_REASON);
    }
    if (binary) throw new ShiryoError('UNSUPPORTED_MEDIA', path, `${binary.name}: not a text document`);
    const { text, encoding, bom } = decodeText(bytes, path, opts);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const meta: Record<string, string> = bom ? { bom: 'true' } : {};
    // CSV: its records as TSV lines, read by the TSV reader (sheet.ts)
    if (extensionOf(path) === 'csv')
      return extractText(csvToTsv(text), path, { mediaType: 'text/csv', encoding, sha256, bytes: bytes.length, meta });
    return extractText(text, path, { encoding, sha256, bytes: bytes.length, meta });
  } catch (e) {
    throw toShiryoError(e, path);
  }
}

/** Extract from decoded text (tests, and callers that decoded already). Newlines are normalised to `\n`. */
export function extractText(text: string, path: string, opts: ExtractTextOptions = {}): ExtractedDocument {
  try {
    const normalized = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
    if (!normalized.trim()) throw new ShiryoError('EMPTY_DOCUMENT', path, 'the text is empty or only whitespace');
    const mediaType = opts.mediaType ?? sniffText(path, normalized);
    if (mediaType === 'application/pdf') throw new ShiryoError('UNSUPPORTED_MEDIA', path, PDF_REASON);
    const keys = keySource();
    const meta = { ...opts.meta };
    const issues: DocIssue[] = [];
    let items: ReturnType<typeof readTextDocument>;
    if (mediaType === 'text/html') {
      items = readHtmlDocument(normalized, keys);
      const title = htmlTitle(normalized);
      if (title) meta.title = title;
    } else items = readTextDocument(normalized, keys, issues);
    const base = {
      sha256: opts.sha256 ?? createHash('sha256').update(normalized, 'utf8').digest('hex'),
      path,
      mediaType,
      bytes: opts.bytes ?? Buffer.byteLength(normalized, 'utf8'),
      lines: normalized.split('\n'),
      meta,
      ...(issues.length ? { issues } : {}),
    };
    return assembleDocument(items, opts.encoding === undefined ? base : { ...base, encoding: opts.encoding });
  } catch (e) {
    if (e instanceof LimitExceeded) throw new ShiryoError(e.code, path, e.reason);
    throw toShiryoError(e, path);
  }
}
