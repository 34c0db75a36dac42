import { describe, expect, it } from 'vitest';
import { catalog, matchIndicator } from '../src/catalog.js';
import { detectPlan } from '../src/context.js';
import { detectMunicipality, municipalities, municipalityByCode, municipalityByName } from '../src/municipality.js';

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
