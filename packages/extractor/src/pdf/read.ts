/**
 * readPdf: PDF bytes → ExtractedDocument, page by page with pdf.js (text layer → spans and lines; operator list →
 * rulings on pages that look tabular), tables found by lattice/stream, the other lines read as blocks, all in
 * one `seq` order. A page without usable text is kept, marked `needsOcr`, with a PAGE_NEEDS_OCR issue.
 */
import { createHash } from 'node:crypto';
import type { Block, ExtractedDocument, Issue, Page, Ruling, Table, TextSpan } from '@shiryo/model';
import { ShiryoError, toShiryoError } from '@shiryo/model';
import { unitHintOf } from '../assemble.js';
import type { OcrEngine } from '../ocr/engine.js';
import { type OcrMode, ocrPages } from '../ocr/read.js';
import { repairTable } from '../repairs/index.js';
import { evenOcrLine, linesToBlocks, medianSizeOf, type PlacedBlock, sizeScaleOf } from './blocks.js';
import { attachCaptions } from './captions.js';
import { orderColumns } from './columns.js';
import { toMatrix } from './geometry.js';
import { type FoundTable, verticalsFromText } from './lattice.js';
import { joinLineTexts, type Line, lineSegments, spansToLines } from './lines.js';
import { hasEofMarker, openPdf, type PdfDocument, type PdfJsModule } from './load.js';
import { continuesAcrossPages, endsOpen, findFurniture, joinAcrossPages, recolumnContinuation } from './pages.js';
import { mergeRulings, operatorListToRulings } from './rulings.js';
import { type PdfSettings, type PdfSettingsInput, resolvePdfSettings } from './settings.js';
import { garbageShare, joinVerticalStacks, type PdfTextItem, textItemsToSpans } from './spans.js';
import { findTables } from './tables.js';
import { dropOverdrawn, strayShare, unusableShare } from './textlayer.js';

export interface ReadPdfOptions {
  settings?: PdfSettingsInput;
  /** Read only these pages (1-based; the others are left out of the document), e.g. one page of a long book. */
  pages?: number[];
  /**
   * OCR (`ocr/`): `auto` pages without a usable text layer (those marked `needsOcr`), `always` every page (its text
   * layer set aside), `never` (the default here: OCR costs seconds a page; the CLI defaults to `auto`).
   */
  ocr?: OcrMode;
  /** The OCR engine to use (shared across files); else one is made when a page needs it and closed at the end. */
  ocrEngine?: OcrEngine;
  /** Progress lines, one per OCR'd page (the CLI writes them to stderr). */
  onProgress?: (line: string) => void;
}

/** One page as read, before document-wide assembly. */
export interface PageRead {
  page: Page;
  tables: FoundTable[];
  /** Every line of the page (font sizes are judged on all text), and the lines outside tables, top-down. */
  lines: Line[];
  rest: Line[];
  issues: Issue[];
}

/** Enough lines split into cells that a table may be there: worth the operator list. */
export function looksTabular(lines: Line[], cellGap: number): boolean {
  let multi = 0;
  for (const l of lines) {
    const n = lineSegments(l, cellGap).length;
    if (n >= 3) return true;
    if (n >= 2) multi++;
  }
  return multi >= 2;
}

