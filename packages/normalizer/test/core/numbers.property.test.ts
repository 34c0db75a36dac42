/**
 * Properties of large numbers (issue 12, "Numbers read whole or not at all"; docs/OBSERVATIONS.md, "Large
 * numbers"): an integer 0…10^12 written in any of the documents' forms — digits with or without commas, full
 * width, digits with 万/億/兆 and 千/百/十 (`18億5,000万`, `3万5千`), kanji numerals (`一千二百三十四万五千`),
 * decimals with 万/億 (`1.2万`), with a unit, a sign and a qualifier — reads as exactly that value, or is refused
 * where the rule says so; never another value. The expected value of each form is computed here from the
 * integer, independently of the reader.
 */
import type { Qualifier } from '@shiryo/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, scanQuantities } from '../../src/quantity/index.js';

const MAX = 10 ** 12;
const KD = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

interface Parts {
  cho: number;
  oku: number;
  man: number;
  ones: number;
}
const partsOf = (n: number): Parts => ({
  cho: Math.floor(n / 1e12),
  oku: Math.floor(n / 1e8) % 1e4,
  man: Math.floor(n / 1e4) % 1e4,
  ones: n % 1e4,
});
/** The refusal rule: a part after 億 or 兆 with no 万 (`18億5,000`: was the 万 cut off?). */
const cutAfterOku = (p: Parts) => p.ones > 0 && p.man === 0 && (p.oku > 0 || p.cho > 0);

const fullWidth = (s: string) =>
  s.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/,/g, '，');

/** What the reader must do with a written number. */
type Expect = number | 'refused' | 'none';
interface Written {
  numeral: string;
  expect: Expect;
}

// --- the integers: anything up to 10^12, and numbers made of round groups (18億5,000万, 3万5千) --------------
const section = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 9999 }),
  fc.constantFrom(1, 5, 10, 12, 100, 500, 1000, 2500, 5000, 9999),
);
const integer = fc.oneof(
  fc.bigInt({ min: 0n, max: BigInt(MAX) }).map(Number),
  fc.integer({ min: 0, max: 99_999 }),
  fc
    .tuple(section, section, section)
    .map(([oku, man, ones]) => oku * 1e8 + man * 1e4 + ones)
    .filter((n) => n <= MAX),
  fc.constant(MAX),
);

// --- writing one group (1…9999) with digits: plain, with a comma, or with 千/百/十 -------------------------
function groupArabic(v: number, how: number): string {
  const [d3, d2, d1, d0] = [Math.floor(v / 1000), Math.floor(v / 100) % 10, Math.floor(v / 10) % 10, v % 10];
  switch (how % 4) {
    case 0:
      return String(v);
    case 1:
      return v.toLocaleString('en-US');
    case 2: // 2千5百3十4
      return `${d3 ? `${d3}千` : ''}${d2 ? `${d2}百` : ''}${d1 ? `${d1}十` : ''}${d0 || ''}`;
    default: // 2千534
      return d3 && v % 1000 ? `${d3}千${v % 1000}` : String(v);
  }
}

/** One group (1…9999) in kanji: 一千二百三十四, with the 一 before 千/百/十 left out or not. */
function groupKanji(v: number, drop: boolean[]): string {
  const digits = [Math.floor(v / 1000), Math.floor(v / 100) % 10, Math.floor(v / 10) % 10];
  let out = '';
  for (const [i, place] of ['千', '百', '十'].entries()) {
    const d = digits[i] as number;
    if (!d) continue;
    out += (d === 1 && drop[i] ? '' : KD[d]) + place;
  }
  if (v % 10) out += KD[v % 10];
  return out;
}

const LARGE: Array<[keyof Parts, string]> = [
  ['cho', '兆'],
  ['oku', '億'],
  ['man', '万'],
];

/** Digits with 兆/億/万: `18億5,000万`, `3万5千`, `1 億 2,000 万`. */
const mixed = (n: number) =>
  fc.tuple(fc.array(fc.nat(3), { minLength: 4, maxLength: 4 }), fc.boolean()).map(([hows, blanks]): Written => {
    if (n === 0) return { numeral: '0', expect: 0 };
    const p = partsOf(n);
    const sp = blanks ? ' ' : '';
    let out = '';
    for (const [i, [k, unit]] of LARGE.entries()) {
      if (p[k]) out += `${out ? sp : ''}${groupArabic(p[k], hows[i] as number)}${sp}${unit}`;
    }
    if (p.ones) out += `${out ? sp : ''}${groupArabic(p.ones, hows[3] as number)}`;
    return { numeral: out.trim(), expect: cutAfterOku(p) ? 'refused' : n };
  });

/** A first group of any size before 万: `12,345万`, `1234万5678`. */
const bigFirstGroup = (n: number) =>
  fc.boolean().map((commas): Written => {
    const head = Math.floor(n / 1e4);
    if (head === 0) return { numeral: String(n), expect: n };
    const h = commas ? head.toLocaleString('en-US') : String(head);
    return { numeral: `${h}万${n % 1e4 || ''}`, expect: n };
  });

