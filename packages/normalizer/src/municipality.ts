import type { Municipality } from '@shiryo/model';
import { parseCsv, readDataFile } from './data.js';
import { romajiSpellings } from './romaji.js';

let cache: Municipality[] | undefined;

/** Every municipality of the bundled code list (全国地方公共団体コード, CC0, code4fukui/localgovjp). */
export function municipalities(): Municipality[] {
  cache ??= parseCsv(readDataFile('municipalities.csv')).map((r) => ({
    code: r.lgcode ?? '',
    name: (r.name ?? '').replace(/\s+/g, ''),
    prefecture: r.prefecture ?? '',
    kana: r.kana ?? '',
  }));
  return cache;
}

export function municipalityByCode(code: string): Municipality | null {
  return municipalities().find((m) => m.code === code) ?? null;
}

/** Look a name up (`東松山市`, `埼玉県東松山市`); null when unknown, the first when ambiguous and no prefecture given. */
export function municipalityByName(name: string): Municipality | null {
  const n = name.normalize('NFKC').replace(/\s+/g, '');
  const hits = municipalities().filter((m) => n === m.name || n === m.prefecture + m.name);
  return hits.find((m) => n.startsWith(m.prefecture)) ?? hits[0] ?? null;
}

/**
 * The check digit of a 全国地方公共団体コード from its first five digits: the digits weighted 6, 5, 4, 3, 2, the
 * sum's remainder mod 11 taken from 11, its last digit (所沢市 11208 → 9: 112089).
 */
export function codeCheckDigit(five: string): number {
  const sum = [...five].reduce((s, d, i) => s + Number(d) * (6 - i), 0);
  return (11 - (sum % 11)) % 10;
}

export type MunicipalityLookup =
  | { kind: 'found'; municipality: Municipality }
  | { kind: 'ambiguous'; candidates: Municipality[] }
  | { kind: 'unknown'; suggestions: Municipality[] };

/**
 * Kanji offices and people write for the code list's own in a municipality's name (family "a city's name as it is
 * written"): 塩釜市 for 塩竈市, 桧原村 for 檜原村, 竜ケ崎市 for 龍ケ崎市, 飯館村 for 飯舘村, 﨑/髙/邊 in old documents.
 * Folded on both sides, the list's names and the text, so either form finds the city. Not folded: 嶋 and 島 (鹿嶋市
 * and 鹿島市 are two cities), and no pair that would make two names of the list one (a test checks).
 */
const VARIANT_KANJI: Readonly<Record<string, string>> = {
  﨑: '崎',
  嵜: '崎',
  髙: '高',
  邊: '辺',
  邉: '辺',
  濱: '浜',
  濵: '浜',
  檜: '桧',
  竈: '釜',
  德: '徳',
  冨: '富',
  澤: '沢',
  櫻: '桜',
  曾: '曽',
  龍: '竜',
  舘: '館',
  峯: '峰',
  廣: '広',
  國: '国',
  淺: '浅',
  瀨: '瀬',
};
const VARIANT_RE = new RegExp(`[${Object.keys(VARIANT_KANJI).join('')}]`, 'gu');
/**
 * One spelling of a name: 鶴ヶ島市 and 鶴ケ島市 are one name (people write either; the code list has both kinds),
 * variation selectors (葛󠄀飾区 with an IVS) dropped, the variant kanji above folded. Used on NFKC text.
 */
