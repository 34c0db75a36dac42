/**
 * Numerals → numbers: kanji (漢数字) as the documents write era years (平成三十一年), counts (十二人) and the odd
 * positional form (二〇二一), and large numbers with 万/億 in arabic or kanji digits (`18億5,000万円`,
 * `一千二百三十四万五千`), read whole or refused (`readNumeral`). Written here rather than taken from a package
 * because the scanners need the character classes too (to find numerals inside longer text with their offsets),
 * and because the refusals (a number cut short, mixed scripts) are this project's rule, not a general parser's.
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
const LARGE: Record<string, number> = { 万: 10_000, 億: 100_000_000, 兆: 1_000_000_000_000 };

/** One character class source (no brackets) for kanji numerals. */
export const KANJI_NUMERAL_CHARS = '〇零一二三四五六七八九十百千万億兆';

/**
 * What `readNumeral` made of a numeral: its value, or why it refused to read it.
 *
 * `single` is set for one coefficient times one place (`2万`, `1.5億`, `2千`): the form a range's upper bound
 * lends its place to the lower one (`1～2万人` = 1万～2万人).
 */
export type NumeralReading =
  | {
      ok: true;
      value: number;
      script: 'arabic' | 'kanji';
      /** Written with 十百千万億兆 (not a plain digit string). */
      compound: boolean;
      single: { coefficient: number; factor: number } | null;
    }
  | {
      ok: false;
      reason: string;
      /**
       * The text is a number that cannot be read whole (warn about it), rather than no number at all (`万一`,
       * `十百`: kanji that only look like a numeral).
       */
      numberLike: boolean;
    };

type Tok = { kind: 'arabic' | 'kanji' | 'small' | 'large'; text: string; value: number };
const TOKEN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[〇零一二三四五六七八九]|[十百千]|[万億兆]/y;

function tokenize(text: string): Tok[] | null {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m || m.index !== at) return null;
    const t = m[0];
    if (/\d/.test(t)) out.push({ kind: 'arabic', text: t, value: Number(t.replace(/,/g, '')) });
    else if (t in DIGITS) out.push({ kind: 'kanji', text: t, value: DIGITS[t] as number });
    else if (t in SMALL) out.push({ kind: 'small', text: t, value: SMALL[t] as number });
    else out.push({ kind: 'large', text: t, value: LARGE[t] as number });
  }
  return out;
}

/** `digits × 10^k` exactly as written (`1.2` × 10^4 → 12000, not 12000.000000000002). */
export function scaleDecimal(written: string | number, factor: number): number {
  const exp = Math.round(Math.log10(factor));
  if (10 ** exp !== factor) return Number(written) * factor;
  return Number(`${String(written).replace(/,/g, '')}e${exp}`);
}

/**
 * Read a whole numeral — arabic digits or kanji digits with 十百千 inside a group of four digits and 万億兆
 * between groups — as ONE number, or refuse it. Blanks are ignored. The rule (docs/OBSERVATIONS.md, "Large
 * numbers"):
 *
 * - groups run 兆 → 億 → 万 → the ones, each below 10^4 (`18億5,000万` = 18×10^8 + 5000×10^4; `3万5千` = 35000;
 *   `12万3456`; `1億2千万`); only the first group may be larger (`12,345万` = 123,450,000);
 * - inside a group, 千百十 follow one digit 1–9 (`5千`, `2千5百`), or none in kanji (`千二百`, `十二`), in that
 *   order; digits after them are smaller than the last one (`2千500` = 2500; `2千5000` is refused);
 * - a decimal only as one coefficient of one 万/億/兆 (`1.2万` = 12000, `0.5億`); `1.5億2千万` is refused;
 * - arabic and kanji digits are not mixed in one number (`1億二千万` is refused);
 * - a part after 億 or 兆 with no 万 (`18億5,000`, `一億二千`) is refused: a number that size is written
 *   `1億2千万` or in digits, so the 万 (or the 万円 of a unit) was most likely cut off;
 * - a value beyond 2^53 is refused (it could not be held exactly).
 *
 * Plain digit strings (`1,258`, `1.31`) and positional kanji (`二〇二一`) read as before.
 */