async function readPage(pdfjs: PdfJsModule, doc: PdfDocument, index: number, s: PdfSettings): Promise<PageRead> {
  const page = await doc.getPage(index);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const vt = toMatrix(viewport.transform);
    const content = await page.getTextContent();
    const items = content.items.filter((it): it is PdfTextItem & (typeof content.items)[number] => 'str' in it);
    // Copies of overdrawn words (fake bold) go first: everything after sees each word once.
    const spans: TextSpan[] = joinVerticalStacks(dropOverdrawn(textItemsToSpans(items, content.styles, vt)));
    const lines = spansToLines(spans);
    const issues: Issue[] = [];
    const garbage = garbageShare(spans);
    const mojibake = unusableShare(spans);
    const unusable = mojibake.share >= s.mojibakeRatio && mojibake.count >= s.mojibakeMin;
    // A scanner's own OCR layer over the page image (ScanSnap): text, but mostly strays, not words.
    const stray = unusable || garbage >= s.garbageRatio ? null : strayShare(lines.map((l) => l.text));
    const strayLayer = !!stray && stray.share >= s.strayRatio && stray.count >= s.strayMin;
    const needsOcr = spans.length === 0 || garbage >= s.garbageRatio || unusable || strayLayer;
    let rulings: Ruling[] = [];
    if (!needsOcr && (s.rulings === 'always' || (s.rulings === 'auto' && looksTabular(lines, s.stream.cellGap)))) {
      const ops = await page.getOperatorList();
      rulings = mergeRulings(operatorListToRulings(ops, pdfjs.OPS, vt), s.lattice.snap, s.lattice.join);
    }
    const out: Page = {
      index,
      width: Math.round(viewport.width * 100) / 100,
      height: Math.round(viewport.height * 100) / 100,
      rotation: page.rotate,
      spans,
      rulings,
      lines: lines.map((l) => l.text),
    };
    if (needsOcr) {
      out.needsOcr = true;
      // Mojibake is not text: no line of it goes on (the document's city and era are read from page lines).
      if (unusable || strayLayer) out.lines = [];
      issues.push(
        strayLayer
          ? {
              code: 'PAGE_TEXT_STRAY',
              severity: 'warn',
              stage: 'read',
              message: `text layer is ${Math.round(stray!.share * 100)}% stray characters (of ${stray!.count} letters and digits, those in no number or word: a scanner's OCR layer?): not read as text, needs OCR`,
              where: `page ${index}`,
            }
          : spans.length > 0 && garbage < s.garbageRatio
            ? {
                code: 'PAGE_TEXT_UNUSABLE',
                severity: 'warn',
                stage: 'read',
                message: `text layer is mojibake (${Math.round(mojibake.share * 100)}% of its non-ASCII characters are of scripts a Japanese page does not use: a font without a usable ToUnicode map): not read as text, needs OCR`,
                where: `page ${index}`,
              }
            : {
                code: 'PAGE_NEEDS_OCR',
                severity: 'warn',
                stage: 'read',
                message:
                  spans.length === 0
                    ? 'no text layer (a scanned page?): needs OCR'
                    : `text layer is ${Math.round(garbage * 100)}% unreadable characters (U+FFFD, private use): needs OCR`,
                where: `page ${index}`,
              },
      );
      return { page: out, tables: [], lines, rest: [], issues };
    }
    return readTables(out, spans, lines, rulings, issues, s);
  } finally {
    page.cleanup();
  }
}

/** A page's spans and rulings → its tables (lattice/stream) and the lines left for blocks. */
export function readTables(
  out: Page,
  spans: TextSpan[],
  lines: Line[],
  rulings: Ruling[],
  issues: Issue[],
  s: PdfSettings,
): PageRead {
  const found = findTables({ spans, rulings: [...rulings, ...verticalsFromText(spans, rulings, s.lattice)] }, s);
  const rest = spansToLines(found.rest);
  // The unit line and title around each table (`（単位：千円）`) go onto it; the lines stay text too.
  attachCaptions(found.tables, rest, s.stream.cellGap);
  return { page: out, tables: found.tables, lines, rest: orderColumns(rest), issues };
}

/**
 * Blocks in reading order (columns read one after the other, so their tops need not rise) with the tables put in:
 * each table before the first block that starts below it.
 */
function placeTables<T extends { top: number }>(blocks: T[], tables: T[]): T[] {
  const pending = [...tables].sort((a, b) => a.top - b.top);
  const out: T[] = [];
  for (const b of blocks) {
    while (pending.length && pending[0]!.top < b.top) out.push(pending.shift()!);
    out.push(b);
  }
  return [...out, ...pending];
}

/**
 * The lines of OCR'd pages at sizes read against each page's body (`evenOcrLine`): the page's body is the median
 * of the lines outside its tables when they hold 40 characters or more, else of all its lines; the reference is the
 * text-layer pages' body when they hold 200 characters or more, else the median of the OCR'd pages' bodies.
 */
export function evenOcrSizes(pages: PageRead[]): (p: PageRead, lines: Line[]) => Line[] {
  const chars = (lines: Line[]) => lines.reduce((a, l) => a + [...l.text].length, 0);
  const bodies = new Map<PageRead, number>();
  for (const p of pages) {
    if (!p.page.ocr) continue;
    const body = medianSizeOf(chars(p.rest) >= 40 ? p.rest : p.lines);
    if (body) bodies.set(p, body);
  }
  if (!bodies.size) return (_p, lines) => lines;
  const textLines = pages.filter((p) => !p.page.ocr).flatMap((p) => p.lines);
  const sorted = [...bodies.values()].sort((a, b) => a - b);
  const ref = (chars(textLines) >= 200 && medianSizeOf(textLines)) || sorted[(sorted.length - 1) >> 1]!;
  return (p, lines) => {
    const body = bodies.get(p);
    return body ? lines.map((l) => evenOcrLine(l, body, ref)) : lines;
  };
}

