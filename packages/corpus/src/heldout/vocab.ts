/**
 * HELD-OUT PART — the rules' author does not read this file, nor debugs on the held-out part's misses; only its
 * aggregate per-axis scores are looked at. Other phrasings of the same facts, as a new city's documents would
 * write them. Every phrasing here states the same thing docs/OBSERVATIONS.md decides for the tuned wording.
 */
import type { Item, Measure, UnitKey } from '../catalog.js';
import type { Vocab, YearForm, YearStyle } from '../vocab.js';
import { termEndingIn } from '../vocab.js';
import { eraDate, fyEra, heisei, kanjiNumber, reiwa, reiwaText, toFullwidthDigits } from '../years.js';
import { HELDOUT_ALIASES, HELDOUT_MEASURES } from './aliases.js';

const fw = (n: number | string) => toFullwidthDigits(String(n));

const YEARS: Record<YearForm, YearStyle[]> = {
  R: [() => (fy) => `R.${reiwa(fy)}`, () => (fy) => `Ｒ${fw(reiwa(fy))}年度`],
  reiwa: [
    () => (fy) => `令和${reiwa(fy) === 1 ? '元' : fw(reiwa(fy))}年度`,
    () => (fy) => `令和${reiwa(fy) === 1 ? '元' : kanjiNumber(reiwa(fy))}年度`,
  ],
  western: [() => (fy) => `${fw(fy)}年度`],
  western_wareki: [() => (fy) => `令和${reiwaText(fy)}(${fy})年度`, () => (fy) => `${fy}年度(R${reiwa(fy)})`],
  heisei: [
    () => (fy) => (fy <= 2018 ? `H.${heisei(fy)}` : `R.${reiwa(fy)}`),
    () => (fy) =>
      fy <= 2018 ? `平成${fw(heisei(fy))}年度` : fy === 2019 ? '平成31・令和元年度' : `令和${fw(reiwa(fy))}年度`,
  ],
  bare: [(yc) => (fy) => `${fw(yc.bareEra === 'heisei' ? heisei(fy) : reiwa(fy))}年度`],
  fy_end: [
    () => (fy) => `令和${reiwaText(fy)}年度末時点`,
    () => (fy) => `R${reiwa(fy)}末`,
    () => (fy) => `${fy}年度末`,
  ],
  date: [
    () => (fy) => `${fy + 1}年3月31日現在`,
    () => (fy) => `${eraDate(fy + 1, 3, 31).replace(/31日$/, '末日')}現在`,
    () => (fy) => `R${reiwa(fy + 1)}.3末`,
    () => (fy) => `${fy + 1}/3/31時点`,
  ],
  plan_term: [
    (yc) => (fy, kind) => {
      const t = kind === 'target' ? termEndingIn(fy, yc.term) : undefined;
      return t ? `第${kanjiNumber(t.ordinal)}期` : `令和${reiwaText(fy)}年度`;
    },
    (yc) => (fy, kind) => {
      const t = kind === 'target' ? termEndingIn(fy, yc.term) : undefined;
      return t ? `第${t.ordinal}期計画` : `R.${reiwa(fy)}`;
    },
  ],
};

const UNIT_TEXTS: Record<UnitKey, string[]> = {
  人: ['名'],
  '人/月': ['人分', '人（月平均）'],
  '人/年': ['人/年度', '人（年間）'],
  '人日/月': ['人日分'],
  '日/月': ['日分/月'],
  '時間/月': ['時間分'],
  '時間/年': ['時間/年度', '時間（年間）'],
  '件/年': ['件/年度', '件（年間）'],
  '回/年': ['回/年度', '回（年間）'],
  '回/月': ['回分/月'],
  か所: ['ヶ所', 'カ所'],
  '%': ['％'],
  千円: ['千円'],
  円: ['円'],
};

const shogaiga = (s: string) => s.replace(/障害/g, '障がい');

