import { BULLET_MARKS, classBody, editDistance, NOTE_MARKS } from '@shiryo/model';
import { parse } from 'yaml';
import { readDataFile } from './data.js';

/** What a label's key leaves out: blanks, punctuation, brackets, bullets and note marks. */
const KEY_PUNCT = new RegExp(
  `[\\s、，,。.:：;；「」『』【】<>〈〉"'${classBody(BULLET_MARKS + NOTE_MARKS)}\\-－―—‐~～]`,
  'gu',
);

export interface CatalogEntry {
  id: string;
  label: string;
  /** `shogai` (障害福祉計画・障害児福祉計画) or `kaigo` (介護保険事業計画). */
  plan: 'shogai' | 'kaigo';
  section: string;
  group: string | null;
  units: string[];
  aliases: string[];
}

const LIST_SECTIONS = [
  'outcomes',
  'activity_indicators',
  'services',
  'chiiki_seikatsu_shien',
  'yobo_services',
  'totals',
  'statistics',
];

function entriesOf(file: string, plan: CatalogEntry['plan']): CatalogEntry[] {
  const doc = parse(readDataFile(file)) as Record<string, unknown>;
  const out: CatalogEntry[] = [];
  // (介護保険's entries name their measures by kind, `[benefit_cost, visits, users]`: the kinds are defined once, with
  // their units — visits 回/月, users 人/月)
  const kinds = (doc.measure_kinds ?? {}) as Record<string, { unit?: unknown }>;
  const kindUnit = (m: unknown) => (typeof m === 'string' && typeof kinds[m]?.unit === 'string' ? kinds[m].unit : '');
  for (const section of LIST_SECTIONS) {
    const list = doc[section];
    if (!Array.isArray(list)) continue;
    for (const e of list as Record<string, unknown>[]) {
      if (typeof e?.id !== 'string' || typeof e.label !== 'string') continue;
      const measures = Array.isArray(e.measures) ? (e.measures as Record<string, unknown>[]) : [];
      const units = [
        ...(Array.isArray(e.units) ? (e.units as unknown[]).map(String) : []),
        ...measures
          .map((m) => (typeof m === 'object' && m && typeof m.unit === 'string' ? m.unit : kindUnit(m)))
          .filter(Boolean),
        // the units some cities write the measure in (保育所等訪問支援's 回/月)
        ...measures.flatMap((m) =>
          typeof m === 'object' && m && Array.isArray(m.unit_variants)
            ? (m.unit_variants as unknown[]).map(String)
            : [],
        ),
      ];
      out.push({
        id: e.id,
        label: e.label,
        plan,
        section,
        group:
          typeof e.goal_area === 'string'
            ? e.goal_area
            : typeof e.group === 'string'
              ? e.group
              : typeof e.category === 'string'
                ? e.category
                : null,
        units,
        aliases: Array.isArray(e.aliases) ? (e.aliases as unknown[]).map(String) : [],
      });
    }
  }
  // Measures with ids of their own (日常生活用具's 介護・訓練支援用具 …) are entries too, under their parent, after
  // every top-level entry so that they only name what no entry does. A measure named by its count alone
  // (`実利用件数`, `実設置者数`) names no indicator.
  for (const section of LIST_SECTIONS) {
    const list = doc[section];
    if (!Array.isArray(list)) continue;
    for (const e of list as Record<string, unknown>[]) {
      if (typeof e?.label !== 'string' || !Array.isArray(e.measures)) continue;
      for (const m of e.measures as Record<string, unknown>[]) {
        if (typeof m?.id !== 'string' || typeof m.label !== 'string' || COUNT_ONLY.test(m.label)) continue;
        out.push({
          id: m.id,
          label: m.label,
          plan,
          section,
          group: e.label,
          units: typeof m.unit === 'string' ? [m.unit] : [],
          aliases: Array.isArray(m.label_variants) ? (m.label_variants as unknown[]).map(String) : [],
        });
      }
    }
  }
  return out;
}

/** A measure's name that is only a count (`実利用件数`, `実設置者数`, `延べ利用時間`). */
const COUNT_ONLY = /^(?:実|延べ?)?(?:利用|設置|派遣)?(?:件数|者数|人数|回数|時間|日数)$/u;

let cache: CatalogEntry[] | undefined;

