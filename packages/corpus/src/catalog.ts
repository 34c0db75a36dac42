/**
 * What the generated documents count: indicators of the national catalog (services, 成果目標, 活動指標, 介護
 * services, 地域生活支援事業, statistics) with their measures, units and plausible ranges. Labels and aliases are
 * taken from the catalog's reference lists (indicators-shogai.yaml, indicators-kaigo.yaml); the aliases here are the
 * tuned part's — the held-out part has its own in heldout/.
 */

/** The generator's unit keys, as a document writes them. */
export type UnitKey =
  | '人'
  | '人/月'
  | '人/年'
  | '人日/月'
  | '日/月'
  | '時間/月'
  | '時間/年'
  | '件/年'
  | '回/年'
  | '回/月'
  | 'か所'
  | '%'
  | '千円'
  | '円';

export interface UnitDef {
  /** canonical unit of the export contract (packages/model/src/units.ts, docs/OBSERVATIONS.md) */
  canonical: string;
  /** a cell value is multiplied by this (千円 → yen) */
  scale: number;
  /** how tuned documents write it in a header or label */
  texts: string[];
  /** the value with its unit inside a cell, when a cell alone says the whole unit (else null) */
  cell: ((n: string) => string)[] | null;
}

export const UNITS: Record<UnitKey, UnitDef> = {
  人: { canonical: 'person', scale: 1, texts: ['人'], cell: [(n) => `${n}人`] },
  '人/月': { canonical: 'person/month', scale: 1, texts: ['人/月', '人／月'], cell: null },
  '人/年': { canonical: 'person/year', scale: 1, texts: ['人/年', '人／年'], cell: null },
  '人日/月': { canonical: 'person_day/month', scale: 1, texts: ['人日/月', '人日／月', '日/月', '日／月'], cell: null },
  // 介護 短期入所's 日数 (日/月) are person-days (docs/OBSERVATIONS.md: 日/月 for day services).
  '日/月': { canonical: 'person_day/month', scale: 1, texts: ['日/月', '日／月'], cell: null },
  '時間/月': { canonical: 'hour/month', scale: 1, texts: ['時間/月', '時間／月'], cell: null },
  '時間/年': { canonical: 'hour/year', scale: 1, texts: ['時間/年', '時間／年'], cell: null },
  '件/年': { canonical: 'case/year', scale: 1, texts: ['件/年', '件／年'], cell: null },
  '回/年': { canonical: 'time/year', scale: 1, texts: ['回/年', '回／年'], cell: [(n) => `年${n}回`] },
  '回/月': { canonical: 'time/month', scale: 1, texts: ['回/月', '回／月'], cell: null },
  か所: {
    canonical: 'facility',
    scale: 1,
    texts: ['か所', '箇所', 'カ所'],
    cell: [(n) => `${n}か所`, (n) => `${n}箇所`],
  },
  '%': { canonical: 'percent', scale: 1, texts: ['%', '％'], cell: [(n) => `${n}%`, (n) => `${n}％`] },
  千円: { canonical: 'yen', scale: 1000, texts: ['千円'], cell: [(n) => `${n}千円`] },
  円: { canonical: 'yen', scale: 1, texts: ['円'], cell: [(n) => `${n}円`] },
};

export interface Measure {
  key: string;
  /** measure labels a tuned document writes (the first is the name recorded in the truth) */
  labels: string[];
  unit: UnitKey;
  lo: number;
  hi: number;
  decimals?: number;
}

export interface Subset {
  /** the subgroup recorded in the truth */
  subgroup: string;
  /** share of the parent value */
  share: [number, number];
  /** which measure keys carry it */
  measures: string[];
}

export type Domain = 'shogai_services' | 'kaigo_services' | 'chiiki' | 'activity' | 'outcomes' | 'statistics';

export interface Item {
  id: string;
  /** the catalog label */
  label: string;
  /** labels a tuned document may write instead (the catalog's aliases, checked to name the same thing) */
  aliases: string[];
  /** the group the plan lists it under (a decorative header level) */
  group: string;
  measures: Measure[];
  subset?: Subset;
  outcome?: OutcomeDef;
}

