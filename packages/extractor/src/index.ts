/**
 * @shiryo/extractor — sources → `ExtractedDocument`.
 *
 * Text exports today: TSV runs, markdown pipe tables, HTML tables (also inside a TSV cell), tables that lost their
 * structure (linear/: a row per line, space-aligned columns, a cell per line, header words repeated in rows),
 * headings, bullets and paragraphs, with table repairs. PDFs: `extractDocument` sends them to `readPdf` (src/pdf/), the pdf.js
 * text layer with lattice/stream tables; the synchronous `extractBytes`/`extractText` still refuse them.
 */
export { assembleDocument, type DocumentBase } from './assemble.js';
export { groupToBlocks, numberedHeadingLevel, type SourceLine } from './blocks.js';
export { appendBody, continuesTable, joinContinuedTables } from './continued.js';
export { DEFAULT_MAX_BYTES, type DecodedText, type DecodeOptions, decodeText } from './decode.js';
export { type BlockItem, type DocItem, type KeySource, keySource, type RowIssue, type TableItem } from './draft.js';
export { dropFlattenedDuplicate, type Embedded, readEmbeddedHtml } from './embedded.js';
export { type ExtractOptions, type ExtractTextOptions, extractBytes, extractText } from './extract.js';
export { type HtmlPiece, htmlFragmentText, htmlToPieces, shortRowIssues } from './html.js';
export { markdownTableAt, splitPipeRow } from './markdown.js';
export * from './ocr/index.js';
export * from './pdf/index.js';
export { type TableJson, tableToGrid, tableToJson, tableToMarkdown } from './render.js';
export {
  applyRepairs,
  type BlockHeader,
  collapseSpacedCharacters,
  collapseSpacedText,
  deinterleaveColumns,
  detectHeaderRows,
  dropRepeatedHeaderRows,
  dropRuleRows,
  fillHeaderSpans,
  fillStubSpans,
  findBlockHeaders,
  fixShiftedRow,
  isHeaderLikeRow,
  isScrambledText,
  joinSplitHeaderWords,
  joinSplitWords,
  joinStrayQualifiers,
  joinVerticalText,
  joinWrappedLabels,
  looksInterleaved,
  type Repair,
  repairTable,
  SHAPE_REPAIRS,
  type SideBySide,
  SPAN_REPAIRS,
  scoreTable,
  scrambledCells,
  splitGluedHeaderWords,
  splitSideBySideTables,
  TEXT_REPAIRS,
  trimEmptyRowsCols,
  UNRECOVERED_SCORE,
  unrecoveredReasons,
} from './repairs/index.js';
export { reconcileRowWidths } from './repairs/reconcile.js';
export { csvToTsv, parseCsv, type SheetText, xlsxToText } from './sheet.js';
export { type BinaryKind, extensionOf, sniffBinary, sniffText } from './sniff.js';
export { cleanText, isNumericData, isYearLike, nfkc, textKey } from './text.js';
