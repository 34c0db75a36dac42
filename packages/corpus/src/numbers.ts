/** Writing numbers the ways documents do, and misreading them the ways OCR does. */
import type { Rng } from './rng.js';
import type { OcrRules } from './vocab.js';
import { toFullwidthDigits } from './years.js';

export type NumberStyle = 'comma' | 'plain' | 'fullwidth';

/** |value| rounded to `decimals`, as written in a document (no sign). */
export function fmt(value: number, decimals: number, style: NumberStyle): string {
  const abs = Math.abs(value);
  let s = abs.toFixed(decimals);
  if (style !== 'plain') {
    const [int, frac] = s.split('.');
    const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    s = frac !== undefined ? `${grouped}.${frac}` : grouped;
  }
  if (style === 'fullwidth') s = toFullwidthDigits(s).replace(/,/g, '，').replace(/\./g, '．');
  return s;
}

/** Round to a number of decimals (the value a written number stands for). */
export const round = (v: number, decimals = 0): number => {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
};

export interface OcrOptions {
  rules: OcrRules;
  /** spaces inside numbers are not allowed where spaces separate cells (linearized text) */
  spaces: boolean;
}

/** Misread one thing in a value cell, the way OCR does; the number stays readable to a person. */
export function damageValue(text: string, rng: Rng, o: OcrOptions): string {
  const options: (() => string)[] = [];
  for (const [from, to] of o.rules.digits) {
    const idx = [...text.matchAll(new RegExp(from, 'g'))].map((m) => m.index ?? 0);
    // never the leading digit of a number (a misread leading 0 or 1 is read as a letter, not a digit)
    const inner = idx.filter((i) => i > 0 && /[0-9]/.test(text[i - 1] ?? ''));
    if (inner.length)
      options.push(() => {
        const i = rng.pick(inner);
        return text.slice(0, i) + to + text.slice(i + 1);
      });
  }
  const pairs = [...text.matchAll(/[0-9](?=[0-9])/g)].map((m) => m.index ?? 0);
  if (o.spaces && pairs.length)
    options.push(() => {
      const i = rng.pick(pairs);
      return `${text.slice(0, i + 1)}${o.rules.space}${text.slice(i + 1)}`;
    });
  if (/[0-9]人/.test(text)) options.push(() => text.replace(/([0-9])人/, `$1${o.rules.person}`));
  const digits = [...text.matchAll(/[0-9]/g)].map((m) => m.index ?? 0);
  if (digits.length)
    options.push(() => {
      const i = rng.pick(digits);
      return text.slice(0, i) + toFullwidthDigits(text[i] ?? '') + text.slice(i + 1);
    });
  return options.length ? rng.pick(options)() : text;
}

/** Misread a word of a label or header (値 → 值, 目標 → 日標). */
export function damageLabel(text: string, rng: Rng, rules: OcrRules): string {
  const hits = rules.words.filter(([from]) => text.includes(from));
  if (!hits.length) return text;
  const [from, to] = rng.pick(hits);
  return text.replace(from, to);
}