/** How an outcome target behaves: its qualifier, its baseline, the bracketed share beside it, the guideline. */
export interface OutcomeDef {
  qualifier: 'gte' | 'lte' | null;
  /** has a baseline of the same quantity (base year) */
  baseline: boolean;
  /** a share or ratio written beside the target in brackets (relative to the baseline) */
  bracket: 'percent' | 'ratio' | null;
  /** the national guideline's wording for the same target (never an observation) */
  guideline: string[];
  /** actual values accumulate over the term (移行者数) rather than being a stock */
  stock: boolean;
}

const users = (lo: number, hi: number, unit: UnitKey = '人/月'): Measure => ({
  key: 'users',
  labels: ['利用者数', '利用実人数', '実利用者数', '利用人数'],
  unit,
  lo,
  hi,
});
const hours = (lo: number, hi: number, unit: UnitKey = '時間/月'): Measure => ({
  key: 'hours',
  labels: ['利用時間', '利用時間数', '延べ利用時間'],
  unit,
  lo,
  hi,
});
const days = (lo: number, hi: number): Measure => ({
  key: 'days',
  labels: ['利用日数', '延べ利用日数'],
  unit: '人日/月',
  lo,
  hi,
});

export const SHOGAI_SERVICES: Item[] = [
  {
    id: 'service.kyotaku_kaigo',
    label: '居宅介護',
    aliases: ['居宅介護（ホームヘルプ）', '居宅介護(ホームヘルプ)'],
    group: '訪問系サービス',
    measures: [users(40, 400), hours(800, 9000)],
  },
  {
    id: 'service.judo_houmon_kaigo',
    label: '重度訪問介護',
    aliases: ['重度訪問介護事業'],
    group: '訪問系サービス',
    measures: [users(2, 40), hours(300, 9000)],
  },
  {
    id: 'service.doko_engo',
    label: '同行援護',
    aliases: ['同行援護事業'],
    group: '訪問系サービス',
    measures: [users(5, 60), hours(100, 1500)],
  },
  {
    id: 'service.kodo_engo',
    label: '行動援護',
    aliases: ['行動援護事業'],
    group: '訪問系サービス',
    measures: [users(3, 50), hours(60, 1200)],
  },
  {
    id: 'service.seikatsu_kaigo',
    label: '生活介護',
    aliases: ['生活介護事業'],
    group: '日中活動系サービス',
    measures: [users(80, 700), days(1500, 14000)],
    subset: { subgroup: '施設入所者を除く', share: [0.5, 0.75], measures: ['users', 'days'] },
  },
  {
    id: 'service.jiritsu_kunren_kinou',
    label: '自立訓練（機能訓練）',
    aliases: ['自立訓練(機能訓練)'],
    group: '日中活動系サービス',
    measures: [users(1, 12), days(10, 200)],
  },
  {
    id: 'service.jiritsu_kunren_seikatsu',
    label: '自立訓練（生活訓練）',
    aliases: ['自立訓練(生活訓練)'],
    group: '日中活動系サービス',
    measures: [users(4, 40), days(60, 700)],
  },
  {
    id: 'service.shuro_ikou_shien',
    label: '就労移行支援',
    aliases: ['就労移行支援事業'],
    group: '日中活動系サービス',
    measures: [users(10, 120), days(150, 2200)],
  },
  {
    id: 'service.shuro_keizoku_a',
    label: '就労継続支援（A型）',
    aliases: ['就労継続支援(A型)', '就労継続支援A型'],
    group: '日中活動系サービス',
    measures: [users(5, 150), days(80, 3000)],
  },
  {
    id: 'service.shuro_keizoku_b',
    label: '就労継続支援（B型）',
    aliases: ['就労継続支援(B型)', '就労継続支援B型'],
    group: '日中活動系サービス',
    measures: [users(60, 700), days(1000, 12000)],
  },
  {
    id: 'service.shuro_teichaku_shien',
    label: '就労定着支援',
    aliases: ['就労定着支援事業'],
    group: '日中活動系サービス',
    measures: [users(3, 60)],
  },
  {
    id: 'service.ryoyo_kaigo',
    label: '療養介護',
    aliases: ['療養介護事業'],
    group: '日中活動系サービス',
    measures: [users(3, 40), days(90, 1200)],
  },
  {
    id: 'service.tanki_nyusho_total',
    label: '短期入所',
    aliases: ['短期入所（ショートステイ）'],
    group: '日中活動系サービス',
    measures: [users(15, 150), days(100, 1500)],
    subset: { subgroup: '医療型', share: [0.08, 0.25], measures: ['users', 'days'] },
  },
  {
    id: 'service.jiritsu_seikatsu_enjo',
    label: '自立生活援助',
    aliases: ['自立生活援助事業'],
    group: '居住系サービス',
    measures: [users(1, 15)],
  },
  {
    id: 'service.kyodo_seikatsu_enjo',
    label: '共同生活援助',
    aliases: ['共同生活援助（グループホーム）', '共同生活援助(グループホーム)'],
    group: '居住系サービス',
    measures: [users(40, 600)],
  },
  {
    id: 'service.shisetsu_nyusho_shien',
    label: '施設入所支援',
    aliases: ['施設入所支援事業'],
    group: '居住系サービス',
    measures: [users(40, 400)],
  },
  {
    id: 'service.keikaku_sodan_shien',
    label: '計画相談支援',
    aliases: ['計画相談支援事業'],
    group: '相談支援',
    measures: [users(80, 900)],
  },
  {
    id: 'service.chiiki_ikou_shien',
    label: '地域移行支援',
    aliases: ['地域移行支援事業'],
    group: '相談支援',
    measures: [users(1, 12)],
  },
  {
    id: 'service.chiiki_teichaku_shien',
    label: '地域定着支援',
    aliases: ['地域定着支援事業'],
    group: '相談支援',
    measures: [users(2, 30)],
  },
  {
    id: 'service.jido_hattatsu_shien',
    label: '児童発達支援',
    aliases: ['児童発達支援事業'],
    group: '障害児通所支援',
    measures: [users(15, 300), days(150, 3000)],
  },
  {
    id: 'service.houkago_day',
    label: '放課後等デイサービス',
    aliases: ['放課後等デイサービス事業'],
    group: '障害児通所支援',
    measures: [users(50, 700), days(600, 9000)],
  },
  {
    id: 'service.hoikusho_houmon_shien',
    label: '保育所等訪問支援',
    aliases: ['保育所等訪問支援事業'],
    group: '障害児通所支援',
    measures: [users(2, 40), days(2, 80)],
  },
  {
    id: 'service.shogaiji_sodan_shien',
    label: '障害児相談支援',
    aliases: ['障害児相談支援事業'],
    group: '障害児相談支援',
    measures: [users(20, 300)],
  },
];