export function readNumeral(text: string): NumeralReading {
  const t = text.replace(/\s+/g, '');
  const toks = t ? tokenize(t) : null;
  if (!toks) return { ok: false, reason: 'not a numeral', numberLike: false };
  const hasArabic = toks.some((k) => k.kind === 'arabic');
  const hasKanji = toks.some((k) => k.kind === 'kanji');
  const arabic = hasArabic;
  const fail = (reason: string, numberLike = arabic): NumeralReading => ({ ok: false, reason, numberLike });
  if (hasArabic && hasKanji) return fail('arabic and kanji digits in one number', true);
  const script = arabic ? 'arabic' : 'kanji';
  const compound = toks.some((k) => k.kind === 'small' || k.kind === 'large');
  if (!compound) {
    if (arabic) {
      if (toks.length !== 1) return fail('digits run on');
      const value = (toks[0] as Tok).value;
      return { ok: true, value, script, compound, single: null };
    }
    let v = 0;
    for (const k of toks) v = v * 10 + k.value;
    return { ok: true, value: v, script, compound, single: null };
  }
  const decimal = toks.some((k) => k.text.includes('.'));
  const [t0, t1] = toks;
  if (toks.length === 2 && t0?.kind === 'arabic' && t1?.kind === 'large') {
    if (t0.value === 0) return fail(`0${t1.text}`);
    const value = scaleDecimal(t0.text, t1.value);
    if (!Number.isSafeInteger(Math.round(value))) return fail('too large to hold exactly', true);
    return { ok: true, value, script, compound, single: { coefficient: t0.value, factor: t1.value } };
  }
  if (decimal) return fail('a decimal inside a number written with 千/百/十 or several of 万/億/兆', true);
  const single =
    toks.length === 2 && t0?.kind === 'arabic' && t1?.kind === 'small' && /^[1-9]$/.test(t0.text)
      ? { coefficient: t0.value, factor: t1.value }
      : null;

  let total = 0;
  let section = 0;
  let parts = false; // the section has a 千/百/十 part
  let pending: Tok | null = null;
  let lastSmall = Number.POSITIVE_INFINITY;
  let lastLarge: Tok | null = null;
  for (const k of toks) {
    if (k.kind === 'arabic' || k.kind === 'kanji') {
      if (pending) return fail(arabic ? 'digits run on' : 'kanji digits side by side');
      pending = k;
    } else if (k.kind === 'small') {
      let coef = 1;
      if (pending) {
        if (arabic && !/^[1-9]$/.test(pending.text))
          return fail(`${pending.text}${k.text}: ${k.text} comes after one digit 1–9, not ${pending.text}`);
        if (pending.value === 0) return fail(`〇${k.text}`);
        coef = pending.value;
      } else if (arabic) return fail(`${k.text} without a digit before it`);
      if (k.value >= lastSmall) return fail(`${k.text} after a smaller or equal place`);
      section += coef * k.value;
      lastSmall = k.value;
      parts = true;
      pending = null;
    } else {
      if (lastLarge && k.value >= lastLarge.value) return fail(`${k.text} after ${lastLarge.text}`);
      if (pending) {
        if (parts && pending.value >= lastSmall) return fail(`${pending.text} after a place it exceeds`);
        section += pending.value;
      }
      if (section === 0) return fail(`${k.text} without a number before it`);
      if (lastLarge && section >= 10_000)
        return fail(`${section} between ${lastLarge.text} and ${k.text}: more than four digits`, true);
      total += section * k.value;
      lastLarge = k;
      section = 0;
      parts = false;
      lastSmall = Number.POSITIVE_INFINITY;
      pending = null;
    }
  }
  const tail = pending !== null || parts;
  if (pending) {
    if (parts && pending.value >= lastSmall) return fail(`${pending.text} after a place it exceeds`);
    section += pending.value;
  }
  if (tail && lastLarge) {
    if (section >= 10_000) return fail(`${section} after ${lastLarge.text}: more than four digits`, true);
    if (lastLarge.value !== 10_000)
      return fail(`digits after ${lastLarge.text} with no 万: ambiguous (a 万 or 万円 cut off?)`, true);
  }
  total += section;
  if (!Number.isSafeInteger(total)) return fail('too large to hold exactly', true);
  return { ok: true, value: total, script, compound, single };
}

/**
 * Parse a kanji numeral: `十二` → 12, `二十五` → 25, `百六十` → 160, `三十一` → 31, `一千二百三十四万五千` →
 * 12345000, `二〇二一` → 2021 (positional, used when no 十百千万億兆 appears). Returns null for anything else,
 * including malformed orders (`十百`, `二三十`) and numbers `readNumeral` refuses (`一億二千`).
 */
export function parseKanjiNumber(text: string): number | null {
  if (!text) return null;
  for (const ch of text) if (!(ch in DIGITS || ch in SMALL || ch in LARGE)) return null;
  const r = readNumeral(text);
  return r.ok ? r.value : null;
}

/** A number written with ASCII digits (and optional thousands commas) or kanji; null when it is neither. */
export function parseNumberToken(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) || /^\d+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  return parseKanjiNumber(t);
}
