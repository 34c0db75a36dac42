import { normalizeMapped, sourceSpan } from '../text/index.js';
import { type FoundPeriod, type PeriodOptions, type PeriodReading, scanPeriods } from './scan.js';

/**
 * Every period in a longer text, in order, with `offset`/`length` in `text` as given. Overlaps resolve to the
 * longest reading; a bare `第6期` needs the plan type from the text after it or from `opts.planType`.
 */
export function findPeriods(text: string, opts: PeriodOptions = {}): FoundPeriod[] {
  const m = normalizeMapped(text);
  return scanPeriods(m, text, opts).map((c) => ({ ...c.reading, ...sourceSpan(m, text, c.a, c.b) }));
}

const OPEN = '[\\s(\\[【「『<]*';
const CLOSE = '[\\s)\\]】」』>]*';
const SUFFIX = new RegExp(`^${CLOSE}(?:時点|現在|まで(?:に|の)?|中|当初|以降|から|より|の)?${CLOSE}$`, 'u');
const PREFIX = new RegExp(`^${OPEN}$`, 'u');

/**
 * Read a text that is a period and nothing else (brackets and 時点/現在/まで/中 around it allowed):
 * `令和3年度`, `R 3`, `H29年度末`, `2019（令和元）年度`, `令和5年6月30日時点`, `R3～R5`, `第6期障害福祉計画`.
 * Null when the text is not one period. Inconsistent text keeps both readings (`alternatives`, with a warning).
 */
export function parsePeriod(text: string, opts: PeriodOptions = {}): PeriodReading | null {
  const m = normalizeMapped(text);
  const found = scanPeriods(m, text, opts);
  if (found.length !== 1) return null;
  const c = found[0]!;
  if (!PREFIX.test(m.text.slice(0, c.a)) || !SUFFIX.test(m.text.slice(c.consumed))) return null;
  return c.reading;
}