/** Kanji numerals: `一千二百三十四万五千`, `千二百万`, `二十三`. */
const kanji = (n: number) =>
  fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }).map((drop): Written => {
    if (n === 0) return { numeral: '〇', expect: 0 };
    const p = partsOf(n);
    let out = '';
    // (the 一 before 千/百/十 may be left out, `千二百万`; a group of 1 keeps it: 一万, never 万)
    for (const [k, unit] of LARGE) if (p[k]) out += groupKanji(p[k], drop) + unit;
    if (p.ones) out += groupKanji(p.ones, drop);
    return { numeral: out, expect: cutAfterOku(p) ? 'refused' : n };
  });

/** A decimal before 万 or 億: `1.2万` = 12,000, `0.5億` = 50,000,000. */
const decimal = fc
  .tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom(['万', 4], ['億', 8]))
  .map(([m, d, [unit, exp]]): Written => {
    const text = (m / 10 ** d).toFixed(d);
    return { numeral: `${text}${unit}`, expect: m * 10 ** ((exp as number) - d) };
  });

const written: fc.Arbitrary<Written & { form: string }> = fc.oneof(
  integer.map((n) => ({ numeral: String(n), expect: n, form: 'digits' })),
  integer.map((n) => ({ numeral: n.toLocaleString('en-US'), expect: n, form: 'commas' })),
  integer.map((n) => ({ numeral: fullWidth(n.toLocaleString('en-US')), expect: n, form: 'full width' })),
  integer.chain(mixed).map((w) => ({ ...w, form: 'mixed' })),
  integer.chain(mixed).map((w) => ({ ...w, numeral: fullWidth(w.numeral), form: 'mixed full width' })),
  integer.chain(bigFirstGroup).map((w) => ({ ...w, form: 'big first group' })),
  integer.chain(kanji).map((w) => ({ ...w, form: 'kanji' })),
  decimal.map((w) => ({ ...w, form: 'decimal' })),
  decimal.map((w) => ({ ...w, numeral: fullWidth(w.numeral), form: 'decimal full width' })),
);

const UNITS: Array<[string, string | null]> = [
  ['', null],
  ['人', 'person'],
  ['円', 'yen'],
  ['件', 'case'],
];
const QUALIFIED: Array<[before: string, after: string, Qualifier | null]> = [
  ['', '', null],
  ['約', '', 'approx'],
  ['', '以上', 'gte'],
  ['', '以下', 'lte'],
  ['', '未満', 'lt'],
  ['', '程度', 'approx'],
];

const quantityText = fc.record({
  w: written,
  unit: fc.constantFrom(...UNITS),
  q: fc.constantFrom(...QUALIFIED),
  sign: fc.constantFrom('', '', '▲', '△'),
});

type Case = typeof quantityText extends fc.Arbitrary<infer T> ? T : never;

function textOf({ w, unit, q, sign }: Case): string {
  const [before, after] = q;
  return `${before}${before ? '' : sign}${w.numeral}${unit[0]}${after}`;
}

/**
 * What the reader must give for a case in a table cell. Besides the refusal rule, the kanji the parser has
 * always treated as no number: a lone 一 is a misread dash (unless signed alone in a cell), 百/千 alone before a
 * unit or qualifier are words (百人, 千円), 百万円 is the unit, and a cell of 〇 alone is a mark.
 */
function expected(c: Case): Expect {
  const { w, unit, q, sign } = c;
  if (w.expect === 'refused' || w.expect === 'none') return w.expect;
  const bare = !unit[0] && !q[0] && !q[1];
  // (a cell that is only a signed kanji numeral reads as it: `▲一` → −1, as before)
  if (w.numeral === '一') return bare && sign ? -1 : 'none';
  // (a cell that is only 〇, unsigned, is a mark — `〇` for yes, as ○ is — not a zero: parse.ts, since dcba506)
  if (w.numeral === '〇' && bare && !sign) return 'none';
  if ((w.numeral === '百' || w.numeral === '千') && !bare) return 'none';
  if (w.numeral === '百万' && unit[0] === '円') return 'none';
  const negative = !q[0] && sign !== '' && w.expect !== 0;
  return negative ? -w.expect : w.expect;
}

