export interface ScoreResult {
  expected: number;
  actual: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  misses: { expected: Record<string, unknown>; nearest: Record<string, unknown> | null; differs: string[] }[];
  extras: Record<string, unknown>[];
}
export function score(expected: Record<string, unknown>[], actual: Record<string, unknown>[]): ScoreResult;
