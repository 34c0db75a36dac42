import { describe, expect, it } from 'vitest';
import { catalog, matchIndicator } from '../src/catalog.js';
import { detectPlan } from '../src/context.js';
import {
  detectMunicipality,
  foldName,
  municipalities,
  municipalityByCode,
  municipalityByName,
} from '../src/municipality.js';

describe('municipality code list', () => {
  it('holds every municipality with a 6-digit code', () => {
    const all = municipalities();
    expect(all.length).toBe(1916);
    expect(all.every((m) => /^\d{6}$/.test(m.code))).toBe(true);
  });

  it('looks up codes and names', () => {
    expect(municipalityByCode('112127')).toMatchObject({ name: '東松山市', prefecture: '埼玉県' });
    expect(municipalityByName('昭島市')).toMatchObject({ code: '132071', prefecture: '東京都' });
    expect(municipalityByName('三重県伊賀市')).toMatchObject({ code: '242161' });
    expect(municipalityByName('どこでも市')).toBeNull();
  });
});

describe('detectMunicipality', () => {
  it('prefers the longer name over one inside it (東松山市, not 松山市)', () => {
    const g = detectMunicipality('令和4年度第1回東松山市障害者計画等策定委員会部会次第\n東松山市役所分室');
    expect(g?.municipality).toMatchObject({ code: '112127', name: '東松山市' });
  });

  it('counts mentions and weights the first lines', () => {
    const g = detectMunicipality('白井市の地域包括ケア\n…\n千葉県からの通知、船橋市の例');
    expect(g?.municipality.code).toBe('122327');
  });

  it('disambiguates same-name municipalities by the prefecture mentioned', () => {
    // 府中市 exists in 東京都 and 広島県
    const tokyo = detectMunicipality('東京都 府中市 障害福祉計画');
    const hiroshima = detectMunicipality('広島県 府中市 障害福祉計画');
    expect(tokyo?.municipality.prefecture).toBe('東京都');
    expect(hiroshima?.municipality.prefecture).toBe('広島県');
  });

  it('does not read a name glued to the word before it (第三次市民福祉計画 holds 三次市)', () => {
    const g = detectMunicipality('第三次市民福祉計画・第三次市民福祉計画の進捗\n令和5年度 日野市障害者福祉計画');
    expect(g?.municipality.name).toBe('日野市');
    expect(detectMunicipality('第三次市民福祉計画')).toBeNull();
    // a prefecture, district or plan number before the name is no word of its own
    expect(detectMunicipality('広島県三次市民の福祉 障害福祉計画')?.municipality.name).toBe('三次市');
    expect(detectMunicipality('第7期伊賀市障がい福祉計画')?.municipality.name).toBe('伊賀市');
  });

  // family "a city's name as it is written": the forms below are not the fixtures' (none of them names these cities)
  it("reads a name in the kanji or kana people write for the code list's own", () => {
    const name = (t: string) => detectMunicipality(t)?.municipality;
    expect(name('竜ヶ崎市障がい福祉計画')).toMatchObject({ code: '082082', name: '龍ケ崎市' });
    expect(name('第9期 塩釜市介護保険事業計画')).toMatchObject({ code: '042030', name: '塩竈市' });
    expect(name('桧原村 障害者計画')).toMatchObject({ code: '133078', name: '檜原村' });
    expect(name('茅ケ崎市 地域福祉計画')).toMatchObject({ code: '142077', name: '茅ヶ崎市' });
    expect(name('飯館村の介護保険')).toMatchObject({ code: '075647' });
    // an ideographic variation selector after a kanji (葛 with an IVS) is the same letter
    expect(name('葛\u{E0100}飾区 障害福祉計画')).toMatchObject({ code: '131229' });
    // 鹿嶋市 and 鹿島市 are two cities: 嶋 is not folded into 島
    expect(name('鹿嶋市')?.code).toBe('082228');
    expect(name('佐賀県鹿島市')?.code).toBe('412074');
  });

  it('joins a title spaced out letter by letter', () => {
    expect(detectMunicipality('東 松 山 市 障 害 福 祉 計 画\n1 成果目標')?.municipality.code).toBe('112127');
    expect(detectMunicipality('四　日　市　市\n障害福祉計画')?.municipality.name).toBe('四日市市');
  });

  it('does not read a name glued on its left to a kanji or katakana word', () => {
    // 桧原村 held 原村 (長野県), 一ノ関市 held 関市 (岐阜県), 旧… is a former town
    expect(detectMunicipality('一ノ関市の福祉')?.municipality.name).not.toBe('関市');
    expect(detectMunicipality('旧上野市の区域')).toBeNull();
    expect(detectMunicipality('令和６年度所沢市障害福祉計画')?.municipality.code).toBe('112089');
    expect(detectMunicipality('三重県伊賀市及び名張市')?.municipality.name).toBe('伊賀市');
  });

  it('folds no two names of the code list into one', () => {
    const byFolded = new Map<string, Set<string>>();
    for (const m of municipalities()) {
      const k = foldName(m.name);
      byFolded.set(k, (byFolded.get(k) ?? new Set()).add(m.name));
    }
    expect([...byFolded.values()].filter((s) => s.size > 1).map((s) => [...s])).toEqual([]);
  });

  it('returns null when no municipality is named', () => {
    expect(detectMunicipality('障害福祉計画の成果目標')).toBeNull();
  });
});