/** The national indicator catalog bundled in `data/indicators-*.yaml`. */
export function catalog(): CatalogEntry[] {
  cache ??= [...entriesOf('indicators-shogai.yaml', 'shogai'), ...entriesOf('indicators-kaigo.yaml', 'kaigo')];
  return cache;
}

/** A bracket that names a type (`（福祉型）`, `(医療型)`, `（Ａ型）`): part of the name, not a reading. */
const TYPE_BRACKET = /^[(（][^()（）]{0,10}型[)）]$/u;

/**
 * Normal form for matching labels: NFKC, no spaces/brackets/punctuation, 障がい→障害, readings in brackets dropped.
 * A type in brackets stays (`短期入所（福祉型）` → `短期入所福祉型`, its own entry, not `短期入所`) unless `types` is
 * false; with `readings`, every bracket's words stay (`自立訓練（生活訓練）` → `自立訓練生活訓練`).
 */
export function labelKey(s: string, types = true, readings = false): string {
  return s
    .normalize('NFKC')
    .replace(/障がい|障碍|しょうがい/g, '障害')
    .replace(/[(（][^)）]*[)）]/g, (m) => (readings || (types && TYPE_BRACKET.test(m)) ? m.slice(1, -1) : ''))
    .replace(KEY_PUNCT, '')
    .replace(/(の見込量|の利用者数|サービス|事業所|事業)$/g, '')
    .toLowerCase();
}

let index: Map<string, CatalogEntry> | undefined;

/** Keys that name no indicator on their own (what is left of `合計（訪問系）` once readings are dropped). */
const TOO_GENERIC = new Set(['合計', '小計', '総数', '総計', '計', '実績', '目標', '見込', '利用者数', '人数']);
const usableKey = (k: string) => k.length >= 2 && !TOO_GENERIC.has(k);

/**
 * Keys that several entries' names share once their brackets are dropped (`自立訓練` of `自立訓練（機能訓練）` and
 * `自立訓練（生活訓練）`; `短期入所療養介護` of its three kinds of facility and their total), with the entry whose own
 * name has no bracket (the total), if one has. Such a key is that entry's alone, or no entry's: the bracket names the
 * entry, and a label keeps it to be matched (the 生活訓練 of a city were 機能訓練's, the first entry with the key).
 */
let shared: Map<string, CatalogEntry | null> | undefined;
function sharedKeys(): Map<string, CatalogEntry | null> {
  if (shared) return shared;
  const by = new Map<string, CatalogEntry[]>();
  for (const e of catalog()) {
    const k = labelKey(e.label);
    by.set(k, [...(by.get(k) ?? []), e]);
  }
  shared = new Map();
  for (const [k, es] of by)
    if (es.length > 1) shared.set(k, es.find((e) => labelKey(e.label, true, true) === k) ?? null);
  return shared;
}

function keyIndex(): Map<string, CatalogEntry> {
  if (index) return index;
  index = new Map();
  const own = sharedKeys();
  const add = (k: string, e: CatalogEntry) => {
    if (!usableKey(k) || index!.has(k)) return;
    if (own.has(k) && own.get(k) !== e) return;
    index!.set(k, e);
  };
  // Canonical labels first, so an alias never takes a name that is another entry's own label (with every bracket's
  // words, `自立訓練生活訓練`, a name a bracket tells apart from another's, first); then aliases (with their brackets'
  // words last: `短期入所療養介護老健`, the order of the keys before them kept, as a contained key's tie goes to the
  // first); then the names without their type (`障害児入所支援（福祉型・医療型）` is found as `障害児入所支援`) where
  // no name took that key.
  for (const e of catalog()) add(labelKey(e.label, true, true), e);
  for (const e of catalog()) add(labelKey(e.label), e);
  for (const e of catalog()) for (const name of e.aliases) add(labelKey(name), e);
  for (const e of catalog()) for (const name of e.aliases) add(labelKey(name, true, true), e);
  for (const e of catalog()) for (const name of [e.label, ...e.aliases]) add(labelKey(name, false), e);
  return index;
}

let byId: Map<string, CatalogEntry> | undefined;
/** The catalog entry of an id, or null. */
export function entryById(id: string): CatalogEntry | null {
  byId ??= new Map(catalog().map((e) => [e.id, e]));
  return byId.get(id) ?? null;
}