const kyufu = (lo: number, hi: number): Measure => ({ key: 'cost', labels: ['給付費'], unit: '千円', lo, hi });
const kaisu = (lo: number, hi: number): Measure => ({ key: 'visits', labels: ['回数'], unit: '回/月', lo, hi });
const ninzu = (lo: number, hi: number): Measure => ({
  key: 'users',
  labels: ['人数', '利用者数'],
  unit: '人/月',
  lo,
  hi,
});
const nissu = (lo: number, hi: number): Measure => ({ key: 'days', labels: ['日数'], unit: '日/月', lo, hi });

export const KAIGO_SERVICES: Item[] = [
  {
    id: 'kaigo.houmon_kaigo',
    label: '訪問介護',
    aliases: ['訪問介護（ホームヘルプサービス）'],
    group: '居宅サービス',
    measures: [kyufu(200000, 2500000), kaisu(5000, 80000), ninzu(300, 3000)],
  },
  {
    id: 'kaigo.houmon_nyuyoku',
    label: '訪問入浴介護',
    aliases: ['訪問入浴'],
    group: '居宅サービス',
    measures: [kyufu(10000, 150000), kaisu(100, 1500), ninzu(20, 300)],
  },
  {
    id: 'kaigo.houmon_kango',
    label: '訪問看護',
    aliases: ['訪問看護サービス'],
    group: '居宅サービス',
    measures: [kyufu(50000, 900000), kaisu(1000, 20000), ninzu(100, 2000)],
  },
  {
    id: 'kaigo.tsusho_kaigo',
    label: '通所介護',
    aliases: ['通所介護（デイサービス）'],
    group: '居宅サービス',
    measures: [kyufu(300000, 3000000), kaisu(5000, 60000), ninzu(400, 4000)],
  },
  {
    id: 'kaigo.tsusho_reha',
    label: '通所リハビリテーション',
    aliases: ['通所リハビリテーション（デイケア）'],
    group: '居宅サービス',
    measures: [kyufu(100000, 900000), kaisu(1000, 12000), ninzu(100, 1500)],
  },
  {
    id: 'kaigo.tanki_seikatsu',
    label: '短期入所生活介護',
    aliases: ['短期入所生活介護（ショートステイ）'],
    group: '居宅サービス',
    measures: [kyufu(100000, 1200000), nissu(1000, 15000), ninzu(80, 900)],
  },
  {
    id: 'kaigo.fukushi_yogu_taiyo',
    label: '福祉用具貸与',
    aliases: ['福祉用具貸与サービス'],
    group: '居宅サービス',
    measures: [kyufu(50000, 700000), ninzu(500, 6000)],
  },
  {
    id: 'kaigo.kyotaku_kaigo_shien',
    label: '居宅介護支援',
    aliases: ['居宅介護支援（ケアマネジメント）'],
    group: '居宅介護支援',
    measures: [kyufu(100000, 1200000), ninzu(800, 9000)],
  },
  {
    id: 'kaigo.chiiki_tsusho_kaigo',
    label: '地域密着型通所介護',
    aliases: ['地域密着型デイサービス'],
    group: '地域密着型サービス',
    measures: [kyufu(50000, 900000), kaisu(800, 15000), ninzu(80, 1500)],
  },
  {
    id: 'kaigo.ninchisho_gh',
    label: '認知症対応型共同生活介護',
    aliases: ['認知症対応型共同生活介護（グループホーム）'],
    group: '地域密着型サービス',
    measures: [kyufu(100000, 1200000), ninzu(30, 400)],
  },
  {
    id: 'kaigo.shokibo_takino',
    label: '小規模多機能型居宅介護',
    aliases: ['小規模多機能型居宅介護事業'],
    group: '地域密着型サービス',
    measures: [kyufu(30000, 500000), ninzu(20, 300)],
  },
  {
    id: 'kaigo.rojin_fukushi_shisetsu',
    label: '介護老人福祉施設',
    aliases: ['介護老人福祉施設（特別養護老人ホーム）'],
    group: '施設サービス',
    measures: [kyufu(300000, 4000000), ninzu(100, 1500)],
  },
  {
    id: 'kaigo.rojin_hoken_shisetsu',
    label: '介護老人保健施設',
    aliases: ['老人保健施設'],
    group: '施設サービス',
    measures: [kyufu(200000, 3000000), ninzu(80, 1000)],
  },
];