export const foldName = (s: string): string =>
  s
    .replace(/[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g, '')
    .replace(/ヶ/g, 'ケ')
    .replace(VARIANT_RE, (c) => VARIANT_KANJI[c] ?? c);

/** `広島県府中市 (342084)`: how a municipality is named in messages. */
export const municipalityLabel = (m: Municipality): string => `${m.prefecture}${m.name} (${m.code})`;

/**
 * A municipality a person gave (an option, a manifest cell): a 6-digit code; a 5-digit one, which is either the
 * code without its check digit (11208 → 112089) or a code a spreadsheet stripped of its leading 0 (11002 →
 * 011002) — both are tried, and where both exist (15 codes) it is ambiguous; a name (`所沢市`, `札幌市中央区`) or
 * a prefecture and a name (`広島県府中市`, `広島県 府中市`). Never guesses: a name two municipalities share is
 * ambiguous, an unknown one comes back with the names it may have meant.
 */
export function lookupMunicipality(query: string): MunicipalityLookup {
  const q = foldName(query.normalize('NFKC').replace(/\s+/g, ''));
  const found = (ms: Municipality[]): MunicipalityLookup =>
    ms.length === 1
      ? { kind: 'found', municipality: ms[0]! }
      : ms.length > 1
        ? { kind: 'ambiguous', candidates: ms }
        : { kind: 'unknown', suggestions: [] };
  if (/^\d{6}$/.test(q)) return found([municipalityByCode(q)].filter((m) => m !== null));
  if (/^\d{5}$/.test(q)) {
    const ms = [municipalityByCode(`${q}${codeCheckDigit(q)}`), municipalityByCode(`0${q}`)];
    return found(ms.filter((m) => m !== null));
  }
  const all = municipalities();
  const exact = all.filter((m) => q === foldName(m.name) || q === m.prefecture + foldName(m.name));
  if (exact.length) return found(exact);
  // `埼玉県府中市`: the name exists in other prefectures; `所沢`: names that start with what was given.
  const pref = PREFECTURES.find((p) => q.startsWith(p));
  const bare = pref ? q.slice(pref.length) : q;
  const suggestions = bare
    ? [
        ...all.filter((m) => foldName(m.name) === bare),
        ...all.filter((m) => foldName(m.name) !== bare && foldName(m.name).startsWith(bare)),
      ]
    : [];
  return { kind: 'unknown', suggestions: suggestions.slice(0, 6) };
}

export interface MunicipalityGuess {
  municipality: Municipality;
  mentions: number;
  warnings: string[];
}

const PREFECTURES = [
  ...new Set(
    parseCsv(readDataFile('prefectures.csv'))
      .map((r) => r.name ?? '')
      .filter(Boolean),
  ),
];

/** A run of three or more single letters set apart by spaces (`東 松 山 市`, a title spaced out to fill a line). */
const SPACED_RUN = /(?<![\p{L}\p{N}])\p{L}(?:[ \u3000]\p{L}(?![\p{L}\p{N}])){2,}/gu;
/** A kanji or katakana a mention may follow: a prefecture's or district's suffix, a year, term, round or date. */
const JOINS_BEFORE_NAME = /[県都道府郡年度期回月日号]/u;

/**
 * Detect the municipality a document is about: count mentions of every municipality name (a longer name wins
 * over a name inside it: 東松山市 over 松山市), weight mentions in the first lines (title, committee name) and
 * disambiguate same-name municipalities by the prefectures mentioned. Names are read as they are written (family
 * "a city's name as it is written"): variant kanji and ヶ/ケ folded (塩釜市 is 塩竈市), a title spaced out letter by
 * letter joined (`東 松 山 市`), and a name glued on its left to another kanji or katakana word is no mention
 * (`桧原村` holds 原村, `一ノ関市` 関市, `旧上野市` is a former town, `第三次市民` 三次市) unless that letter is a
 * prefecture's or district's suffix or a year, term or round (`埼玉県東松山市`, `令和6年度所沢市`, `第7期伊賀市`).
 */
export function detectMunicipality(text: string): MunicipalityGuess | null {
  const t = foldName(text.normalize('NFKC')).replace(SPACED_RUN, (run) => run.replace(/[ \u3000]/g, ''));
  const head = t.slice(0, 600);
  const hits: { start: number; end: number; name: string }[] = [];
  names ??= namesByName();
  for (const name of names.keys()) {
    if (name.length < 2) continue;
    let i = t.indexOf(name);
    while (i >= 0) {
      hits.push({ start: i, end: i + name.length, name });
      i = t.indexOf(name, i + 1);
    }
  }
  // keep the longest of overlapping hits
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: typeof hits = [];
  for (const h of hits) {
    const prev = kept[kept.length - 1];
    if (prev && h.start < prev.end) {
      if (h.end - h.start > prev.end - prev.start) kept[kept.length - 1] = h;
      continue;
    }
    kept.push(h);
  }
  // a name inside a word is no mention (checked after the overlaps: 大和郡山市 keeps its own hit, not 郡山市's)
  const mentions = kept.filter((h) => {
    const before = t[h.start - 1] ?? '';
    return !(/[\p{sc=Han}\p{sc=Katakana}]/u.test(before) && !JOINS_BEFORE_NAME.test(before));
  });
  if (mentions.length === 0) return null;
  const score = new Map<string, { n: number; first: number }>();
  for (const h of mentions) {
    const s = score.get(h.name) ?? { n: 0, first: h.start };
    s.n += h.start < head.length ? 3 : 1;
    score.set(h.name, s);
  }
  const [bestName, best] = [...score.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)[0]!;
  const candidates = names.get(bestName) ?? [];
  const warnings: string[] = [];
  let chosen = candidates[0]!;
  if (candidates.length > 1) {
    const mentioned = PREFECTURES.filter((p) => t.includes(p));
    const byPref = candidates.filter((m) => mentioned.includes(m.prefecture));
    if (byPref.length === 1) chosen = byPref[0]!;
    else
      warnings.push(
        `municipality name ${bestName} is ambiguous (${candidates.map((c) => c.prefecture).join(', ')}); chose ${chosen.prefecture}`,
      );
  }
  return { municipality: chosen, mentions: best.n, warnings };
}

export type PathMunicipality =
  | { kind: 'found'; municipality: Municipality; part: string }
  | { kind: 'ambiguous'; candidates: Municipality[]; part: string };

interface PathHit {
  start: number;
  end: number;
  /** A prefecture's name (only narrows the others), or the municipalities the hit may be. */
  prefecture?: string;
  cities: Municipality[];
  /** A 6-digit code, bounded by its own pattern. */
  code?: boolean;
}

/** Kana and kanji: a name glued to one of these on its left is part of another word. */
const JAPANESE_LETTER = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]/u;
/** …except a year, term, round or date before it: `令和6年度所沢市`, `第7期伊賀市`, `第2回所沢市`. */
const COUNTER_BEFORE = /[年度期回月日号]$/u;
/** `三次市民`, `中央市場`, `中央区域`: the name's last character starts another word. */
const WORD_AFTER = /^[民場域]/u;

