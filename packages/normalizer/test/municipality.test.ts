import { describe, expect, it } from 'vitest';
import {
  codeCheckDigit,
  lookupMunicipality,
  type MunicipalityLookup,
  municipalityFromPath,
  type PathMunicipality,
} from '../src/municipality.js';

// Codes checked by hand against packages/normalizer/data/municipalities.csv.
const codes = (r: MunicipalityLookup | PathMunicipality | null): string[] => {
  if (!r) return [];
  if (r.kind === 'found') return [r.municipality.code];
  return (r.kind === 'ambiguous' ? r.candidates : r.suggestions).map((m) => m.code);
};

describe('codeCheckDigit', () => {
  it('weights 6 5 4 3 2, takes the remainder mod 11 from 11, keeps the last digit', () => {
    // 1·6 + 1·5 + 2·4 + 0·3 + 8·2 = 35; 35 mod 11 = 2; 11 − 2 = 9
    expect(codeCheckDigit('11208')).toBe(9);
    // 0 + 5 + 4 = 9; 11 − 9 = 2 (札幌市 011002)
    expect(codeCheckDigit('01100')).toBe(2);
    // 1·6 + 3·5 + 2·4 + 0 + 6·2 = 41; 41 mod 11 = 8; 3 (府中市 132063)
    expect(codeCheckDigit('13206')).toBe(3);
  });
});

describe('lookupMunicipality (an option or a manifest cell)', () => {
  it('reads 6-digit codes, full-width too; an unknown code or a wrong check digit is unknown', () => {
    expect(lookupMunicipality('112089')).toMatchObject({ kind: 'found', municipality: { name: '所沢市' } });
    expect(codes(lookupMunicipality('１１２０８９'))).toEqual(['112089']);
    expect(lookupMunicipality('999999')).toEqual({ kind: 'unknown', suggestions: [] });
    expect(lookupMunicipality('112088').kind).toBe('unknown');
  });

  it('reads a 5-digit code as the code without its check digit or as one a spreadsheet stripped of its 0', () => {
    expect(codes(lookupMunicipality('11208'))).toEqual(['112089']);
    // 11002 + check digit 7 is no code; 011002 is 札幌市
    expect(codes(lookupMunicipality('11002'))).toEqual(['011002']);
    // both exist: 012106 岩見沢市 and 121061 千葉市美浜区
    const both = lookupMunicipality('12106');
    expect(both.kind).toBe('ambiguous');
    expect(codes(both).sort()).toEqual(['012106', '121061']);
  });

  it('a name two municipalities share is ambiguous; the prefecture or a code settles it', () => {
    const fuchu = lookupMunicipality('府中市');
    expect(fuchu.kind).toBe('ambiguous');
    expect(codes(fuchu)).toEqual(['132063', '342084']);
    expect(codes(lookupMunicipality('広島県府中市'))).toEqual(['342084']);
    expect(codes(lookupMunicipality('広島県 府中市'))).toEqual(['342084']);
    expect(codes(lookupMunicipality('東京都府中市'))).toEqual(['132063']);
    // 府中町 (広島県) is a municipality of its own
    expect(codes(lookupMunicipality('府中町'))).toEqual(['343021']);
    expect(codes(lookupMunicipality('札幌市 中央区'))).toEqual(['011011']);
    // ヶ and ケ: the list writes 鶴ヶ島市 and 金ケ崎町; people write either
    expect(codes(lookupMunicipality('鶴ケ島市'))).toEqual(['112411']);
    expect(codes(lookupMunicipality('金ヶ崎町'))).toEqual(['033812']);
  });

  it('an unknown name comes back with the names it may have meant', () => {
    const wrongPref = lookupMunicipality('埼玉県府中市');
    expect(wrongPref.kind).toBe('unknown');
    expect(codes(wrongPref)).toEqual(['132063', '342084']);
    expect(codes(lookupMunicipality('所沢'))).toEqual(['112089']);
    expect(lookupMunicipality('どこでも市')).toEqual({ kind: 'unknown', suggestions: [] });
  });
});