export const CHIIKI: Item[] = [
  {
    id: 'chiiki.sodan_shien',
    label: '相談支援事業',
    aliases: ['障害者相談支援事業'],
    group: '必須事業',
    measures: [{ key: 'sites', labels: ['実施箇所数', '箇所数'], unit: 'か所', lo: 1, hi: 8 }],
  },
  {
    id: 'chiiki.seinen_kouken_riyo_shien',
    label: '成年後見制度利用支援事業',
    aliases: ['成年後見制度利用支援'],
    group: '必須事業',
    measures: [{ key: 'users', labels: ['利用者数', '実利用者数'], unit: '人/年', lo: 1, hi: 30 }],
  },
  {
    id: 'chiiki.ishi_sotsu_shien',
    label: '意思疎通支援事業',
    aliases: ['手話通訳者・要約筆記者派遣事業'],
    group: '必須事業',
    measures: [{ key: 'cases', labels: ['利用件数', '延べ利用件数'], unit: '件/年', lo: 40, hi: 1500 }],
  },
  {
    id: 'chiiki.nichijo_seikatsu_yogu',
    label: '日常生活用具給付等事業',
    aliases: ['日常生活用具給付等'],
    group: '必須事業',
    measures: [{ key: 'cases', labels: ['給付件数', '給付等件数'], unit: '件/年', lo: 100, hi: 4000 }],
  },
  {
    id: 'chiiki.ido_shien',
    label: '移動支援事業',
    aliases: ['移動支援（ガイドヘルプ）'],
    group: '必須事業',
    measures: [users(10, 300), hours(1000, 40000, '時間/年')],
  },
  {
    id: 'chiiki.chiiki_katsudo_shien_center',
    label: '地域活動支援センター',
    aliases: ['地域活動支援センター事業'],
    group: '必須事業',
    measures: [{ key: 'sites', labels: ['実施箇所数', '箇所数'], unit: 'か所', lo: 1, hi: 6 }, users(10, 250)],
  },
  {
    id: 'chiiki.nicchu_ichiji_shien',
    label: '日中一時支援事業',
    aliases: ['日中一時支援'],
    group: '任意事業',
    measures: [users(5, 90)],
    subset: { subgroup: '医療型', share: [0.05, 0.2], measures: ['users'] },
  },
  {
    id: 'chiiki.houmon_nyuyoku',
    label: '訪問入浴サービス事業',
    aliases: ['訪問入浴サービス'],
    group: '任意事業',
    measures: [users(3, 60)],
  },
];