/** Pages → tables and blocks sharing one `seq` order (page by page, top-down within a page), across page breaks. */
function assemble(pages: PageRead[], s: PdfSettings): { tables: Table[]; blocks: Block[] } {
  const even = evenOcrSizes(pages);
  const scale = sizeScaleOf(
    pages.flatMap((p) => even(p, p.lines)),
    s.headingScale,
  );
  const furniture = findFurniture(pages.map((p) => ({ index: p.page.index, height: p.page.height, lines: p.rest })));
  type Item = { page: number; top: number; table?: Table; block?: PlacedBlock['block'] };
  const items: Item[] = [];
  for (const p of pages) {
    const rest = even(
      p,
      p.rest.filter((l) => !furniture.has(l)),
    );
    const onPage = placeTables<Item>(
      linesToBlocks(rest, scale).map((b) => ({ page: p.page.index, top: b.top, block: b.block })),
      p.tables.map((f) => ({ page: p.page.index, top: f.table.bbox?.y0 ?? 0, table: repairTable(f.table) })),
    );
    const first = onPage[0];
    const prev = items[items.length - 1];
    if (prev && first && prev.page === p.page.index - 1) {
      // What the page break cut: a table or a sentence running on to the next page.
      // (the continuation as it stands, or one found narrower put back in the table's columns)
      let cont: Table | null = null;
      if (prev.table && first.table)
        cont = continuesAcrossPages(prev.table, first.table)
          ? first.table
          : recolumnContinuation(prev.table, first.table);
      if (prev.table && cont) {
        prev.table = joinAcrossPages(prev.table, cont);
        onPage.shift();
      } else if (prev.block && first.block?.kind === 'paragraph' && endsOpen(prev.block)) {
        prev.block = {
          ...prev.block,
          text: joinLineTexts([prev.block.text, first.block.text]),
          orig: `${prev.block.orig}\n${first.block.orig}`,
        };
        onPage.shift();
      }
    }
    items.push(...onPage);
  }
  const tables: Table[] = [];
  const blocks: Block[] = [];
  let seq = 0;
  let prev: Block | undefined;
  for (const item of items) {
    if (item.block) {
      const block: Block = { ...item.block, page: item.page, seq: seq++ };
      blocks.push(block);
      prev = block;
    } else if (item.table) {
      const table: Table = { ...item.table, page: item.page, index: tables.length, seq: seq++ };
      const hint = table.unitHint ?? unitHintOf(table, prev);
      if (hint) table.unitHint = hint;
      tables.push(table);
      prev = undefined;
    }
  }
  return { tables, blocks };
}

async function metaOf(doc: PdfDocument): Promise<Record<string, string>> {
  const meta: Record<string, string> = { pages: String(doc.numPages) };
  try {
    const { info } = await doc.getMetadata();
    const rec = (info ?? {}) as Record<string, unknown>;
    for (const [key, name] of [
      ['Title', 'title'],
      ['Author', 'author'],
      ['Creator', 'creator'],
      ['Producer', 'producer'],
    ] as const) {
      const v = rec[key];
      if (typeof v === 'string' && v.trim()) meta[name] = v.trim();
    }
  } catch {
    // Metadata is a nicety: a broken Info dictionary does not stop the document.
  }
  return meta;
}

/** Read a PDF. Every failure is a ShiryoError naming `path`. */
export async function readPdf(bytes: Uint8Array, path: string, opts: ReadPdfOptions = {}): Promise<ExtractedDocument> {
  if (bytes.length === 0) throw new ShiryoError('EMPTY_DOCUMENT', path, 'the file is empty (0 bytes)');
  const s = resolvePdfSettings(opts.settings);
  const { pdfjs, doc } = await openPdf(bytes, path);
  try {
    if (doc.numPages === 0) throw new ShiryoError('EMPTY_DOCUMENT', path, 'the PDF has no pages');
    const issues: Issue[] = [];
    if (!hasEofMarker(bytes)) {
      issues.push({
        code: 'PDF_TRUNCATED',
        severity: 'warn',
        stage: 'read',
        message: 'no %%EOF at the end: the file may be cut short; pdf.js read what it could',
        where: null,
      });
    }
    const pages: PageRead[] = [];
    const only = opts.pages ? new Set(opts.pages) : null;
    for (let i = 1; i <= doc.numPages; i++) {
      if (only && !only.has(i)) continue;
      try {
        pages.push(await readPage(pdfjs, doc, i, s));
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        const page: Page = {
          index: i,
          width: 0,
          height: 0,
          rotation: 0,
          spans: [],
          rulings: [],
          lines: [],
          needsOcr: true,
        };
        const issue: Issue = {
          code: 'PAGE_UNREADABLE',
          severity: 'error',
          stage: 'read',
          message: `pdf.js could not read the page: ${reason}`,
          where: `page ${i}`,
        };
        pages.push({ page, tables: [], lines: [], rest: [], issues: [issue] });
      }
    }
    const mode = opts.ocr ?? 'never';
    if (mode !== 'never') await ocrPages(doc, pages, mode, s, { ...opts, path });
    const { tables, blocks } = assemble(pages, s);
    return {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      path,
      mediaType: 'application/pdf',
      bytes: bytes.length,
      pages: pages.map((p) => p.page),
      tables,
      blocks,
      meta: await metaOf(doc),
      issues: [...issues, ...pages.flatMap((p) => p.issues)],
    };
  } catch (e) {
    throw toShiryoError(e, path);
  } finally {
    await doc.destroy();
  }
}
