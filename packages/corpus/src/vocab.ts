/**
 * The wording of generated documents: kind words, year labels, unit spellings, captions, notes, prose, OCR
 * confusions, titles. `Vocab` is the interface; `TUNED` is the tuned part's wording. The held-out part's wording is
 * in heldout/ and shares none of the phrasings that differ (see packages/corpus/README.md).
 */
import type { Item, Measure, UnitKey } from './catalog.js';
import type { Rng } from './rng.js';
import type { City, Part, ValueKind } from './types.js';
import { eraDate, fyEra, heisei, type PlanTerm, reiwa, reiwaText, TERMS } from './years.js';

export type YearForm =
  | 'R'
  | 'reiwa'
  | 'western'
  | 'western_wareki'
  | 'heisei'
  | 'bare'
  | 'fy_end'
  | 'date'
  | 'plan_term';

export interface YearCtx {
  term: PlanTerm;
  /** the era bare years (3年度, 29年度) are counted in */
  bareEra: 'reiwa' | 'heisei';
}

/** Writes the label of a fiscal year; `kind` lets plan-term labels stand for a term's target year. */
export type YearLabel = (fy: number, kind?: ValueKind) => string;
export type YearStyle = (yc: YearCtx) => YearLabel;

export type KindWordKey = Exclude<ValueKind, 'subset'>;

export interface ProseIn {
  label: string;
  /** value with its unit as written (4人, 年6回, 72.5%) */
  v: string;
  /** qualifier word after the value ('' when none) */
  q: string;
  /** the year label (令和5年度末, R5, 2023年度 …) */
  y: string;
}

export interface ProseTemplates {
  /** a target of a year */
  target: ((p: ProseIn) => string)[];
  /** a result of a year */
  result: ((p: ProseIn) => string)[];
  /** a target beside a result of the same year: t = target, a = result */
  targetResult: ((p: ProseIn & { t: string; a: string }) => string)[];
  /** a base and its target: b/yb the base, v/y the target */
  arrow: ((p: ProseIn & { b: string; yb: string }) => string)[];
  /** a result with its change from the year before (d: signed change as written) */
  change: ((p: ProseIn & { d: string }) => string)[];
  /** bullets under a heading naming a plan term (no year of their own) */
  termHeading: ((term: string) => string)[];
  termBullet: ((p: ProseIn) => string)[];
  /** year-end values in a row: R1年度末：217人 */
  seriesItem: ((y: string, v: string) => string)[];
}

export interface OcrRules {
  /** digit → look-alike */
  digits: [string, string][];
  /** word → misread word */
  words: [string, string][];
  /** what a misread space between digits is */
  space: string;
  /** 人 after a digit misread as … */
  person: string;
}

export interface Vocab {
  part: Part;
  kindWords: Record<KindWordKey, string[]>;
  fuseYearKind: ((y: string, k: string) => string)[];
  fuseItemMeasure: ((i: string, m: string) => string)[];
  years: Record<YearForm, YearStyle[]>;
  unitText: (u: UnitKey, rng: Rng) => string;
  unitWrap: ((u: string) => string)[];
  unitLine: ((u: string) => string)[];
  cornerUnit: ((u: string) => string)[];
  aliases: (item: Item) => string[];
  measureLabels: (m: Measure) => string[];
  stubHeaders: { item: string[]; measure: string[]; year: string[]; kind: string[]; unit: string[] };
  banners: { services: string[]; outcomes: string[]; statistics: string[]; second: string[] };
  termGroup: (t: PlanTerm, prior: boolean) => string;
  captions: ((topic: string, n: number) => string)[];
  headings: ((n: number, text: string) => string)[];
  subsetCell: ((v: string, s: string) => string)[];
  subsetNote: (label: string, subgroup: string) => string[];
  ratioCell: ((v: string, r: string) => string)[];
  guidelineHeaders: string[];
  negative: ((digits: string) => string)[];
  prose: ProseTemplates;
  /** headings over prose (neutral: a heading naming a kind, 今後の目標, would make results under it targets) */
  proseHeadings: string[];
  /** qualifier words after the value; approxPrefix before it (約5人) */
  qualifierWords: { gte: string[]; lte: string[]; approx: string[]; approxPrefix: string[] };
  ocr: OcrRules;
  titles: (c: TitleCtx) => string[];
  intro: (planText: string) => string[];
  cityDir: (city: City) => string;
  /** the markdown converter's page marker */
  pageMarker: ((n: number) => string)[];
}

