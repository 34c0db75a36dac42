import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeMapped,
  normalizeText,
  parseKanjiNumber,
  parseNumberToken,
  readNumeral,
  sourceSpan,
} from '../../src/text/index.js';

describe('parseKanjiNumber', () => {
  const cases: Array<[string, number | null]> = [
    ['一', 1],
    ['二', 2],
    ['九', 9],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十五', 25],
    ['二十九', 29],
    ['三十', 30],
    ['三十一', 31],
    ['六十四', 64],
    ['四十五', 45],
    ['九十九', 99],
    ['百', 100],
    ['百六十', 160],
    ['百一', 101],
    ['二百', 200],
    ['三百六十五', 365],
    ['千', 1000],
    ['千二百', 1200],
    ['二千二十三', 2023],
    ['一万', 10000],
    ['一万二千', 12000],
    ['二〇二一', 2021],
    ['二〇一九', 2019],
    ['〇', 0],
    ['一千二百三十四万五千', 12_345_000],
    ['千二百万', 12_000_000],
    ['百万', 1_000_000],
    ['一億二千万', 120_000_000],
    ['三兆', 3_000_000_000_000],
    // a part after 億 with no 万 is refused (was the 万 cut off?)
    ['一億二千', null],
    ['万', null],
    ['万一', null],
    ['一万一万', null],
    ['十百', null],
    ['二三十', null],
    ['〇十', null],
    ['', null],
    ['元', null],
    ['1', null],
    ['十a', null],
  ];
  it.each(cases)('%s → %s', (text, want) => {
    expect(parseKanjiNumber(text)).toBe(want);
  });

  it('reads digit tokens too', () => {
    expect(parseNumberToken('1,258')).toBe(1258);
    expect(parseNumberToken('1.31')).toBe(1.31);
    expect(parseNumberToken('十二')).toBe(12);
    expect(parseNumberToken('1,28')).toBeNull();
  });
});

describe('readNumeral', () => {
  const ok: Array<[string, number]> = [
    ['18億5,000万', 1_850_000_000],
    ['1億2千万', 120_000_000],
    ['3万5千', 35_000],
    ['1.2万', 12_000],
    ['1.15万', 11_500],
    ['0.5億', 50_000_000],
    ['12.3万', 123_000],
    ['1.23456万', 12_345.6],
    ['12万3456', 123_456],
    ['2千500', 2_500],
    ['5千', 5_000],
    ['3千5百', 3_500],
    ['12,345万', 123_450_000],
    ['1 億 2,000 万', 120_000_000],
    ['1,258', 1_258],
  ];
  it.each(ok)('%s → %d', (text, want) => {
    expect(readNumeral(text)).toMatchObject({ ok: true, value: want });
  });

  const refused: Array<[string, boolean]> = [
    ['18億5,000', true],
    ['1億二千万', true],
    ['12千', true],
    ['1億12345万', true],
    ['1.5億2千万', true],
    ['2千5000', true],
    ['99999999999兆', true],
    ['一億二千', true],
    // kanji that only look like a number: no warning
    ['万一', false],
    ['十百', false],
  ];
  it.each(refused)('%s is refused (a number: %s)', (text, numberLike) => {
    expect(readNumeral(text)).toMatchObject({ ok: false, numberLike });
  });

  it('marks one coefficient times one place, which a range lends', () => {
    expect(readNumeral('2万')).toMatchObject({ single: { coefficient: 2, factor: 10_000 } });
    expect(readNumeral('2千')).toMatchObject({ single: { coefficient: 2, factor: 1_000 } });
    expect(readNumeral('2万5千')).toMatchObject({ single: null });
  });
});