describe('detectPlan', () => {
  it.each([
    ['第6期障害福祉計画・第2期障害児福祉計画に係る令和3年度実績', '第6期障害福祉計画・第2期障害児福祉計画', 2021, 2023],
    ['第 6 期障害福祉計画における成果目標', '第6期障害福祉計画', 2021, 2023],
    ['第7期伊賀市障がい福祉計画', '第7期障害福祉計画', 2024, 2026],
    ['第3期伊賀市障がい児福祉計画', '第3期障害児福祉計画', 2024, 2026],
    ['第8期介護保険事業計画', '第8期介護保険事業計画', 2021, 2023],
    ['第9期介護保険事業計画', '第9期介護保険事業計画', 2024, 2026],
    ['第1期障害福祉計画', '第1期障害福祉計画', 2006, 2008],
  ])('%s', (text, plan, start, end) => {
    expect(detectPlan(text)).toEqual({ plan, start, end });
  });

  it('is null without a plan term', () => {
    expect(detectPlan('2018-2020年度の取組み')).toBeNull();
  });
});

describe('indicator catalog', () => {
  it('loads entries of both plans with unique ids', () => {
    const all = catalog();
    expect(all.length).toBeGreaterThan(150);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.some((e) => e.plan === 'kaigo')).toBe(true);
  });

  it.each([
    ['居宅介護', 'service.kyotaku_kaigo'],
    ['居宅介護（ホームヘルプ）', 'service.kyotaku_kaigo'],
    ['共同生活援助(グループホーム)の利用者数', 'service.kyodo_seikatsu_enjo'],
    ['地域生活移行者数', 'outcome.community_transition.persons'],
    ['保健、医療及び福祉関係者による協議の場の開催回数', 'activity.mental.council_meetings'],
    // the residents counted for the reduction target, not the service 施設入所支援
    ['施設入所者数', 'outcome.community_transition.facility_residents_reduction'],
    ['施設入所支援', 'service.shisetsu_nyusho_shien'],
    // the centre to set up, not the service 児童発達支援
    ['児童発達支援センター', 'outcome.child.development_center'],
    ['児童発達支援', 'service.jido_hattatsu_shien'],
  ])('matches %s', (label, id) => {
    expect(matchIndicator(label)?.entry.id).toBe(id);
  });

  it('does not take setting places up for the service they give', () => {
    expect(matchIndicator('グループホームの新規開設')).toBeNull();
    expect(matchIndicator('グループホームの利用者数')?.entry.id).toBe('service.kyodo_seikatsu_enjo');
  });

  it('leaves an unknown label unmatched instead of forcing one', () => {
    expect(matchIndicator('市民向けリーフレットの配布')).toBeNull();
    expect(matchIndicator('合計')).toBeNull();
  });
});