export const HELDOUT: Vocab = {
  part: 'heldout',
  kindWords: {
    plan: ['見込み', '計画見込', '見込値'],
    estimate: ['実績(見込)', '見込実績'],
    actual: ['実績数', '実績数値'],
    target: ['目標数値', '目標量'],
    baseline: ['現状値', '基準'],
    deviation: ['乖離値', '比較', '差異'],
    achievement_rate: ['進捗率', '計画比'],
  },
  fuseYearKind: [(y, k) => `${k}\n${y}`, (y, k) => `${k}（${y}）`, (y, k) => `${y}・${k}`],
  fuseItemMeasure: [(i, m) => `${i}（${m}）`, (i, m) => `${i}\n（${m}）`],
  years: YEARS,
  unitText: (u, rng) => rng.pick(UNIT_TEXTS[u]),
  unitWrap: [(u) => `［${u}］`, (u) => `〔${u}〕`],
  unitLine: [(u) => `（単位　${u}）`, (u) => `［単位：${u}］`, (u) => `単位:${u}`],
  cornerUnit: [(u) => `［${u}］`, (u) => `(単位:${u})`],
  aliases: (item: Item) => {
    const own = HELDOUT_ALIASES[item.id];
    if (own?.length) return own;
    return [shogaiga(item.label)];
  },
  measureLabels: (m: Measure) => HELDOUT_MEASURES[`${m.key}:${m.unit}`] ?? HELDOUT_MEASURES[m.key] ?? m.labels,
  stubHeaders: {
    item: ['事業', 'サービスの種類', '指標'],
    measure: ['種別', '項目'],
    year: ['実施年度', '年 度'],
    kind: ['種別', ''],
    unit: ['単 位', '単位等'],
  },
  banners: {
    services: ['計画と実績の比較', '見込みと実績'],
    outcomes: ['目標値と実績値'],
    statistics: ['年度末現在の状況'],
    second: ['年度ごとの状況'],
  },
  termGroup: (t, prior) => (prior ? `前期（第${t.ordinal}期）` : `第${t.ordinal}期計画期間`),
  captions: [(topic, n) => `図表${n}　${topic}`, (topic) => `■${topic}`],
  headings: [(n, t) => `第${n}節 ${t}`, (n, t) => `${n}. ${t}`],
  subsetCell: [(v, s) => `${v}〈${s}〉`, (v, s) => `${v}（${s}）`],
  subsetNote: (label, subgroup) =>
    subgroup === '施設入所者を除く'
      ? [
          `※〈　〉内は、${label}の利用者のうち施設入所支援を併せて利用している方を除いた数です。`,
          '※（　）内は施設入所者以外の利用者数（内数）です。',
        ]
      : [`※〈　〉内は${label}のうち${subgroup}の利用分（内数）です。`, `※（　）内は、うち${subgroup}の利用者数です。`],
  ratioCell: [(v, r) => `${v}［${r}］`, (v, r) => `${v} [${r}]`],
  guidelineHeaders: ['国の指針', '基本指針の目標'],
  negative: [(d) => `▲ ${d}`, (d) => `−${d}`],
  qualifierWords: { gte: ['以上', 'を下回らない'], lte: ['以内'], approx: ['前後'], approxPrefix: ['おおむね'] },
  proseHeadings: ['関連指標の状況', '取組状況'],
  prose: {
    target: [
      (p) => `${p.y}時点で${p.label}${p.v}${p.q}を目指します。`,
      (p) => `${p.label}については、${p.y}に${p.v}${p.q}とする目標を設定しています。`,
      (p) => `◇${p.label}　${p.y}目標 ${p.v}${p.q}`,
    ],
    result: [(p) => `${p.label}は、${p.y}実績で${p.v}となりました。`, (p) => `${p.y}実績：${p.label} ${p.v}`],
    targetResult: [(p) => `◇${p.label}（${p.y}）実績 ${p.a}（目標 ${p.t}${p.q}）`],
    arrow: [(p) => `${p.label}を${p.yb}の${p.b}から${p.y}には${p.v}${p.q}へ増やします。`],
    change: [(p) => `${p.y}の${p.label}は${p.v}で、前年度比${p.d}となりました。`],
    termHeading: [(t) => `${t}計画期間の数値目標`],
    termBullet: [(p) => `◇${p.label}　${p.v}${p.q}`],
    seriesItem: [(y, v) => `${y}は${v}`],
  },
  ocr: {
    digits: [
      ['0', 'Ｏ'],
      ['1', 'ｌ'],
    ],
    words: [
      ['実績', '実積'],
      ['計画', '計面'],
      ['基準', '碁準'],
    ],
    space: '　',
    person: '入',
  },
  titles: (c) => {
    const date = eraDate(...c.date);
    if (c.series === 'kaigo')
      return [
        `${c.city}介護保険事業計画推進委員会（${fyEra(c.fy)}第${c.meeting}回）`,
        `開催日　${date}`,
        `【資料${c.material}】`,
      ];
    return [
      `${c.city}地域自立支援協議会 全体会（${fyEra(c.fy)}第${c.meeting}回）`,
      `開催日　${date}`,
      `【資料${c.material}】`,
    ];
  },
  intro: (plan) => [`${plan}に掲げた目標等の達成状況を、次のとおり取りまとめました。`],
  cityDir: (city) => `${city.code}_${city.name}`,
  pageMarker: [(n) => `<!-- Page: ${n} -->`, (n) => `<!-- p.${n} -->`],
};
