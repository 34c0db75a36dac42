import { readFileSync } from 'node:fs';

/** Reads a file bundled in `packages/normalizer/data/` (works from `src/` under vitest and from `dist/`). */
export function readDataFile(name: string): string {
  return readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');
}

/** Minimal CSV (no quoted commas in the bundled code lists; quotes are stripped). */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim());
  return lines.map((line) => {
    const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}
