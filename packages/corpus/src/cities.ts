/** The code list of municipalities (data/municipalities.csv), split between the tuned and the held-out part. */
import { readFileSync } from 'node:fs';
import type { City, Part } from './types.js';

let cache: City[] | null = null;

/** Every municipality but wards (their names carry a space: 札幌市 中央区). */
export function allCities(): City[] {
  if (cache) return cache;
  const text = readFileSync(new URL('../data/municipalities.csv', import.meta.url), 'utf8');
  cache = text
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(','))
    .filter((f) => f.length >= 3 && f[2] && !/\s/.test(f[2] as string))
    .map((f) => ({ code: f[0] as string, prefecture: f[1] as string, name: f[2] as string }));
  return cache;
}

/** The held-out part's cities are other cities: every fifth code (by its number) is held out. */
export function citiesOf(part: Part): City[] {
  return allCities().filter((c) => (Number(c.code) % 5 === 0) === (part === 'heldout'));
}
