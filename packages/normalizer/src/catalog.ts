import { BULLET_MARKS, classBody, NOTE_MARKS } from '@shiryo/model';
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
];

function entriesOf(file: string, plan: CatalogEntry['plan']): CatalogEntry[] {
  const doc = parse(readDataFile(file)) as Record<string, unknown>;
  const out: CatalogEntry[] = [];
  for (const section of LIST_SECTIONS) {
    const list = doc[section];
    if (!Array.isArray(list)) continue;
    for (const e of list as Record<string, unknown>[]) {
      if (typeof e?.id !== 'string' || typeof e.label !== 'string') continue;
      const measures = Array.isArray(e.measures) ? (e.measures as Record<string, unknown>[]) : [];
      const units = [
        ...(Array.isArray(e.units) ? (e.units as unknown[]).map(String) : []),
        ...measures
          .map((m) => (typeof m === 'object' && m && typeof m.unit === 'string' ? m.unit : ''))
          .filter(Boolean),
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
  return out;
}

let cache: CatalogEntry[] | undefined;

/** The national indicator catalog bundled in `data/indicators-*.yaml`. */
export function catalog(): CatalogEntry[] {
  cache ??= [...entriesOf('indicators-shogai.yaml', 'shogai'), ...entriesOf('indicators-kaigo.yaml', 'kaigo')];
  return cache;
}

/** Normal form for matching labels: NFKC, no spaces/brackets/punctuation, 障がい→障害, readings in brackets dropped. */
export function labelKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/障がい|障碍|しょうがい/g, '障害')
    .replace(/[(（][^)）]*[)）]/g, (m) => (/^[(（][A-Za-zＡ-Ｚ]型[)）]$/.test(m) ? m.slice(1, -1) : ''))
    .replace(KEY_PUNCT, '')
    .replace(/(の見込量|の利用者数|サービス|事業所|事業)$/g, '')
    .toLowerCase();
}

let index: Map<string, CatalogEntry> | undefined;

/** Keys that name no indicator on their own (what is left of `合計（訪問系）` once readings are dropped). */
const TOO_GENERIC = new Set(['合計', '小計', '総数', '総計', '計', '実績', '目標', '見込', '利用者数', '人数']);
const usableKey = (k: string) => k.length >= 2 && !TOO_GENERIC.has(k);

function keyIndex(): Map<string, CatalogEntry> {
  if (index) return index;
  index = new Map();
  // Canonical labels first, so an alias never takes a name that is another entry's own label.
  for (const e of catalog()) {
    const k = labelKey(e.label);
    if (usableKey(k) && !index.has(k)) index.set(k, e);
  }
  for (const e of catalog()) {
    for (const name of e.aliases) {
      const k = labelKey(name);
      if (usableKey(k) && !index.has(k)) index.set(k, e);
    }
  }
  return index;
}

export interface CatalogMatch {
  entry: CatalogEntry;
  how: 'exact' | 'contains' | 'tokens';
}

/**
 * Match a label as written to the catalog: exact on the normal form, or the longest catalog name (≥ 4 chars)
 * contained in the label. No fuzzy forcing: an unmatched label stays unmatched.
 */
export function matchIndicator(label: string, context = ''): CatalogMatch | null {
  const k = labelKey(label);
  if (!k) return null;
  const idx = keyIndex();
  const exact = idx.get(k);
  if (exact) return { entry: exact, how: 'exact' };
  let best: { key: string; entry: CatalogEntry } | null = null;
  for (const [key, entry] of idx) {
    if (key.length >= 4 && k.includes(key) && (!best || key.length > best.key.length)) best = { key, entry };
  }
  // Contained names must head or end the label, or cover most of it: `情報意思疎通支援用具` is not 意思疎通支援.
  // Setting places up (`グループホームの新規開設`, `…の整備`) is not the service those places give.
  const setUp = best
    ? /^の?(?:新規)?(?:開設|整備|設置|指定|確保|誘致)/u.test(k.slice(k.indexOf(best.key) + best.key.length))
    : false;
  if (best && !setUp && (k.startsWith(best.key) || k.endsWith(best.key) || best.key.length >= k.length * 0.7))
    return { entry: best.entry, how: 'contains' };
  if (context) {
    const ck = labelKey(`${context}${label}`);
    const hit = idx.get(ck);
    if (hit) return { entry: hit, how: 'exact' };
  }
  return null;
}
