/** The PDF reader: pdf.js text layer and rulings → spans, lines, lattice/stream tables and blocks. */

export { foldRadicals } from '../radicals.js';
export { linesToBlocks, type PlacedBlock, type SizeScale, sizeScaleOf, unwrapLines } from './blocks.js';
export { attachCaptions } from './captions.js';
export { type ColumnSettings, DEFAULT_COLUMN_SETTINGS, orderColumns } from './columns.js';
export { type ExtractFileOptions, extractDocument, isPdfFile } from './extract.js';
export {
  type CellWindow,
  cellWindow,
  type FoundTable,
  type Grid,
  type GridCell,
  gridToCells,
  gridToTable,
  latticeTables,
  rulingsToGrids,
  spansToCellText,
  splitAtCellEdges,
  verticalsFromText,
} from './lattice.js';
export { joinLineTexts, joinSpans, type Line, lineSegments, type Segment, spansToLines } from './lines.js';
export { loadPdfJs, openFailure, pdfJsDataDirs } from './load.js';
export {
  continuesAcrossPages,
  endsOpen,
  FURNITURE_BAND,
  findFurniture,
  joinAcrossPages,
  mergeSplitCells,
  type PageLines,
} from './pages.js';
export { looksTabular, type ReadPdfOptions, readPdf } from './read.js';
export { type ColumnLabel, centredRowSpans, type RowBand } from './rowspans.js';
export { mergeRulings, type OperatorList, type OpsTable, operatorListToRulings, pathToSubpaths } from './rulings.js';
export {
  DEFAULT_PDF_SETTINGS,
  type LatticeSettings,
  type PdfSettings,
  type PdfSettingsInput,
  resolvePdfSettings,
  type StreamSettings,
  type TableMethodChoice,
} from './settings.js';
export { garbageShare, joinVerticalStacks, type PdfTextItem, textItemsToSpans, textItemToSpan } from './spans.js';
export {
  columnIntervals,
  headerRowCount,
  isYearSequence,
  looksLikeTextColumns,
  regionToTable,
  regionToTables,
  streamRegions,
  streamTables,
  widenByHeaders,
} from './stream.js';
export { escapeXmlAttr, escapeXmlText, type PageSvgOptions, pageToSvg } from './svg.js';
export { findersFor, findTables, type PageContent, TABLE_FINDERS, type TableFinder } from './tables.js';
export { dropOverdrawn, joinSplitNumbers, strayShare, unusableShare } from './textlayer.js';
export { isUnitText, unitOfText } from './units.js';
