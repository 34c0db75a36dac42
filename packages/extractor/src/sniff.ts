/**
 * Media type of a source from its bytes (signatures), its extension and its text.
 * Binary signatures always win over the extension; for text the extension decides, then the content.
 */
import type { MediaType } from '@shiryo/model';
import { markdownTableAt } from './markdown.js';

/** A signature of a binary format that is no text at all. */
export interface BinaryKind {
  kind: 'pdf' | 'binary';
  /** What it is: `PDF`, `ZIP archive (docx/xlsx/…)`, `PNG image`, … */
  name: string;
}

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP archive (docx/xlsx/…)'],
  [[0x50, 0x4b, 0x05, 0x06], 'ZIP archive'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x49, 0x49, 0x2a, 0x00], 'TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'TIFF image'],
  [[0x42, 0x4d], 'BMP image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'OLE2 document (doc/xls)'],
  [[0x1f, 0x8b], 'gzip archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z archive'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR archive'],
];

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

/** A PDF (`%PDF-` in the first KiB) or another binary format by its magic bytes; null for anything else. */
export function sniffBinary(bytes: Uint8Array): BinaryKind | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { kind: 'pdf', name: 'PDF' };
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { kind: 'binary', name: 'WebP image' };
  }
  for (const [sig, name] of SIGNATURES) if (startsWith(bytes, sig)) return { kind: 'binary', name };
  return null;
}

const BY_EXTENSION: Record<string, MediaType> = {
  pdf: 'application/pdf',
  html: 'text/html',
  htm: 'text/html',
  xhtml: 'text/html',
  md: 'text/markdown',
  markdown: 'text/markdown',
  tsv: 'text/tab-separated-values',
  tab: 'text/tab-separated-values',
  txt: 'text/plain',
  text: 'text/plain',
};

/** The extension of a path, lower case, without the dot ('' when none). */
export function extensionOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** True when the text holds a markdown pipe table (a row with pipes followed by a `|---|` separator). */
export function hasMarkdownTable(lines: string[]): boolean {
  for (let i = 0; i + 1 < lines.length; i++) if (markdownTableAt(lines, i)) return true;
  return false;
}

/**
 * Media type of decoded text. A whole HTML document (`<!doctype html`, `<html`, or text that starts with a
 * `<table`) is text/html whatever its extension; otherwise a known extension decides; otherwise pipes → markdown,
 * tab-separated lines → TSV, else text/plain. HTML inside a TSV cell does not make a document HTML.
 */
export function sniffText(path: string, text: string): MediaType {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (/^(?:<!doctype html|<html[\s>]|<table[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)/.test(head)) return 'text/html';
  const byExt = BY_EXTENSION[extensionOf(path)];
  if (byExt && byExt !== 'application/pdf') return byExt;
  if (/<html[\s>]/i.test(text.slice(0, 4096))) return 'text/html';
  const lines = text.split('\n', 2000);
  if (hasMarkdownTable(lines)) return 'text/markdown';
  const tabbed = lines.filter((l) => l.includes('\t')).length;
  const nonBlank = lines.filter((l) => l.trim()).length;
  if (nonBlank > 0 && tabbed / nonBlank >= 0.5) return 'text/tab-separated-values';
  return 'text/plain';
}