describe('normalizeText', () => {
  // [input, repaired text, fixes]
  const cases: Array<[string, string, string[]]> = [
    // spaces inside Japanese words (seed documents: higashimatsuyama, akishima)
    ['精神障 害者保 健福祉 手帳', '精神障害者保健福祉手帳', ['joinWordSpaces']],
    ['項 目', '項目', ['joinWordSpaces']],
    ['区 分', '区分', ['joinWordSpaces']],
    ['比 較', '比較', ['joinWordSpaces']],
    ['取 組 内 容', '取組内容', ['joinWordSpaces']],
    ['第 6 期', '第6期', ['joinWordSpaces']],
    [
      '第 6 期障害福祉計画における成果目標の評価等について',
      '第6期障害福祉計画における成果目標の評価等について',
      ['joinWordSpaces'],
    ],
    ['R 3', 'R3', ['joinWordSpaces']],
    ['R 4', 'R4', ['joinWordSpaces']],
    ['R.5年度', 'R5年度', ['eraLetterDot']],
    ['Ｈ．３０年度末', 'H30年度末', ['eraLetterDot']],
    ['R.6.4.1現在', 'R6.4.1現在', ['eraLetterDot']],
    ['No.3', 'No.3', []],
    ['R.123', 'R.123', []],
    ['サー ビス', 'サービス', ['joinWordSpaces']],
    ['サービス 支給決定者', 'サービス支給決定者', ['joinWordSpaces']],
    ['身体 障害者 手帳', '身体障害者手帳', ['joinWordSpaces']],
    ['延べ利用件 数(件／年)', '延べ利用件数(件/年)', ['joinWordSpaces']],
    ['H29 年度末', 'H29年度末', ['joinWordSpaces']],
    ['R3 年度末', 'R3年度末', ['joinWordSpaces']],
    ['令和 3年度', '令和3年度', ['joinWordSpaces']],
    ['2018-2020 年度', '2018-2020年度', ['joinWordSpaces']],
    ['2019 年度の進捗 (2020 年 1 月時点)', '2019年度の進捗 (2020年1月時点)', ['joinWordSpaces']],
    ['2020(令和2)年\t度に整備', '2020(令和2)年度に整備', ['joinWordSpaces']],
    ['1 か所以上設置', '1か所以上設置', ['joinWordSpaces']],
    ['293 か所', '293か所', ['joinWordSpaces']],
    ['延べ 32 人', '延べ 32人', ['joinWordSpaces']],
    ['0～14 歳', '0~14歳', ['joinWordSpaces']],
    ['就労継続支援 A 型事業所: 3人', '就労継続支援 A型事業所: 3人', ['joinWordSpaces']],
    ['72人を 超えない', '72人を超えない', ['joinWordSpaces']],
    // never between two numbers, nor between a number and the next value
    ['17人 12人', '17人 12人', []],
    ['17人 (1.31倍) 12人 (1.34倍) 5人 (1.67倍)', '17人 (1.31倍) 12人 (1.34倍) 5人 (1.67倍)', []],
    ['1,275 <24>', '1,275 <24>', []],
    ['191 <116>', '191 <116>', []],
    ['2,621 693 716 4,030', '2,621 693 716 4,030', []],
    ['94人 42人', '94人 42人', []],
    ['R1：87人 R2：97人 R3：118人', 'R1:87人 R2:97人 R3:118人', []],
    // a heading number before a word is not a unit
    ['2 日中活動系サービス', '2 日中活動系サービス', []],
    ['1 人材育成', '1 人材育成', []],
    // digits spaced by a PDF export, then a unit
    ['• 一般就労移行者数: 1 1 人', '• 一般就労移行者数: 11人', ['joinSpacedDigits']],
    ['1 1 人', '11人', ['joinSpacedDigits']],
    ['1 2 0 件', '120件', ['joinSpacedDigits']],
    ['実績値 0 2', '実績値 0 2', []],
    // decimal repairs
    ['R3年度の1. 28倍以上', 'R3年度の1.28倍以上', ['decimalSpace']],
    ['R3年度の 1. 31 倍以上', 'R3年度の 1.31倍以上', ['decimalSpace', 'joinWordSpaces']],
    ['令和3年度の1、28 倍以上', '令和3年度の1.28倍以上', ['decimalComma', 'joinWordSpaces']],
    ['1. 施設入所者', '1. 施設入所者', []],
    ['1、2、3', '1、2、3', []],
    // OCR confusions
    ['【目標值】', '【目標値】', ['ocrAtai']],
    ['【日標值】', '【目標値】', ['ocrAtai', 'ocrMokuhyo']],
    ['【月標】', '【目標】', ['ocrMokuhyo']],
    ['【月 標】', '【目標】', ['joinWordSpaces', 'ocrMokuhyo']],
    ['日標値', '目標値', ['ocrMokuhyo']],
    ['日標: 9人', '目標: 9人', ['ocrMokuhyo']],
    ['【日標】', '【目標】', ['ocrMokuhyo']],
    ['【月標値】', '【目標値】', ['ocrMokuhyo']],
    ['【月報】', '【月報】', []],
    ['数值目標なし', '数値目標なし', ['ocrAtai']],
    ['毎月標準的な', '毎月標準的な', []],
    // (a target's label going on after the misread word)
    ['月標設定及び評価の実施回数', '目標設定及び評価の実施回数', ['ocrMokuhyo']],
    ['日標達成率', '目標達成率', ['ocrMokuhyo']],
    ['月標準報酬額', '月標準報酬額', []],
    ['日標', '日標', []],
    // NFKC
    ['令和３年度', '令和3年度', []],
    ['１，２５８', '1,258', []],
    ['７０％', '70%', []],
    ['（人／月）', '(人/月)', []],
    ['ｶﾞｲﾄﾞ', 'ガイド', []],
    ['㋿3年度', '令和3年度', []],
    // enclosed numerals are list markers and stay
    ['①地域移行者数 4人', '①地域移行者数 4人', []],
    ['③-1 福祉施設から一般就労への移行等', '③-1 福祉施設から一般就労への移行等', []],
    // blanks
    ['  利用実人数\u3000（人／月） ', '利用実人数 (人/月)', []],
    ['a\r\nb', 'a\nb', []],
    ['行1 \n 行2', '行1\n行2', []],
  ];
  it.each(cases)('%j → %j', (input, want, fixes) => {
    const r = normalizeText(input);
    expect(r.text).toBe(want);
    expect(r.orig).toBe(input);
    expect(r.fixes).toEqual(fixes);
  });

  it('maps every repaired span back to the input', () => {
    const src = '• 一般就労移行者数: 1 1 人 と R 3 年度';
    const m = normalizeMapped(src);
    expect(m.text).toBe('• 一般就労移行者数: 11人と R3年度');
    const a = m.text.indexOf('11人');
    const sp = sourceSpan(m, src, a, a + 3);
    expect(src.slice(sp.offset, sp.offset + sp.length)).toBe('1 1 人');
    const r = m.text.indexOf('R3年度');
    const sp2 = sourceSpan(m, src, r, r + 5);
    expect(src.slice(sp2.offset, sp2.offset + sp2.length)).toBe('R 3 年度');
  });

  it('keeps an expanded character whole (㋿ → 令和)', () => {
    const src = '㋿3年度';
    const m = normalizeMapped(src);
    expect(m.text).toBe('令和3年度');
    expect(sourceSpan(m, src, 0, 1)).toEqual({ offset: 0, length: 1 });
    expect(sourceSpan(m, src, 0, 5)).toEqual({ offset: 0, length: 4 });
  });
});

describe('normalizeText properties', () => {
  const alphabet = [
    ...'0123456789１２ ,.、人回件か所年度月日令和平成R H第期▲-()（）<>%割倍値值目標月【】障害者サービスー\t\n',
  ];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((a) => a.join(''));

  it('is idempotent', () => {
    fc.assert(
      fc.property(text, (s) => {
        const once = normalizeText(s).text;
        return normalizeText(once).text === once;
      }),
      { numRuns: 3000 },
    );
  });

  it('maps back into the input', () => {
    fc.assert(
      fc.property(text, (s) => {
        const m = normalizeMapped(s);
        if (m.map.length !== m.text.length + 1) return false;
        for (let i = 0; i < m.map.length - 1; i++) {
          if ((m.map[i] as number) > (m.map[i + 1] as number)) return false;
          if ((m.map[i] as number) >= s.length) return false;
        }
        return m.map.at(-1) === s.length;
      }),
      { numRuns: 3000 },
    );
  });
});
