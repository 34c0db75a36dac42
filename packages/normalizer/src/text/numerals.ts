/**
 * Kanji numerals (漢数字) → numbers. Small and exact: the documents write era years (平成三十一年), counts
 * (十二人) and the odd positional form (二〇二一). Written here rather than taken from a package because the
 * scanners need the character class too (to find numerals inside longer text with their offsets), and the
 * parse is a dozen lines.
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE: Record<string, number> = { 万: 10_000, 億: 100_000_000 };

/** One character class source (no brackets) for kanji numerals. */
export const KANJI_NUMERAL_CHARS = '〇零一二三四五六七八九十百千万億';

/**
 * Parse a kanji numeral: `十二` → 12, `二十五` → 25, `百六十` → 160, `三十一` → 31, `二〇二一` → 2021 (positional,
 * used when no 十百千 appears). Returns null for anything else, including malformed orders (`十百`, `二三十`).
 */
export function parseKanjiNumber(text: string): number | null {
  if (!text) return null;
  for (const ch of text) if (!(ch in DIGITS || ch in SMALL || ch in LARGE)) return null;
  if (!/[十百千万億]/.test(text)) {
    let v = 0;
    for (const ch of text) v = v * 10 + (DIGITS[ch] as number);
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmall = Number.POSITIVE_INFINITY;
  let lastLarge = Number.POSITIVE_INFINITY;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== null) return null;
      digit = DIGITS[ch] as number;
    } else if (ch in SMALL) {
      const u = SMALL[ch] as number;
      if (u >= lastSmall) return null;
      if (digit === 0) return null;
      section += (digit ?? 1) * u;
      lastSmall = u;
      digit = null;
    } else {
      const u = LARGE[ch] as number;
      if (u >= lastLarge) return null;
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * u;
      lastLarge = u;
      section = 0;
      lastSmall = Number.POSITIVE_INFINITY;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** A number written with ASCII digits (and optional thousands commas) or kanji; null when it is neither. */
export function parseNumberToken(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) || /^\d+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  return parseKanjiNumber(t);
}