export interface TitleCtx {
  series: 'shogai' | 'kaigo';
  /** the city's name, or '' when the document does not name it */
  city: string;
  /** fiscal year of the meeting */
  fy: number;
  meeting: number;
  material: number;
  date: [number, number, number];
}

// ------------------------------------------------------------------------------------------------------------
// Year styles shared by both parts' building blocks
// ------------------------------------------------------------------------------------------------------------

/** The target year of a plan term ending in fy (same series as the document's term), else undefined. */
export function termEndingIn(fy: number, term: PlanTerm): PlanTerm | undefined {
  return TERMS.find((t) => t.series === term.series && t.end === fy);
}

const R = (fy: number) => `R${reiwa(fy)}`;

export const TUNED_YEARS: Record<YearForm, YearStyle[]> = {
  R: [() => (fy) => R(fy), () => (fy) => `${R(fy)}年度`],
  reiwa: [() => (fy) => `令和${reiwaText(fy)}年度`],
  western: [() => (fy) => `${fy}年度`],
  western_wareki: [() => (fy) => `${fy}（令和${reiwaText(fy)}）年度`],
  heisei: [
    () => (fy) => (fy <= 2018 ? `平成${heisei(fy)}年度` : `令和${reiwaText(fy)}年度`),
    () => (fy) => (fy <= 2018 ? `H${heisei(fy)}` : `R${reiwa(fy)}`),
    () => (fy) => (fy <= 2019 ? `平成${heisei(fy)}年度` : `令和${reiwaText(fy)}年度`),
  ],
  bare: [(yc) => (fy) => (yc.bareEra === 'heisei' ? `${heisei(fy)}年度` : `${reiwa(fy) === 1 ? '元' : reiwa(fy)}年度`)],
  fy_end: [() => (fy) => `${R(fy)}年度末`, () => (fy) => `令和${reiwaText(fy)}年度末`],
  date: [
    () => (fy) => `${eraDate(fy + 1, 3, 31)}時点`,
    () => (fy) => `${eraDate(fy + 1, 3, 31)}現在`,
    () => (fy) => `R${reiwa(fy + 1)}.3.31`,
    () => (fy) => `${eraDate(fy, 10, 1)}現在`,
  ],
  plan_term: [
    (yc) => (fy, kind) => {
      const t = kind === 'target' ? termEndingIn(fy, yc.term) : undefined;
      return t ? `第${t.ordinal}期` : `R${reiwa(fy)}`;
    },
  ],
};

// ------------------------------------------------------------------------------------------------------------
// The tuned part's wording
// ------------------------------------------------------------------------------------------------------------

