export interface LabelledMeta {
  pages?: number[];
  unlabelled?: { page: number; box: [number, number, number, number]; what?: string }[];
}
export interface LabelledTable {
  index: number;
  page: number;
  cells: readonly {
    row: number;
    col: number;
    rowSpan?: number;
    colSpan?: number;
    bbox?: { x0: number; y0: number; x1: number; y1: number } | null;
  }[];
}
export function labelledOnly<T extends Record<string, unknown>>(
  rows: T[],
  tables: readonly LabelledTable[],
  meta: unknown,
): T[];