describe('municipalityFromPath', () => {
  it.each([
    ['docs/所沢市/資料2.pdf', '112089', '所沢市'],
    ['saitama/所沢市_資料2.pdf', '112089', '所沢市_資料2'],
    ['/data/112089_資料.pdf', '112089', '112089_資料'],
    ['112089_所沢市.txt', '112089', '112089_所沢市'],
    ['資料112089.pdf', '112089', '資料112089'],
    ['R6/令和6年度所沢市障害福祉計画.pdf', '112089', '令和6年度所沢市障害福祉計画'],
    ['C:\\docs\\所沢市\\a.pdf', '112089', '所沢市'],
    ['x/三次市/a.pdf', '342092', '三次市'],
    ['鶴ケ島市/a.pdf', '112411', '鶴ケ島市'],
    ['入間郡三芳町/a.pdf', '113247', '入間郡三芳町'],
    ['千葉県/千葉市/a.pdf', '121002', '千葉市'],
    ['広島県/府中市/a.pdf', '342084', '府中市'],
    ['広島県府中市_資料.pdf', '342084', '広島県府中市_資料'],
    ['名古屋市/北区/a.pdf', '231037', '北区'],
    ['横浜市/港北区/a.pdf', '141097', '港北区'],
    ['東京都/北区/a.pdf', '131172', '北区'],
    // the file name is nearer than its folder
    ['所沢市/狭山市資料.pdf', '112151', '狭山市資料'],
  ])('%s → %s', (path, code, part) => {
    expect(municipalityFromPath(path)).toEqual({
      kind: 'found',
      municipality: expect.objectContaining({ code }),
      part,
    });
  });

  it.each([
    ['/tmp/shiryo-cli-abc/report.txt', 'no name at all'],
    ['第三次市民福祉計画.pdf', '三次市 inside 第三次市民'],
    ['東京都市部/a.pdf', '京都市 inside 東京都市'],
    ['港北区.pdf', '北区 inside 港北区, no city further out'],
    ['中央区域の資料.pdf', '中央区 inside 中央区域'],
    ['広島県/a.pdf', 'a prefecture is no 広島市'],
    ['千葉/a.pdf', 'a bare prefecture stem names nothing'],
    ['11208_資料.pdf', 'a 5-digit number is not read'],
    ['112088_資料.pdf', 'the check digit does not hold'],
    ['ID112089.pdf', 'letters glued to the number'],
  ])('%s → nothing (%s)', (path) => {
    expect(municipalityFromPath(path)).toBeNull();
  });

  it('a name two municipalities share, or two cities in one name, is ambiguous', () => {
    expect(municipalityFromPath('hiroshima/府中市/a.pdf')).toMatchObject({ kind: 'ambiguous', part: '府中市' });
    expect(codes(municipalityFromPath('hiroshima/府中市/a.pdf'))).toEqual(['132063', '342084']);
    expect(codes(municipalityFromPath('a/所沢市_狭山市_比較.pdf'))).toEqual(['112089', '112151']);
    expect(codes(municipalityFromPath('112089_狭山市.pdf'))).toEqual(['112089', '112151']);
  });
});

describe('municipalityFromPath: a name in romaji in an ASCII file name', () => {
  const name = (p: string) => {
    const r = municipalityFromPath(p);
    return r?.kind === 'found' ? r.municipality.name : r ? r.candidates.map((m) => m.name) : null;
  };

  it('reads a municipality name in Hepburn, long vowels written once or as typed, with or without 市', () => {
    expect(name('/data/tokorozawa_keikaku.pdf')).toBe('所沢市');
    expect(name('/data/tokorozawashi-r6.pdf')).toBe('所沢市');
    expect(name('/x/kobe-yosan.pdf')).toBe('神戸市');
    expect(name('/x/koube_kessan.pdf')).toBe('神戸市');
  });

  it('reads no city from a prefecture name, words that name none, short tokens or folders', () => {
    expect(name('/x/osaka_hodo.pdf')).toBeNull();
    expect(name('/x/shizuoka_shiryo.pdf')).toBeNull();
    expect(name('/x/keikaku_jisseki_houkoku.pdf')).toBeNull();
    expect(name('/x/ise_r6.pdf')).toBeNull();
    expect(name('/tokorozawa/shiryo.pdf')).toBeNull();
  });

  it('a name several municipalities bear is ambiguous; a Japanese name in the path wins', () => {
    expect(name('/x/fuchu_keikaku.pdf')).toEqual(['府中市', '府中市', '府中町']);
    expect(name('/所沢市/kobe_hikaku.pdf')).toBe('所沢市');
  });
});