/** Every name (folded: ヶ as ケ) and the municipalities that bear it. */
function namesByName(): Map<string, Municipality[]> {
  const byName = new Map<string, Municipality[]>();
  for (const m of municipalities()) byName.set(foldName(m.name), [...(byName.get(foldName(m.name)) ?? []), m]);
  return byName;
}
let names: Map<string, Municipality[]> | undefined;

/**
 * Municipality names, 6-digit codes and prefecture names in one folder or file name, overlaps resolved.
 * `wards`: the wards of a designated city named further out, by their own names (`港北区` for 横浜市港北区).
 */
function pathHits(original: string, wards: readonly { name: string; ward: Municipality }[] = []): PathHit[] {
  const part = foldName(original);
  const hits: PathHit[] = [];
  for (const w of wards)
    for (let i = part.indexOf(w.name); i >= 0; i = part.indexOf(w.name, i + 1))
      hits.push({ start: i, end: i + w.name.length, cities: [w.ward] });
  for (const m of part.matchAll(/(?<![0-9A-Za-z])\d{6}(?![0-9A-Za-z])/g)) {
    const code = m[0];
    const city = codeCheckDigit(code.slice(0, 5)) === Number(code[5]) ? municipalityByCode(code) : null;
    if (city) hits.push({ start: m.index, end: m.index + 6, cities: [city], code: true });
  }
  for (const p of PREFECTURES)
    for (let i = part.indexOf(p); i >= 0; i = part.indexOf(p, i + 1))
      hits.push({ start: i, end: i + p.length, prefecture: p, cities: [] });
  names ??= namesByName();
  for (const [name, cities] of names)
    for (let i = part.indexOf(name); i >= 0; i = part.indexOf(name, i + 1))
      hits.push({ start: i, end: i + name.length, cities });
  // The longest of overlapping hits, the earlier of two as long: 東京都 in 東京都市 holds no 京都市.
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: PathHit[] = [];
  for (const h of hits) {
    const clash = kept.findIndex((k) => h.start < k.end && k.start < h.end);
    if (clash < 0) kept.push(h);
    else if (h.end - h.start > kept[clash]!.end - kept[clash]!.start) kept[clash] = h;
  }
  return kept.filter((h) => {
    if (h.prefecture || h.code) return true;
    const before = part.slice(0, h.start);
    const gluedLeft =
      JAPANESE_LETTER.test(before.slice(-1)) &&
      !COUNTER_BEFORE.test(before) &&
      !before.endsWith('郡') &&
      !kept.some((k) => k.prefecture && k.end === h.start);
    return !gluedLeft && !WORD_AFTER.test(part.slice(h.end));
  });
}

/**
 * The municipality a file's path names, for documents whose text never does: the file name first (without its
 * extension), then its folders from the nearest outwards; the first that names one decides. A folder or file
 * name may hold a 6-digit 全国地方公共団体コード (`112089_資料2.pdf`; the check digit must hold) or a name with
 * its 市/町/村/区 (`所沢市/`, `saitama/所沢市_資料2.pdf`, `令和6年度所沢市…`). Not read: a name inside another
 * word (`第三次市民…` holds 三次市, `東京都市…` 京都市, `港北区` 北区, `中央区域` 中央区), a prefecture's name
 * alone (`広島県/` is no 広島市; a bare `千葉/` or `広島/` names nothing), 5-digit numbers (a code without its
 * check digit cannot be told from the other numbers in file names). A prefecture anywhere in the path picks
 * between same-name municipalities (`広島県/府中市/`); a ward of a designated city is read with the city
 * (`名古屋市/北区/` is 名古屋市北区, not 東京都北区). A name that stays ambiguous, or two different cities in
 * the same name, come back as `ambiguous`. Pure: reads the path string, never the filesystem.
 */
