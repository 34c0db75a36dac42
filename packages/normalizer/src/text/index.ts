export { kanjiOutsideJis } from './jis.js';
export {
  FIXES,
  isEnclosedNumeral,
  isJapanese,
  JA,
  type Mapped,
  mreplace,
  type NormalizedText,
  nfkcMapped,
  normalizeMapped,
  normalizeText,
  sourceSpan,
} from './normalize.js';
export {
  KANJI_NUMERAL_CHARS,
  type NumeralReading,
  parseKanjiNumber,
  parseNumberToken,
  readNumeral,
  scaleDecimal,
} from './numerals.js';
