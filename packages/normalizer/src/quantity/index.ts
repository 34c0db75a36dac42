export { type NormalizedInput, normalizeInputs } from './inputs.js';
export {
  type CellValue,
  type FoundQuantity,
  findQuantities,
  isMissingMarker,
  parseQuantity,
  type RefusedNumber,
  scanQuantities,
} from './parse.js';
export { NUMBER_REFUSED, refusedNumberIssues } from './refusals.js';
export { type ResolvedUnit, resolveUnit, type UnitSource } from './resolve.js';
export {
  canonicalUnit,
  INLINE_UNITS,
  type LabelUnit,
  splitLabelUnit,
  trailingUnitWord,
  type UnitInfo,
  unitInfo,
} from './units.js';