export function municipalityFromPath(path: string): PathMunicipality | null {
  const parts = path
    .normalize('NFKC')
    .split(/[\\/]+/)
    .filter((p) => p && p !== '.' && p !== '..');
  const last = parts.length - 1;
  if (last >= 0) parts[last] = parts[last]!.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const hitsOf: PathHit[][] = [];
  for (const part of parts) {
    // `横浜市/港北区/`: the wards of the designated cities named further out, by their own names.
    const cities = hitsOf.flat().flatMap((h) => h.cities);
    const wards = municipalities().flatMap((m) => {
      const city = cities.find((c) => m.name.length > c.name.length && m.name.startsWith(c.name));
      return city && m.prefecture === city.prefecture
        ? [{ name: foldName(m.name.slice(city.name.length)), ward: m }]
        : [];
    });
    hitsOf.push(pathHits(part, wards));
  }
  const prefectures = new Set(hitsOf.flat().flatMap((h) => (h.prefecture ? [h.prefecture] : [])));
  if (last >= 0 && hitsOf.every((hs) => hs.every((h) => h.prefecture))) {
    const romaji = municipalitiesInRomaji(parts[last]!);
    if (romaji) return romaji;
  }
  for (let i = last; i >= 0; i--) {
    const cityHits = hitsOf[i]!.filter((h) => !h.prefecture);
    if (cityHits.length === 0) continue;
    const readings = cityHits.map((h) => {
      const narrowed = h.cities.filter((m) => prefectures.has(m.prefecture));
      return narrowed.length ? narrowed : h.cities;
    });
    const candidates = [...new Map(readings.flat().map((m) => [m.code, m])).values()];
    const part = parts[i]!;
    return candidates.length === 1
      ? { kind: 'found', municipality: candidates[0]!, part }
      : { kind: 'ambiguous', candidates, part };
  }
  return null;
}

let romajiNames: Map<string, Municipality[]> | undefined;
let romajiPrefectures: Set<string> | undefined;

/** Municipality names in Hepburn romaji, with and without their 市/町/村 (`fuji`, `fujishi`, `kobe`, `koube`). */
function namesInRomaji(): Map<string, Municipality[]> {
  const byName = new Map<string, Municipality[]>();
  for (const m of municipalities()) {
    const kana = m.kana ?? '';
    if (!kana || /\s/u.test(kana)) continue; // wards of designated cities: named with their city
    const stems = [kana];
    for (const suffix of ['し', 'ちょう', 'まち', 'むら', 'そん'])
      if (kana.endsWith(suffix) && kana.length > suffix.length) stems.push(kana.slice(0, -suffix.length));
    for (const spelling of new Set(stems.flatMap(romajiSpellings)))
      if (spelling.length >= 4) byName.set(spelling, [...(byName.get(spelling) ?? []), m]);
  }
  return byName;
}

/**
 * The municipality an ASCII file name names in romaji (`fuji_r8_shizei_split.pdf` → 富士市, `kobe_zaisei21.pdf` →
 * 神戸市), for files whose path names none in Japanese: a token of four letters or more between non-letters that is
 * a municipality's name in Hepburn (long vowels written once or as typed), with or without its 市/町/村 (`fujishi`).
 * A prefecture's name (`osaka`, `shizuoka`) names no city, as a bare `広島/` does not; a name several
 * municipalities bear, or two names, are ambiguous. The file name only: folders name projects as often as places.
 */
function municipalitiesInRomaji(fileName: string): PathMunicipality | null {
  romajiNames ??= namesInRomaji();
  romajiPrefectures ??= new Set(
    parseCsv(readDataFile('prefectures.csv')).flatMap((r) => {
      const en = (r.name_en ?? '').toLowerCase();
      return [en, ...romajiSpellings((r.kana ?? '').replace(/(?:けん|ふ|と)$/u, ''))].filter(Boolean);
    }),
  );
  const tokens = fileName
    .toLowerCase()
    .split(/[^a-z]+/u)
    .filter((t) => t.length >= 4 && !romajiPrefectures!.has(t));
  const cities = [...new Map(tokens.flatMap((t) => romajiNames!.get(t) ?? []).map((m) => [m.code, m])).values()];
  if (cities.length === 0) return null;
  return cities.length === 1
    ? { kind: 'found', municipality: cities[0]!, part: fileName }
    : { kind: 'ambiguous', candidates: cities, part: fileName };
}