const count = (labels: string[], unit: UnitKey, lo: number, hi: number): Measure => ({
  key: 'count',
  labels,
  unit,
  lo,
  hi,
});

export const ACTIVITY: Item[] = [
  {
    id: 'activity.mental.council_meetings',
    label: '保健、医療及び福祉関係者による協議の場の開催回数',
    aliases: ['協議の場の開催回数', '保健・医療・福祉関係者による協議の場の開催回数'],
    group: '精神障害にも対応した地域包括ケアシステムの構築',
    measures: [count(['開催回数'], '回/年', 1, 12)],
  },
  {
    id: 'activity.mental.council_participants',
    label: '保健、医療及び福祉関係者による協議の場への関係者の参加者数',
    aliases: ['協議の場への関係者の参加者数', '協議の場への参加者数'],
    group: '精神障害にも対応した地域包括ケアシステムの構築',
    measures: [count(['参加者数'], '人', 5, 120)],
  },
  {
    id: 'activity.mental.council_goal_evaluations',
    label: '保健、医療及び福祉関係者による協議の場における目標設定及び評価の実施回数',
    aliases: ['目標設定及び評価の実施回数', '協議の場における目標設定及び評価の実施回数'],
    group: '精神障害にも対応した地域包括ケアシステムの構築',
    measures: [count(['実施回数'], '回/年', 1, 4)],
  },
  {
    id: 'activity.consultation.guidance_visits',
    label: '地域の相談支援事業者に対する訪問等による専門的な指導・助言件数',
    aliases: ['専門的な指導・助言件数', '指導・助言件数'],
    group: '相談支援体制の充実・強化等',
    measures: [count(['件数'], '件/年', 4, 200)],
  },
  {
    id: 'activity.consultation.hr_development',
    label: '地域の相談支援事業者の人材育成の支援件数',
    aliases: ['人材育成の支援件数', '相談支援事業者の人材育成の支援件数'],
    group: '相談支援体制の充実・強化等',
    measures: [count(['件数'], '件/年', 1, 30)],
  },
  {
    id: 'activity.consultation.network_strengthening',
    label: '地域の相談機関との連携強化の取組の実施回数',
    aliases: ['連携強化の取組の実施回数', '地域の相談機関との連携強化の取組'],
    group: '相談支援体制の充実・強化等',
    measures: [count(['実施回数'], '回/年', 1, 24)],
  },
  {
    id: 'activity.quality.training_participants',
    label: '障害福祉サービス等に係る研修への市町村職員の参加人数',
    aliases: ['研修への市町村職員の参加人数', '研修参加人数'],
    group: '障害福祉サービス等の質を向上させるための取組',
    measures: [count(['参加人数'], '人', 1, 40)],
  },
  {
    id: 'activity.quality.claims_review_sharing',
    label: '障害者自立支援審査支払等システムによる審査結果の共有回数',
    aliases: ['審査結果の共有回数', '審査結果の共有'],
    group: '障害福祉サービス等の質を向上させるための取組',
    measures: [count(['実施回数'], '回/年', 1, 12)],
  },
  {
    id: 'activity.developmental.parent_program_participants',
    label: 'ペアレントトレーニングやペアレントプログラム等の受講者数',
    aliases: ['ペアレントトレーニング受講者数', 'ペアレントプログラム受講者数'],
    group: '発達障害者等に対する支援',
    measures: [count(['受講者数'], '人', 2, 60)],
  },
  {
    id: 'activity.developmental.peer_support_participants',
    label: 'ピアサポートの活動への参加人数',
    aliases: ['ピアサポート活動への参加人数'],
    group: '発達障害者等に対する支援',
    measures: [count(['参加人数'], '人', 1, 30)],
  },
];

