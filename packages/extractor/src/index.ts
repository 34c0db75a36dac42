/**
 * @shiryo/extractor — sources → `ExtractedDocument`.
 *
 * Text exports today: TSV runs, markdown pipe tables, HTML tables (also inside a TSV cell), headings, bullets
 * and paragraphs, with table repairs. PDF input is refused with UNSUPPORTED_MEDIA until the PDF reader exists.
 */
export { assembleDocument, type DocumentBase } from './assemble.js';
export { groupToBlocks, numberedHeadingLevel, type SourceLine } from './blocks.js';
export { DEFAULT_MAX_BYTES, type DecodedText, type DecodeOptions, decodeText } from './decode.js';
export { type BlockItem, type DocItem, type KeySource, keySource, type RowIssue, type TableItem } from './draft.js';
export { dropFlattenedDuplicate, type Embedded, readEmbeddedHtml } from './embedded.js';
export { type ExtractOptions, type ExtractTextOptions, extractBytes, extractDocument, extractText } from './extract.js';
export { type HtmlPiece, htmlFragmentText, htmlToPieces, shortRowIssues } from './html.js';
export { markdownTableAt, splitPipeRow } from './markdown.js';
export { type TableJson, tableToGrid, tableToJson, tableToMarkdown } from './render.js';
export {
  applyRepairs,
  collapseSpacedCharacters,
  collapseSpacedText,
  detectHeaderRows,
  dropRuleRows,
  isHeaderLikeRow,
  type Repair,
  repairTable,
  SHAPE_REPAIRS,
  scoreTable,
  TEXT_REPAIRS,
  trimEmptyRowsCols,
} from './repairs/index.js';
export { reconcileRowWidths } from './repairs/reconcile.js';
export { type BinaryKind, extensionOf, sniffBinary, sniffText } from './sniff.js';
export { cleanText, isNumericData, isYearLike, nfkc, textKey } from './text.js';