export interface CatalogMatch {
  entry: CatalogEntry;
  how: 'exact' | 'contains' | 'tokens' | 'outcome';
}

/** The services a transition into general employment comes through, and the outcome of each pathway. */
const EMPLOYMENT_PATHWAYS: [RegExp, string][] = [
  [/就労移行支援/u, 'outcome.employment.transition_via_ikou_shien'],
  [/a型/u, 'outcome.employment.transition_via_type_a'],
  [/b型/u, 'outcome.employment.transition_via_type_b'],
];

/**
 * The 成果目標 of 福祉施設から一般就労への移行等 a label names, where its words also name a service: a count of
 * people moving into general employment through 就労継続支援A型 is the A型 pathway's outcome, not the A型 service's
 * volume; a share of offices by their transition rate (`移行率3割以上の事業所の割合`) is the outcome rate, not the
 * service 就労移行支援; a share of offices by 定着率 is that outcome. Several pathways in one label (a heading
 * listing them) name none of them: null, and the ordinary match decides.
 */
function employmentOutcome(k: string): CatalogEntry | null {
  const office = /事業所/u.test(k) && /割合|率/u.test(k);
  if (office && /定着率/u.test(k)) return entryById('outcome.employment.teichaku_rate_offices');
  if (office && /(?:一般就労|就労)移行(?:者の割合|率)|移行率/u.test(k) && !/定着/u.test(k))
    return entryById('outcome.employment.ikou_shien_offices_over_half');
  if (!/一般就労/u.test(k) || /定着|割合|率/u.test(k)) return null;
  const named = EMPLOYMENT_PATHWAYS.filter(([re]) => re.test(k));
  return named.length === 1 ? entryById(named[0]![1]) : null;
}

/** Exact on the key, or the catalog name (≥ 4 chars) contained in it that ends it, else the longest one. */
function matchKey(k: string): CatalogMatch | null {
  const idx = keyIndex();
  const exact = idx.get(k);
  if (exact) return { entry: exact, how: 'exact' };
  let best: { key: string; entry: CatalogEntry } | null = null;
  let last: { key: string; entry: CatalogEntry } | null = null;
  for (const [key, entry] of idx) {
    if (key.length < 4 || !k.includes(key)) continue;
    if (!best || key.length > best.key.length) best = { key, entry };
    if (k.endsWith(key) && (!last || key.length > last.key.length)) last = { key, entry };
  }
  // A label made of a goal's heading and one of its items (`福祉施設から一般就労への移行等 就労定着支援事業の利用者数`)
  // is the item: the name ending it wins when it is of the same goal area as the longer one.
  if (last && best && last.entry.group !== null && last.entry.group === best.entry.group) best = last;
  // Contained names must head or end the label, or cover most of it: `情報意思疎通支援用具` is not 意思疎通支援.
  // Setting places up (`グループホームの新規開設`, `…の整備`) is not the service those places give.
  // A share of a whole (`第1号被保険者に占める後期高齢者の割合`) is not the whole it is a share of.
  const after = best ? k.slice(k.indexOf(best.key) + best.key.length) : '';
  const setUp = best ? /^の?(?:新規)?(?:開設|整備|設置|指定|確保|誘致)|^に占める/u.test(after) : false;
  if (best && !setUp && (k.startsWith(best.key) || k.endsWith(best.key) || best.key.length >= k.length * 0.7))
    return { entry: best.entry, how: 'contains' };
  return null;
}

/**
 * Match a label as written to the catalog: an employment outcome by its pathway (see `employmentOutcome`), exact on
 * the normal form, or a catalog name (≥ 4 chars) contained in the label; then the same without types in brackets.
 * No fuzzy forcing: an unmatched label stays unmatched.
 */