const target = (
  unit: UnitKey,
  lo: number,
  hi: number,
  outcome: OutcomeDef,
  labels: string[] = ['人数'],
  decimals = 0,
): Pick<Item, 'measures' | 'outcome'> => ({
  measures: [{ key: 'target', labels, unit, lo, hi, decimals }],
  outcome,
});

export const OUTCOMES: Item[] = [
  {
    id: 'outcome.community_transition.persons',
    label: '地域生活移行者数',
    aliases: ['施設入所者の地域生活への移行者数', '地域移行者数'],
    group: '施設入所者の地域生活への移行',
    ...target('人', 1, 20, {
      qualifier: 'gte',
      baseline: false,
      bracket: 'percent',
      guideline: ['令和元年度末施設入所者数の6%以上', '令和4年度末施設入所者数の6%以上が地域生活へ移行'],
      stock: false,
    }),
  },
  {
    id: 'outcome.community_transition.facility_residents',
    label: '施設入所者数',
    aliases: ['入所者数', '施設入所者の数'],
    group: '施設入所者の地域生活への移行',
    ...target('人', 40, 400, {
      qualifier: 'lte',
      baseline: true,
      bracket: null,
      guideline: ['令和元年度末時点の1.6%以上削減', '令和4年度末時点の施設入所者数の5%以上削減'],
      stock: true,
    }),
  },
  {
    id: 'outcome.employment.transition_total',
    label: '一般就労移行者数',
    aliases: ['福祉施設から一般就労への移行者数', '一般就労への移行者数'],
    group: '福祉施設から一般就労への移行等',
    ...target('人', 5, 80, {
      qualifier: 'gte',
      baseline: true,
      bracket: 'ratio',
      guideline: ['令和元年度実績の1.27倍以上', '令和3年度実績の1.28倍以上'],
      stock: false,
    }),
  },
  {
    id: 'outcome.employment.transition_via_ikou_shien',
    label: '就労移行支援事業による一般就労移行者数',
    aliases: ['就労移行支援事業を通じた一般就労への移行者数'],
    group: '福祉施設から一般就労への移行等',
    ...target('人', 3, 50, {
      qualifier: 'gte',
      baseline: true,
      bracket: 'ratio',
      guideline: ['令和元年度実績の1.30倍以上', '令和3年度実績の1.31倍以上'],
      stock: false,
    }),
  },
  {
    id: 'outcome.employment.teichaku_users',
    label: '就労定着支援事業の利用者数',
    aliases: ['就労定着支援事業利用者数'],
    group: '福祉施設から一般就労への移行等',
    ...target('人', 3, 50, {
      qualifier: 'gte',
      baseline: true,
      bracket: null,
      guideline: ['一般就労移行者のうち7割が利用', '令和3年度実績の1.41倍以上'],
      stock: false,
    }),
  },
  {
    id: 'outcome.employment.teichaku_rate_offices',
    label: '就労定着率が7割以上の就労定着支援事業所の割合',
    aliases: ['就労定着率7割以上の事業所の割合'],
    group: '福祉施設から一般就労への移行等',
    ...target(
      '%',
      20,
      100,
      { qualifier: 'gte', baseline: false, bracket: null, guideline: ['全体の7割以上', '2割5分以上'], stock: true },
      ['割合'],
    ),
  },
  {
    id: 'outcome.mental_health.long_term_inpatients',
    label: '1年以上長期入院患者数',
    aliases: ['精神病床における1年以上長期入院患者数'],
    group: '精神障害にも対応した地域包括ケアシステムの構築',
    ...target('人', 20, 400, {
      qualifier: 'lte',
      baseline: true,
      bracket: null,
      guideline: ['国が示す推計式により算定', '65歳以上・65歳未満の目標値を設定'],
      stock: true,
    }),
  },
  {
    id: 'outcome.community_life_support.base',
    label: '地域生活支援拠点等の整備',
    aliases: ['地域生活支援拠点等の確保', '地域生活支援拠点等の設置箇所数'],
    group: '地域生活支援の充実',
    ...target(
      'か所',
      1,
      4,
      { qualifier: 'gte', baseline: false, bracket: null, guideline: ['各市町村に1つ以上確保'], stock: true },
      ['箇所数'],
    ),
  },
  {
    id: 'outcome.community_life_support.review',
    label: '運用状況の検証及び検討の実施回数',
    aliases: ['運用状況の検証・検討', '運用状況の検証及び検討'],
    group: '地域生活支援の充実',
    ...target(
      '回/年',
      1,
      4,
      { qualifier: 'gte', baseline: false, bracket: null, guideline: ['年1回以上'], stock: false },
      ['実施回数'],
    ),
  },
  {
    id: 'outcome.child.development_center',
    label: '児童発達支援センターの設置',
    aliases: ['児童発達支援センターの設置数'],
    group: '障害児支援の提供体制の整備等',
    ...target(
      'か所',
      1,
      3,
      { qualifier: 'gte', baseline: false, bracket: null, guideline: ['各市町村に少なくとも1か所以上'], stock: true },
      ['設置数'],
    ),
  },
  {
    id: 'outcome.child.medical_care_coordinator',
    label: '医療的ケア児等コーディネーターの配置',
    aliases: ['医療的ケア児等に関するコーディネーターの配置人数'],
    group: '障害児支援の提供体制の整備等',
    ...target(
      '人',
      1,
      5,
      { qualifier: 'gte', baseline: false, bracket: null, guideline: ['コーディネーターを配置'], stock: true },
      ['配置人数'],
    ),
  },
];

