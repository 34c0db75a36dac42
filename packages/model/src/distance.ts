/** Levenshtein distance of two texts, by code point (a string, or its glyphs already split). */
export function editDistance(a: string | readonly string[], b: string | readonly string[]): number {
  const x = typeof a === 'string' ? [...a] : a;
  const y = typeof b === 'string' ? [...b] : b;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}