export function matchIndicator(label: string, context = ''): CatalogMatch | null {
  const k = labelKey(label);
  if (!k) return null;
  const outcome = employmentOutcome(k);
  if (outcome) return { entry: outcome, how: 'outcome' };
  // (a label whose key is one several entries' names share, `自立訓練(生活訓練)…`: read with its brackets' words;
  // when no entry owns that key and the words tell none apart, `介護予防短期入所療養介護` alone, no entry)
  const bases = [...sharedKeys()].filter(([b]) => k.includes(b));
  if (bases.length) {
    const full = labelKey(label, true, true);
    const told = full !== k ? matchKey(full) : null;
    if (told) return told;
  }
  const hit = matchKey(k) ?? (labelKey(label, false) !== k ? matchKey(labelKey(label, false)) : null);
  // (one of the entries sharing the key, or a shorter name inside it — `短期入所療養介護` in `介護予防…` — is a guess)
  const unowned = bases.filter(([, owner]) => owner === null).map(([b]) => b);
  if (hit && unowned.some((b) => b.includes(labelKey(hit.entry.label)))) return null;
  if (hit) return hit;
  if (context) {
    const ck = labelKey(`${context}${label}`);
    const found = keyIndex().get(ck);
    if (found) return { entry: found, how: 'exact' };
  }
  return null;
}

/**
 * The name of `candidates` (glyphs, with what each names) that `glyphs` is fewest glyphs from — at most two in five of
 * the longer, not equal — when no name of another owner comes within two more of it; names shorter than `minLength`
 * or more than three glyphs longer or shorter are not tried. The OCR repairs below read garbled words with it.
 */
function nearestUnique<T>(
  glyphs: readonly string[],
  candidates: Iterable<readonly [name: readonly string[], owner: T]>,
  minLength: number,
): { name: readonly string[]; owner: T } | null {
  let best: { d: number; name: readonly string[]; owner: T } | null = null;
  let second = Number.POSITIVE_INFINITY;
  for (const [name, owner] of candidates) {
    if (name.length < minLength || Math.abs(name.length - glyphs.length) > 3) continue;
    const d = editDistance(glyphs, name);
    if (!best || d < best.d) {
      if (best && best.owner !== owner) second = Math.min(second, best.d);
      best = { d, name, owner };
    } else if (owner !== best.owner) second = Math.min(second, d);
  }
  if (
    !best ||
    best.d === 0 ||
    best.d > Math.floor(0.4 * Math.max(best.name.length, glyphs.length)) ||
    second < best.d + 2
  )
    return null;
  return best;
}

/**
 * The catalog entry an OCR-garbled label was (`本知准対応全共同生活介` for 認知症対応型共同生活介護, `介財老人保健施` for
 * 介護老人保健施設): the name (label or alias, five glyphs or more) the label's key is the fewest glyphs from — at
 * most two in five of the longer — when no other entry's name comes within two of it. Only for labels read by OCR
 * (`matchIndicator` never forces a fuzzy match on text as written); the caller warns and doubts the repair.
 */
export function nearestOcrIndicator(label: string): CatalogEntry | null {
  const k = [...labelKey(label)];
  if (k.length < 4) return null;
  return (
    nearestUnique(
      k,
      [...keyIndex()].map(([key, entry]) => [[...key], entry] as const),
      5,
    )?.owner ?? null
  );
}

let accounts: { name: string[]; account: string }[] | undefined;

/**
 * The account name (勘定科目, data/accounts-shakai-fukushi.txt) a word of a statement's stub that OCR garbled was
 * (`紅価償却費` for 減価償却費, `受取利和鳥配当金収益` for 受取利息配当金収益): the name of four glyphs or more the word is
 * fewest glyphs from — at least one, at most two in five of the longer — when no other name comes within two of it.
 * Only for words read by OCR; the caller warns and doubts the repair.
 */
export function nearestOcrAccount(word: string): string | null {
  // (each name as a 事業活動計算書 writes it and as a 資金収支計算書 does: 会費収益 / 会費収入, 拠点区分間繰入金費用 /
  // 拠点区分間繰入金支出, 人件費 / 人件費支出 — a name of either form is no misreading of the other)
  accounts ??= readDataFile('accounts-shakai-fukushi.txt')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .flatMap((l) =>
      [
        l,
        ...(/収益$/u.test(l) ? [l.replace(/収益$/u, '収入')] : []),
        ...(/費用$/u.test(l) ? [l.replace(/費用$/u, '支出')] : /費$/u.test(l) ? [`${l}支出`] : []),
      ].map((form) => ({ name: [...form.normalize('NFKC')], account: l })),
    );
  const w = [...word.normalize('NFKC')];
  if (w.length < 4) return null;
  // (the forms of one account are one name: only another account's comes close)
  const near = nearestUnique(
    w,
    accounts.map(({ name, account }) => [name, account] as const),
    4,
  );
  return near ? near.name.join('') : null;
}
