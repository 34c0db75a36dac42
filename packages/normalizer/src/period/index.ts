export {
  addDays,
  daysInMonth,
  fiscalYearOf,
  fyEndPeriod,
  fyPeriod,
  isoDate,
  isValidDate,
  monthPeriod,
  yearPeriod,
} from './dates.js';
export {
  ERAS,
  type Era,
  type EraLetter,
  type EraName,
  eraLastYear,
  eraOf,
  eraYear,
  formatWareki,
  formatWarekiDate,
  toWareki,
  toWarekiDate,
  type WarekiYear,
  warekiYears,
} from './era.js';
export { type ColumnHeader, parseColumnHeader, VALUE_KIND_WORDS, valueKindOf } from './header.js';
export { findPeriods, parsePeriod } from './parse.js';
export {
  bareEraOf,
  type Candidate,
  type EraAnchor,
  type FoundPeriod,
  type PeriodOptions,
  type PeriodReading,
  PLAN_TERM_BASE,
  type PlanType,
  planTermPeriod,
  scanPeriods,
} from './scan.js';
