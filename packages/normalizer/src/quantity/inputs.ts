/** The entry point of `shiryo normalize --json <text…>`: periods and quantities of each input, snake_case. */
import type { PeriodKind, Qualifier } from '@shiryo/model';
import { findPeriods } from '../period/parse.js';
import { normalizeText } from '../text/index.js';
import { parseQuantity } from './parse.js';

export interface NormalizedInput {
  input: string;
  /** The repaired text. */
  text: string;
  periods: Array<{ kind: PeriodKind; fiscal_year: number | null; start: string; end: string; text: string }>;
  quantities: Array<{
    value: number;
    unit: string | null;
    unit_text: string | null;
    qualifier: Qualifier | null;
    text: string;
    subset?: number;
    ratio?: { value: number; unit: string };
  }>;
  warnings: string[];
}

export function normalizeInputs(inputs: string[]): NormalizedInput[] {
  return inputs.map((input) => {
    const norm = normalizeText(input);
    const warnings: string[] = norm.fixes.map((f) => `repaired: ${f}`);
    const periods = findPeriods(input).map((p) => {
      for (const w of p.warnings) warnings.push(`${p.text}: ${w}`);
      for (const alt of p.alternatives ?? []) {
        warnings.push(`${p.text}: also read as ${alt.kind} ${alt.start}..${alt.end} (fiscal year ${alt.fiscalYear})`);
      }
      return { kind: p.kind, fiscal_year: p.fiscalYear, start: p.start, end: p.end, text: p.text };
    });
    const cell = parseQuantity(input);
    if (cell.missing) warnings.push('missing value marker: no number (not zero)');
    for (const r of cell.refused ?? []) warnings.push(`number not read (no value kept): ${r.text} — ${r.reason}`);
    const quantities = cell.quantities.map((q) => {
      const o: NormalizedInput['quantities'][number] = {
        value: q.value,
        unit: q.unit,
        unit_text: q.unitText,
        qualifier: q.qualifier,
        text: q.text,
      };
      if (q.subset !== undefined) o.subset = q.subset;
      if (q.ratio) o.ratio = q.ratio;
      return o;
    });
    return { input, text: norm.text, periods, quantities, warnings };
  });
}