export const TUNED: Vocab = {
  part: 'tuned',
  kindWords: {
    plan: ['見込', '見込量', '計画', '計画値'],
    estimate: ['実績見込'],
    actual: ['実績', '実績値'],
    target: ['目標', '目標値'],
    baseline: ['基準値'],
    deviation: ['差', '乖離'],
    achievement_rate: ['達成率', '対計画比'],
  },
  fuseYearKind: [(y, k) => `${y}${k}`, (y, k) => `${y}\n（${k}）`, (y, k) => `${y}（${k}）`],
  fuseItemMeasure: [(i, m) => `${i}\n${m}`, (i, m) => `${i}・${m}`],
  years: TUNED_YEARS,
  unitText: (u, rng) => {
    const texts: Record<UnitKey, string[]> = {
      人: ['人'],
      '人/月': ['人/月', '人／月'],
      '人/年': ['人/年', '人／年'],
      '人日/月': ['人日/月', '人日／月', '日/月'],
      '日/月': ['日/月', '日／月'],
      '時間/月': ['時間/月', '時間／月'],
      '時間/年': ['時間/年', '時間／年'],
      '件/年': ['件/年', '件／年'],
      '回/年': ['回/年', '回／年'],
      '回/月': ['回/月', '回／月'],
      か所: ['か所', '箇所'],
      '%': ['%', '％'],
      千円: ['千円'],
      円: ['円'],
    };
    return rng.pick(texts[u]);
  },
  unitWrap: [(u) => `（${u}）`, (u) => `(${u})`],
  unitLine: [(u) => `（単位：${u}）`, (u) => `単位：${u}`],
  cornerUnit: [(u) => `（${u}）`, (u) => `単位：${u}`],
  aliases: (item) => [item.label, ...item.aliases],
  measureLabels: (m) => m.labels,
  stubHeaders: {
    item: ['サービス名', '区分', '項目', 'サービス種別'],
    measure: ['区分', '内容'],
    year: ['年度', '区分'],
    kind: ['区分', ''],
    unit: ['単位'],
  },
  banners: {
    services: ['見込量と実績', 'サービス量', '利用状況'],
    outcomes: ['成果目標と実績', '目標と実績'],
    statistics: ['手帳所持者数', '各年度の状況'],
    second: ['年度別の状況', '推移'],
  },
  termGroup: (t, prior) => (prior ? `第${t.ordinal}期` : `第${t.ordinal}期計画`),
  captions: [(topic, n) => `表${n} ${topic}`, (topic) => topic, (topic) => `【${topic}】`],
  headings: [(n, text) => `${n} ${text}`, (n, text) => `（${n}）${text}`, (n, text) => `${n}) ${text}`],
  subsetCell: [(v, s) => `${v} <${s}>`, (v, s) => `${v}<${s}>`],
  subsetNote: (label, subgroup) =>
    subgroup === '施設入所者を除く'
      ? [
          `※<>内の数字は${label}利用者のうち施設入所している人を除いたものです。`,
          '※< >内は施設入所者を除いた人数です。',
        ]
      : [
          `※<>内の数字は${label}利用者のうち${subgroup}を利用している人数です。`,
          `※< >内は${subgroup}の人数（内数）です。`,
        ],
  ratioCell: [(v, r) => `${v} (${r})`, (v, r) => `${v}（${r}）`],
  guidelineHeaders: ['国の基本指針', '国の目標'],
  negative: [(d) => `▲${d}`, (d) => `△${d}`, (d) => `-${d}`],
  qualifierWords: { gte: ['以上'], lte: ['以下', 'を超えない'], approx: ['程度'], approxPrefix: ['約'] },
  proseHeadings: ['取組の状況', '主な指標の状況', 'その他の指標'],
  prose: {
    target: [
      (p) => `${p.y}までに、${p.label}を${p.v}${p.q}とすることを目標とします。`,
      (p) => `【目標】${p.label} ${p.v}${p.q}（${p.y}）`,
      (p) => `・${p.label}：${p.v}${p.q}（${p.y}）`,
      (p) => `${p.y}における${p.label}の目標値は${p.v}${p.q}です。`,
    ],
    result: [(p) => `${p.y}の${p.label}は${p.v}でした。`, (p) => `・${p.label}の${p.y}実績：${p.v}`],
    targetResult: [(p) => `・${p.label}（${p.y}） 目標：${p.t}${p.q}／実績：${p.a}`],
    arrow: [(p) => `・${p.label}：${p.b}（${p.yb}）→ ${p.v}${p.q}（${p.y}）`],
    change: [(p) => `${p.y}の${p.label}は${p.v}（前年度比${p.d}）でした。`],
    termHeading: [(t) => `${t}計画の成果目標`, (t) => `${t}計画における目標`],
    termBullet: [(p) => `・${p.label}：${p.v}${p.q}`, (p) => `・${p.label} ${p.v}${p.q}`],
    seriesItem: [(y, v) => `${y}：${v}`],
  },
  ocr: {
    digits: [
      ['0', 'O'],
      ['1', 'l'],
      ['1', 'I'],
    ],
    words: [
      ['値', '值'],
      ['目標', '日標'],
      ['目標', '月標'],
    ],
    space: ' ',
    person: '入',
  },
  titles: (c) => {
    const date = eraDate(...c.date);
    if (c.series === 'kaigo')
      return [`${fyEra(c.fy)}第${c.meeting}回${c.city}介護保険運営協議会`, date, `資料${c.material}`];
    return [`${fyEra(c.fy)}第${c.meeting}回${c.city}障害者自立支援協議会`, date, `資料${c.material}`];
  },
  intro: (plan) => [
    `本資料は、${plan}に定めたサービス見込量及び成果目標について、各年度の実績を取りまとめたものです。`,
    `${plan}の進捗状況を報告します。`,
  ],
  cityDir: (city) => `${city.prefecture}/${city.name}`,
  pageMarker: [(n) => `<!-- page ${n} -->`, () => '<!-- PageBreak -->'],
};

