/**
 * extractDocument with PDFs: a file whose first KiB holds `%PDF-` (or that is named .pdf and is no other known
 * binary) goes to `readPdf`; everything else to the text-export reader, unchanged.
 */

import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { type ExtractedDocument, ShiryoError, toShiryoError } from '@shiryo/model';
import { DEFAULT_MAX_BYTES } from '../decode.js';
import { type ExtractOptions, extractText, extractDocument as extractTextFile } from '../extract.js';
import { xlsxToText } from '../sheet.js';
import { extensionOf, sniffBinary } from '../sniff.js';
import { type ReadPdfOptions, readPdf } from './read.js';

export type ExtractFileOptions = ExtractOptions & ReadPdfOptions;

/** The first KiB of a file, or null when it cannot be read (the text reader then reports why). */
async function head(path: string): Promise<Uint8Array | null> {
  try {
    const fh = await open(path, 'r');
    try {
      const buf = new Uint8Array(1024);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return null;
  }
}

/** Is this file for the PDF reader? */
export function isPdfFile(path: string, first: Uint8Array): boolean {
  const kind = sniffBinary(first);
  return kind?.kind === 'pdf' || (!kind && extensionOf(path) === 'pdf');
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' as const;

/** Is this file an Excel workbook (a ZIP named .xlsx or .xlsm)? */
export function isXlsxFile(path: string, first: Uint8Array): boolean {
  return ['xlsx', 'xlsm'].includes(extensionOf(path)) && sniffBinary(first)?.name.startsWith('ZIP') === true;
}

/** An Excel workbook: its sheets as TSV text, read by the text-export reader (sheet.ts). */
async function extractXlsx(path: string, opts: ExtractFileOptions): Promise<ExtractedDocument> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    if (st.size > maxBytes) {
      throw new ShiryoError('TOO_LARGE', path, `${st.size} bytes is over the limit of ${maxBytes} bytes`);
    }
    bytes = await readFile(path);
  } catch (e) {
    throw toShiryoError(e, path, 'FILE_UNREADABLE');
  }
  let sheet: Awaited<ReturnType<typeof xlsxToText>>;
  try {
    sheet = await xlsxToText(bytes);
  } catch (e) {
    throw new ShiryoError(
      'DECODE_FAILED',
      path,
      `not a readable Excel workbook: ${e instanceof Error ? e.message : String(e)}`,
      {
        cause: e,
      },
    );
  }
  if (!sheet.text.trim()) throw new ShiryoError('EMPTY_DOCUMENT', path, 'the workbook has no cell with a value');
  return extractText(sheet.text, path, {
    mediaType: XLSX,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    meta: { sheets: sheet.sheets.join(' / ') },
  });
}

/** Read and extract one file of any supported kind. Every failure is a ShiryoError naming the file. */
export async function extractDocument(path: string, opts: ExtractFileOptions = {}): Promise<ExtractedDocument> {
  // A named pipe or a device is never opened (reading one can block forever): the text reader refuses it by stat.
  const regular = await stat(path).then(
    (st) => st.isFile(),
    () => false,
  );
  if (!regular) return extractTextFile(path, opts);
  const first = await head(path);
  if (first && isXlsxFile(path, first)) return extractXlsx(path, opts);
  if (!first || !isPdfFile(path, first)) return extractTextFile(path, opts);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    if (st.size > maxBytes) {
      throw new ShiryoError('TOO_LARGE', path, `${st.size} bytes is over the limit of ${maxBytes} bytes`);
    }
    bytes = await readFile(path);
  } catch (e) {
    throw toShiryoError(e, path, 'FILE_UNREADABLE');
  }
  return readPdf(bytes, path, opts);
}
