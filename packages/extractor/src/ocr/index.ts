/** OCR of scanned pages: render (pdf.js), image rulings, tesseract.js with Japanese data from npm, spans. */

export { cropGray, inkBands, recogniseCells } from './cells.js';
export {
  jpnDataDir,
  OcrEngine,
  type OcrEngineOptions,
  type OcrLine,
  type OcrWord,
  PAGES_PER_WORKER,
} from './engine.js';
export {
  binarize,
  DEFAULT_IMAGE_RULINGS,
  despeckle,
  type GrayImage,
  hasInk,
  type ImageRulingSettings,
  imageRulings,
  skewOf,
  toPbm,
  toPgm,
} from './image.js';
export { OCR_DPI, type OcrPageResult, ocrPage } from './page.js';
export { type OcrMode, setCellConfidence } from './read.js';
export { OCR_RENDERER, renderPageGray, rotateGray } from './render.js';
export { textRowRulings } from './rows.js';
export { OCR_JOIN_GAP, ocrLinesToSpans, ocrSeparators } from './spans.js';