export const STATISTICS: Item[] = [
  {
    id: 'stats.shintai_techo',
    label: '身体障害者手帳',
    aliases: ['身体障害者手帳所持者数'],
    group: '障害者手帳所持者数',
    measures: [{ key: 'holders', labels: ['所持者数'], unit: '人', lo: 1500, hi: 20000 }],
  },
  {
    id: 'stats.ryoiku_techo',
    label: '療育手帳',
    aliases: ['療育手帳所持者数'],
    group: '障害者手帳所持者数',
    measures: [{ key: 'holders', labels: ['所持者数'], unit: '人', lo: 300, hi: 5000 }],
  },
  {
    id: 'stats.seishin_techo',
    label: '精神障害者保健福祉手帳',
    aliases: ['精神障害者保健福祉手帳所持者数'],
    group: '障害者手帳所持者数',
    measures: [{ key: 'holders', labels: ['所持者数'], unit: '人', lo: 300, hi: 6000 }],
  },
  {
    id: 'stats.jiritsu_shien_iryo',
    label: '自立支援医療（精神通院）',
    aliases: ['自立支援医療（精神通院医療）'],
    group: '医療費助成の受給者数',
    measures: [{ key: 'holders', labels: ['受給者数'], unit: '人', lo: 500, hi: 9000 }],
  },
  {
    id: 'stats.nanbyo',
    label: '指定難病医療受給者',
    aliases: ['指定難病等医療受給者'],
    group: '医療費助成の受給者数',
    measures: [{ key: 'holders', labels: ['受給者数'], unit: '人', lo: 300, hi: 5000 }],
  },
];

export const DOMAIN_ITEMS: Record<Domain, Item[]> = {
  shogai_services: SHOGAI_SERVICES,
  kaigo_services: KAIGO_SERVICES,
  chiiki: CHIIKI,
  activity: ACTIVITY,
  outcomes: OUTCOMES,
  statistics: STATISTICS,
};