describe('large numbers: every written form reads as its value, or is refused — never another value', () => {
  it('in a table cell (parseQuantity)', () => {
    fc.assert(
      fc.property(quantityText, (c) => {
        const text = textOf(c);
        const want = expected(c);
        const v = parseQuantity(text);
        if (want === 'refused') {
          expect(v.quantities, text).toEqual([]);
          expect(v.refused?.length, text).toBe(1);
        } else if (want === 'none') {
          expect(v.quantities, text).toEqual([]);
        } else {
          expect(
            v.quantities.map((q) => [q.value, q.unit, q.qualifier, q.text]),
            `${c.w.form}: ${text}`,
          ).toEqual([[want, c.unit[1], c.q[2], text]]);
          expect(v.refused, text).toBeUndefined();
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('inside a sentence (scanQuantities), with its unit', () => {
    const withUnit = quantityText.filter((c) => c.unit[0] !== '');
    fc.assert(
      fc.property(withUnit, (c) => {
        const q = textOf(c);
        const s = `令和5年度の実績は${q}であり、`;
        const want = expected(c);
        const r = scanQuantities(s);
        if (want === 'refused') {
          expect(r.quantities, s).toEqual([]);
          expect(r.refused.map((x) => s.slice(x.offset, x.offset + x.length) === x.text)).toEqual([true]);
        } else if (want === 'none') {
          expect(r.quantities, s).toEqual([]);
        } else {
          expect(
            r.quantities.map((x) => [x.value, x.unit, x.qualifier, x.text, x.offset]),
            `${c.w.form}: ${s}`,
          ).toEqual([[want, c.unit[1], c.q[2], q, s.indexOf(q)]]);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a range of two written numbers reads as its two bounds', () => {
    const pair = fc
      .tuple(integer.chain(mixed), integer.chain(mixed))
      .filter(([a, b]) => typeof a.expect === 'number' && typeof b.expect === 'number' && a.expect < b.expect)
      // a lower bound without a place borrows the upper bound's; keep to bounds that carry their own
      .filter(([a]) => /[万億兆千百十]/u.test(a.numeral));
    fc.assert(
      fc.property(pair, fc.constantFrom('～', '〜'), ([a, b], sep) => {
        const text = `${a.numeral}${sep}${b.numeral}人`;
        expect(
          parseQuantity(text).quantities.map((q) => [q.value, q.qualifier]),
          text,
        ).toEqual([
          [a.expect, 'gte'],
          [b.expect, 'lte'],
        ]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('large numbers: forms the rule refuses are refused, whole', () => {
  const refusedWhole = (text: string) => {
    const v = parseQuantity(text);
    expect(v.quantities, text).toEqual([]);
    expect(
      v.refused?.map((r) => r.text),
      text,
    ).toEqual([text]);
  };
  const unit = fc.constantFrom('', '人', '円', '件');

  it('a group of five or more digits after 億 or 万 (`1億12345万`, `3万20000`)', () => {
    const big = fc.integer({ min: 10_000, max: 9_999_999 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), big, fc.boolean(), unit, (a, b, oku, u) => {
        refusedWhole(oku ? `${a}億${b}万${u}` : `${a}万${b}${u}`);
      }),
    );
  });

  it('arabic and kanji digits in one number (`1億二千万`)', () => {
    fc.assert(
      fc.property(integer.chain(mixed), fc.nat(), unit, (w, at, u) => {
        const digits = [...w.numeral].flatMap((c, i) => (/[1-9]/.test(c) ? [i] : []));
        fc.pre(/[万億兆千百十]/u.test(w.numeral) && digits.length > 1);
        const i = digits[at % digits.length] as number;
        const chars = [...w.numeral];
        chars[i] = KD[Number(chars[i])] as string;
        refusedWhole(chars.join('') + u);
      }),
    );
  });

  it('places out of order (`1万2億`, `5百3千`)', () => {
    const pair = fc.constantFrom(['万', '億'], ['万', '万'], ['億', '兆'], ['百', '千'], ['十', '百']);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), pair, unit, (a, b, [p, q], u) => {
        refusedWhole(`${a}${p}${b}${q}${u}`);
      }),
    );
  });
});

describe('large numbers: no fragments, no throws, no hangs', () => {
  it('a run of numeral characters before a unit is read whole or not at all', () => {
    const chars = [...'0123456789', ...'〇一二三五九', ...'十百千万億兆'];
    const run = fc
      .tuple(fc.constantFrom(...'0123456789一二三五九十百千'), fc.array(fc.constantFrom(...chars), { maxLength: 11 }))
      .map(([a, rest]) => a + rest.join(''));
    fc.assert(
      fc.property(run, fc.constantFrom('人', '円', '件'), (r, unit) => {
        const s = r + unit;
        for (const q of parseQuantity(s).quantities) expect([q.offset, q.text], s).toEqual([0, s]);
      }),
      { numRuns: 5000 },
    );
  });

  it('random text never makes the reader throw or hang', () => {
    const alphabet = [
      ...'0123456789０１２３４５６７８９',
      ...'〇一二三四五六七八九十百千万億兆',
      ...',.，． ～~-▲△+',
      ...'人円件千円万円百万円億円',
      ...'約以上以下未満程度年度令和第期歳',
      ...'()（）、。',
    ];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const t0 = performance.now();
        const cell = parseQuantity(s);
        const prose = scanQuantities(s);
        expect(performance.now() - t0, s).toBeLessThan(1000);
        for (const q of [...cell.quantities, ...prose.quantities]) {
          expect(Number.isFinite(q.value), s).toBe(true);
          expect(s.slice(q.offset, q.offset + q.length), s).toBe(q.text);
        }
        for (const r of [...(cell.refused ?? []), ...prose.refused])
          expect(s.slice(r.offset, r.offset + r.length), s).toBe(r.text);
        expect(cell.missing && cell.quantities.length > 0).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