/**
 * A vocabulary that takes each of its slots — each kind's word, each year form's style, each unit's spelling, each
 * indicator's label, each list of phrasings — from `a` or from `b`, one or the other at odds `p` for `a`, decided
 * once per slot from `rng`. A document of a new city shares much of the common wording and differs in some.
 */
export function mixVocab(a: Vocab, b: Vocab, rng: Rng, p = 0.5): Vocab {
  const coin = new Map<string, boolean>();
  const useA = (slot: string) => {
    let c = coin.get(slot);
    if (c === undefined) {
      c = rng.fork(slot).chance(p);
      coin.set(slot, c);
    }
    return c;
  };
  const pick = <T>(slot: string, x: T, y: T): T => (useA(slot) ? x : y);
  const perKey = <T>(slot: string, x: Record<string, T>, y: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.keys(x).map((k) => [k, pick(`${slot}:${k}`, x[k] as T, (y[k] ?? x[k]) as T)]));
  const prose = Object.fromEntries(
    Object.keys(a.prose).map((k) => [
      k,
      pick(`prose:${k}`, a.prose[k as keyof ProseTemplates], b.prose[k as keyof ProseTemplates]),
    ]),
  ) as unknown as ProseTemplates;
  return {
    part: a.part,
    kindWords: perKey('kind', a.kindWords, b.kindWords) as Vocab['kindWords'],
    fuseYearKind: pick('fuseYearKind', a.fuseYearKind, b.fuseYearKind),
    fuseItemMeasure: pick('fuseItemMeasure', a.fuseItemMeasure, b.fuseItemMeasure),
    years: perKey('years', a.years, b.years) as Vocab['years'],
    unitText: (u, r) => (useA(`unit:${u}`) ? a.unitText(u, r) : b.unitText(u, r)),
    unitWrap: pick('unitWrap', a.unitWrap, b.unitWrap),
    unitLine: pick('unitLine', a.unitLine, b.unitLine),
    cornerUnit: pick('cornerUnit', a.cornerUnit, b.cornerUnit),
    aliases: (item) => (useA(`alias:${item.id}`) ? a.aliases(item) : b.aliases(item)),
    measureLabels: (m) => (useA(`measure:${m.key}:${m.unit}`) ? a.measureLabels(m) : b.measureLabels(m)),
    stubHeaders: perKey('stub', a.stubHeaders, b.stubHeaders) as Vocab['stubHeaders'],
    banners: perKey('banner', a.banners, b.banners) as Vocab['banners'],
    termGroup: pick('termGroup', a.termGroup, b.termGroup),
    captions: pick('captions', a.captions, b.captions),
    headings: pick('headings', a.headings, b.headings),
    subsetCell: pick('subsetCell', a.subsetCell, b.subsetCell),
    subsetNote: pick('subsetNote', a.subsetNote, b.subsetNote),
    ratioCell: pick('ratioCell', a.ratioCell, b.ratioCell),
    guidelineHeaders: pick('guidelineHeaders', a.guidelineHeaders, b.guidelineHeaders),
    negative: pick('negative', a.negative, b.negative),
    prose,
    proseHeadings: pick('proseHeadings', a.proseHeadings, b.proseHeadings),
    qualifierWords: perKey('qualifier', a.qualifierWords, b.qualifierWords) as Vocab['qualifierWords'],
    ocr: pick('ocr', a.ocr, b.ocr),
    titles: pick('titles', a.titles, b.titles),
    intro: pick('intro', a.intro, b.intro),
    cityDir: pick('cityDir', a.cityDir, b.cityDir),
    pageMarker: pick('pageMarker', a.pageMarker, b.pageMarker),
  };
}
