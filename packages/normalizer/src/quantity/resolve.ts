import { parseQuantity } from './parse.js';
import { splitLabelUnit } from './units.js';

export type UnitSource = 'cell' | 'rowLabel' | 'colHeader' | 'corner' | 'caption';

export interface ResolvedUnit {
  unit: string | null;
  unitText: string | null;
  /** Which source gave the unit; null when none did. */
  from: UnitSource | null;
  /**
   * Factor to apply to the cell's values (a `(千円)` header → 1000). Always 1 for a unit from the cell itself,
   * whose quantities are already scaled.
   */
  factor: number;
}

const ORDER: UnitSource[] = ['cell', 'rowLabel', 'colHeader', 'corner', 'caption'];

/**
 * The unit of a cell: from the cell (`5人`), then the row label (`利用実人数（人／月）`), the column header, the
 * corner cell (`(件/年)`) and the caption or heading (`(5) …の割合 (%)`), the first that has one. A source with a
 * compound unit (`(人・世帯)`) only counts when no later source has a canonical unit.
 */
export function resolveUnit(sources: Partial<Record<UnitSource, string | null | undefined>>): ResolvedUnit {
  let compound: ResolvedUnit | null = null;
  for (const from of ORDER) {
    const text = sources[from];
    if (!text) continue;
    if (from === 'cell') {
      const q = parseQuantity(text).quantities.find((x) => x.unit);
      if (q) return { unit: q.unit, unitText: q.unitText, from, factor: 1 };
      continue;
    }
    const split = splitLabelUnit(text);
    if (split.unit) return { unit: split.unit, unitText: split.unitText, from, factor: split.factor };
    if (split.unitText && !compound) compound = { unit: null, unitText: split.unitText, from, factor: 1 };
  }
  return compound ?? { unit: null, unitText: null, from: null, factor: 1 };
}
