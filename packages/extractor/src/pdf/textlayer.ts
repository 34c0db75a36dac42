/**
 * Text layers that lie, and what the reader does about them:
 *
 * - Overdrawn text: producers fake bold by drawing a word several times over itself, a fraction of a point apart
 *   (and Excel 2016 draws some cell texts a dozen times at the same place). The copies are one word: a span with the
 *   same text as an earlier one, at nearly the same place (both corners within a fifth of the font size), is dropped.
 * - Mojibake: a font without a usable ToUnicode map gives characters of the wrong script altogether (Canadian
 *   syllabics, Samaritan, Ethiopic, CJK Extension A … where the page shows kanji). A Japanese page has hardly any
 *   character outside the scripts and symbol blocks Japanese documents use; a page whose non-ASCII text is largely
 *   outside them is unusable as text (`unusableShare`), and the reader marks it for OCR instead of reading garbage
 *   as labels.
 * - Numbers split by the producer: PowerPoint writes `1,462` as the runs `1` and `,462`, which read `1 ,462`.
 */
import type { TextSpan } from '@shiryo/model';

/** Drop the copies of overdrawn spans (same text, nearly the same box); the first drawn is kept. */
export function dropOverdrawn(spans: TextSpan[]): TextSpan[] {
  const byText = new Map<string, TextSpan[]>();
  const out: TextSpan[] = [];
  for (const s of spans) {
    const key = `${s.dir}|${s.text}`;
    const same = byText.get(key);
    const tol = 0.2 * (s.size ?? s.bbox.y1 - s.bbox.y0);
    const copy = same?.some(
      (o) =>
        Math.abs(o.bbox.x0 - s.bbox.x0) <= tol &&
        Math.abs(o.bbox.y0 - s.bbox.y0) <= tol &&
        Math.abs(o.bbox.x1 - s.bbox.x1) <= tol &&
        Math.abs(o.bbox.y1 - s.bbox.y1) <= tol,
    );
    if (copy) continue;
    if (same) same.push(s);
    else byText.set(key, [s]);
    out.push(s);
  }
  return out.length === spans.length ? spans : out;
}

/**
 * Blocks a Japanese document's text layer uses: Latin-1, Greek and Cyrillic (both in JIS X 0208), punctuation,
 * letterlike and number forms, arrows, mathematical and technical symbols, enclosed alphanumerics, box drawing and
 * shapes, dingbats, CJK radicals, CJK symbols, kana, enclosed CJK, CJK compatibility, the unified ideographs, CJK
 * compatibility ideographs, vertical and small forms, half- and full-width forms.
 */
const JAPANESE_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x00a0, 0x00ff],
  [0x0370, 0x04ff],
  [0x2000, 0x2bff],
  [0x2e80, 0x2fdf],
  [0x3000, 0x30ff],
  [0x31f0, 0x33ff],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe6f],
  [0xff00, 0xffef],
];

const inJapaneseBlocks = (cp: number) => JAPANESE_BLOCKS.some(([a, b]) => cp >= a && cp <= b);

/**
 * Share of the non-ASCII characters of the spans' raw text that lie outside the blocks Japanese text uses, with the
 * count of those characters (a share of a handful of characters means nothing).
 */
export function unusableShare(spans: TextSpan[]): { share: number; count: number } {
  let n = 0;
  let bad = 0;
  for (const s of spans) {
    for (const ch of s.orig) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80 || /\s/u.test(ch)) continue;
      n++;
      if (!inJapaneseBlocks(cp)) bad++;
    }
  }
  return { share: n === 0 ? 0 : bad / n, count: bad };
}

/**
 * A number the producer split into runs, joined: `1 ,462` → `1,462`, `12 .5` → `12.5` (digits, blanks, then a
 * separator and exactly three digits, or a decimal point and digits). Nothing else with a blank is touched.
 */
export function joinSplitNumbers(text: string): string {
  if (!/\d\s+[,.]\d/.test(text)) return text;
  return text.replace(/(\d)\s+(,\d{3}(?!\d)|\.\d+(?![\d,]))/g, '$1$2');
}

/** Runs a page's text is made of: numbers, Japanese words (two or more kana/kanji, not one character repeated),
 * Latin words (two or more letters with a vowel, not only the strokes l/I/i/j that a scanner's OCR makes of rules). */
const NUMBER_RUN = /[▲△-]?\d[\d,.]*%?/g;
const JAPANESE_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]{2,}/gu;
const LATIN_RUN = /[A-Za-z]{2,}/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const lettersAndDigits = (s: string) => {
  let n = 0;
  for (const ch of s) if (LETTER_OR_DIGIT.test(ch)) n++;
  return n;
};

function mostOfOne(run: string): boolean {
  const chars = [...run];
  const count = new Map<string, number>();
  for (const c of chars) count.set(c, (count.get(c) ?? 0) + 1);
  const top = Math.max(...count.values());
  return chars.length === 2 ? top === 2 : top * 2 >= chars.length && !run.includes('々');
}

/** Blanks between two kana/kanji closed up: letter-spaced words (`保 険 窓 口`) are words. */
const SPACED_CJK =
  /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々])\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々])/gu;

function wordChars(token: string): number {
  let good = 0;
  for (const m of token.matchAll(NUMBER_RUN)) good += lettersAndDigits(m[0]);
  for (const m of token.matchAll(JAPANESE_RUN)) {
    const w = m[0];
    // 一一一, 鈴鈴鈴: one character making half a run is a rule or a stroke read as text, not a word
    if (mostOfOne(w)) continue;
    good += lettersAndDigits(w);
  }
  for (const m of token.matchAll(LATIN_RUN))
    if (/[aeiouAEIOU]/.test(m[0]) && !/^[lIij]+$/.test(m[0])) good += m[0].length;
  return good;
}

/**
 * Share of a page's letters and digits (NFKC, whitespace-separated tokens) that are not part of a word: a number,
 * a Japanese word of two or more characters, a Latin word. A scanner's own OCR layer over a table (ScanSnap's on
 * kodaira_park_cost.pdf: `鈴 鈴鈴鈴`, `ｌｌｌ１ＩＩ`, `一 一一一`, single digits a column apart) is mostly such
 * strays; a text layer a producer wrote is mostly words. With the count of letters and digits (a share of a handful
 * means nothing).
 */
export function strayShare(lines: readonly string[]): { share: number; count: number } {
  let n = 0;
  let good = 0;
  for (const line of lines)
    for (const token of line.normalize('NFKC').replace(SPACED_CJK, '').split(/\s+/)) {
      if (!token) continue;
      n += lettersAndDigits(token);
      good += wordChars(token);
    }
  return { share: n === 0 ? 0 : Math.max(0, 1 - good / n), count: n };
}
